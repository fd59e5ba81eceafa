const base64UrlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const base64UrlIndex = new Map([...base64UrlAlphabet].map((character, index) => [character, index]))

/** Base64url without padding (RFC 4648 §5): safe in a URL fragment and in a QR code. */
export function toBase64Url(bytes: Uint8Array): string {
  let text = ''
  for (let index = 0; index < bytes.length; index += 3) {
    const chunk = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0)
    const characters = Math.min(4, Math.ceil(((bytes.length - index) * 8) / 6))
    for (let position = 0; position < characters; position += 1) {
      text += base64UrlAlphabet[(chunk >> (18 - position * 6)) & 63]
    }
  }
  return text
}

/** Decodes base64url; null when the text holds a character outside the alphabet or has an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8))
  let buffer = 0
  let bits = 0
  let written = 0
  for (const character of text) {
    const value = base64UrlIndex.get(character)
    if (value === undefined) return null
    buffer = (buffer << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[written++] = (buffer >> bits) & 255
    }
    buffer &= (1 << bits) - 1
  }
  return bytes
}

/**
 * Whether two byte strings are equal, reading every byte whatever it finds on the way, so that the
 * time taken does not tell how many leading bytes of a guess were right.
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length
  const length = Math.max(a.length, b.length)
  for (let index = 0; index < length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0)
  return difference === 0
}

const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1
  return value >>> 0
})

/** CRC-32 (IEEE 802.3), the checksum of ZIP and PNG. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 255] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

// ---- Decimal digits: what a QR code's numeric mode packs best (10 bits for 3 digits). ----

/**
 * Bytes as one decimal number: a QR code carries it in a numeric segment at 3.32 bits a digit, so
 * each byte costs 8.03 bits, where base64url in a byte segment costs 10.7. A leading 1 (in hex)
 * keeps leading zero bytes and tells the length: the number is `0x1‖bytes`.
 */
export function toDecimalDigits(bytes: Uint8Array): string {
  let hex = '1'
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return BigInt(`0x${hex}`).toString(10)
}

/** Reads `toDecimalDigits`; null for anything but a number written as it writes one. */
export function fromDecimalDigits(text: string): Uint8Array | null {
  if (!/^[1-9]\d*$/.test(text)) return null
  const hex = BigInt(text).toString(16)
  if (hex.length % 2 !== 1 || !hex.startsWith('1')) return null
  const bytes = new Uint8Array((hex.length - 1) / 2)
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16)
  return bytes
}
