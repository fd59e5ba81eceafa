/** Hands a file to the browser's download machinery. */
export function downloadFile(fileName: string, mimeType: string, content: string | Uint8Array | Blob): void {
  const blob = content instanceof Blob ? content : new Blob([content as BlobPart], { type: mimeType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke once the click has been handled, not before.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A file name from a title: letters, digits and dashes only, so every system accepts it. */
export function safeFileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
  return `${base || 'photowalk'}.${extension}`
}

/** Reads a picked file, refusing before reading one larger than `maxBytes`. */
export async function readFileBytes(file: Blob, maxBytes: number): Promise<Uint8Array | 'tooLarge'> {
  if (file.size > maxBytes) return 'tooLarge'
  return new Uint8Array(await file.arrayBuffer())
}
