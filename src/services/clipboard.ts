/** Copies text; resolves to false where the browser refuses (no permission, insecure page). */
export async function copyText(text: string, clipboard: Clipboard | null = globalThis.navigator?.clipboard ?? null): Promise<boolean> {
  if (!clipboard) return false
  try {
    await clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
