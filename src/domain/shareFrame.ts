import { crc32, fromBase64Url, fromDecimalDigits, toDecimalDigits } from './bytes'
import { err, ok, type Result } from './result'

/**
 * How a share link wraps its payload, as decimal digits in the URL fragment:
 *
 *     [format version, 1 byte][signer's key, 33][payload][signature, 64][CRC-32 of all before, 4]
 *
 * Every version to come keeps the first byte for the version and the last four for a CRC-32 of all
 * the bytes before them. So a link damaged anywhere — its first characters included — fails the
 * checksum and is called damaged, and only a well-formed link of a greater version is called newer.
 * The signature (ECDSA P-256 with SHA-256, 64 bytes in IEEE P1363 form) covers the version, the key
 * and the payload: the bytes before it.
 */
export const shareFormatVersion = 2
export const signerKeyLength = 33
export const signatureLength = 64
const crcLength = 4
/** No link the app writes comes near this; a longer fragment is refused before any work. */
export const maxShareFragmentLength = 16 * 1024

export type ShareLinkError =
  | 'empty'
  /** Not a schedule link at all. */
  | 'malformed'
  /** Damaged or cut off: a checksum that fails, a payload that does not inflate, or too long to be genuine. */
  | 'corrupt'
  /** Well formed, from a newer version of the app. */
  | 'unknownVersion'
  /** An unsigned link of the app's first version: the organiser must share a new one. */
  | 'outdated'
  /** Well formed, but its signature does not hold: altered after it was signed. */
  | 'badSignature'
  /** Authentic, but what it holds is not a valid schedule. */
  | 'invalid'

export interface ShareFrame {
  version: number
  /** Compressed P-256 point (33 bytes). */
  signerKey: Uint8Array
  signature: Uint8Array
  payload: Uint8Array
  /** The bytes the signature covers. */
  signed: Uint8Array
}

/** What the organiser's key signs: `[version][key][payload]`, the beginning of the frame. */
export function signedShareBytes(signerKey: Uint8Array, payload: Uint8Array, version = shareFormatVersion): Uint8Array {
  const bytes = new Uint8Array(1 + signerKey.length + payload.length)
  bytes[0] = version
  bytes.set(signerKey, 1)
  bytes.set(payload, 1 + signerKey.length)
  return bytes
}

export function frameShareLink(parts: { signerKey: Uint8Array; signature: Uint8Array; payload: Uint8Array }): string {
  const signed = signedShareBytes(parts.signerKey, parts.payload)
  const framed = new Uint8Array(signed.length + parts.signature.length + crcLength)
  framed.set(signed)
  framed.set(parts.signature, signed.length)
  new DataView(framed.buffer).setUint32(framed.length - crcLength, crc32(framed.subarray(0, -crcLength)))
  return toDecimalDigits(framed)
}

/** The first version's links: `[1][CRC-32 of the payload][payload]` in base64url, with no signature. */
function isVersionOneLink(text: string): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return false
  const bytes = fromBase64Url(text)
  if (!bytes || bytes.length < 6 || bytes[0] !== 1) return false
  return crc32(bytes.subarray(5)) === new DataView(bytes.buffer, bytes.byteOffset).getUint32(1)
}

function digitsOf(text: string): Result<Uint8Array, ShareLinkError> {
  if (/^\d+$/.test(text)) {
    const bytes = fromDecimalDigits(text)
    return bytes ? ok(bytes) : err('corrupt')
  }
  if (isVersionOneLink(text)) return err('outdated')
  // Mostly digits: one of the app's links with characters changed, not some other text.
  const digits = text.replace(/\D/g, '').length
  return err(digits * 2 > text.length ? 'corrupt' : 'malformed')
}

export function unframeShareLink(fragment: string): Result<ShareFrame, ShareLinkError> {
  const text = fragment.trim().replace(/^#/, '')
  if (text === '') return err('empty')
  if (text.length > maxShareFragmentLength) return err('corrupt')
  const read = digitsOf(text)
  if (!read.ok) return read
  const bytes = read.value
  if (bytes.length <= crcLength) return err('corrupt')
  const checked = bytes.subarray(0, -crcLength)
  if (crc32(checked) !== new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - crcLength)) return err('corrupt')
  const version = bytes[0] ?? 0
  if (version > shareFormatVersion) return err('unknownVersion')
  // Version 1 was never written as digits: a well-formed frame claiming it was made by hand.
  if (version < shareFormatVersion) return err('corrupt')
  const payloadLength = checked.length - 1 - signerKeyLength - signatureLength
  if (payloadLength < 1) return err('corrupt')
  const signed = checked.subarray(0, -signatureLength)
  return ok({
    version,
    signerKey: signed.subarray(1, 1 + signerKeyLength),
    signature: checked.subarray(-signatureLength),
    payload: signed.subarray(1 + signerKeyLength),
    signed,
  })
}
