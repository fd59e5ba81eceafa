import { canonicalBytes } from '@/domain/canonicalJson'

/** SHA-256 of some bytes, in lowercase hex, by the platform's Web Crypto. */
export async function sha256Hex(bytes: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** SHA-256 of a value's canonical JSON form (see `canonicalJson`). */
export const sha256OfCanonical = (value: unknown): Promise<string> => sha256Hex(canonicalBytes(value))
