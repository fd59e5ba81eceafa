/** Raw DEFLATE (RFC 1951) through the platform's streams: no library, no header bytes. */

/** Thrown when inflating would produce more than the limit allowed: a deflate bomb, or not ours. */
export class OutputTooLargeError extends Error {
  constructor(limit: number) {
    super(`inflated output exceeds ${limit} bytes`)
    this.name = 'OutputTooLargeError'
  }
}

const streamOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart]).stream()

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer())
}

/**
 * Inflates chunk by chunk and stops as soon as the output passes `maxBytes`: a few kilobytes can
 * inflate to gigabytes, and a link is input from anyone.
 */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const reader = streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new OutputTooLargeError(maxBytes)
    }
    chunks.push(value)
  }
  const output = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    output.set(chunk, offset)
    offset += chunk.length
  }
  return output
}
