/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is not misread. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Bytes of randomness in a badge code: 80 bits, well above the 64 needed to be unguessable. */
export const badgeCodeBytes = 10

/** Turns random bytes into a badge code (16 characters for 10 bytes). Randomness is the caller's. */
export function badgeCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < badgeCodeBytes) throw new RangeError(`a badge code needs ${badgeCodeBytes} random bytes`)
  let code = ''
  let buffer = 0
  let bitsInBuffer = 0
  for (const byte of bytes.subarray(0, badgeCodeBytes)) {
    buffer = (buffer << 8) | byte
    bitsInBuffer += 8
    while (bitsInBuffer >= 5) {
      bitsInBuffer -= 5
      code += alphabet[(buffer >> bitsInBuffer) & 31]
    }
    buffer &= (1 << bitsInBuffer) - 1
  }
  return code
}

export function isBadgeCode(value: string): boolean {
  return new RegExp(`^[${alphabet}]{16}$`).test(value)
}
