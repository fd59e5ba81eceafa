import { webcrypto } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { crc32, fromDecimalDigits, toBase64Url, toDecimalDigits } from '../../src/domain/bytes'
import { compressP256Point } from '../../src/domain/ecPoint'
import { publicEventFromBytes, publicEventToBytes, type PublicEvent } from '../../src/domain/publicEvent'
import { frameShareLink, signedShareBytes, unframeShareLink } from '../../src/domain/shareFrame'

/** The fragment of a share link, without its `#`. */
export const fragmentOf = (link: string) => new URL(link).hash.slice(1)

/** The event a genuine link carries, read as anyone could read it. */
export function eventOf(link: string): PublicEvent {
  const frame = unframeShareLink(fragmentOf(link))
  if (!frame.ok) throw new Error(`not a share link: ${frame.error}`)
  const event = publicEventFromBytes(new Uint8Array(inflateRawSync(frame.value.payload)))
  if (!event.ok) throw new Error('the link holds no event')
  return event.value
}

/** What a forger can make: a well-formed link for `event`, signed by a key of their own. */
export async function forgedFragment(event: PublicEvent): Promise<string> {
  const { subtle } = webcrypto
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
  const signerKey = compressP256Point(new Uint8Array(await subtle.exportKey('raw', pair.publicKey)))
  if (!signerKey) throw new Error('the platform made a key that is not a P-256 point')
  const payload = new Uint8Array(deflateRawSync(publicEventToBytes(event)))
  const signature = new Uint8Array(
    await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, signedShareBytes(signerKey, payload) as BufferSource),
  )
  return frameShareLink({ signerKey, signature, payload })
}

/** The link as a later version of the app could write it: another version byte, its checksum right. */
export function futureVersionFragment(link: string, version: number): string {
  const bytes = fromDecimalDigits(fragmentOf(link))
  if (!bytes) throw new Error('not a share link')
  bytes[0] = version
  new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes.subarray(0, -4)))
  return toDecimalDigits(bytes)
}

/** A link as the first version of the app wrote it: `[1][CRC-32 of the payload][payload]`, base64url, unsigned. */
export function versionOneFragment(event: PublicEvent): string {
  const payload = new Uint8Array(deflateRawSync(publicEventToBytes(event)))
  const framed = new Uint8Array(payload.length + 5)
  framed[0] = 1
  new DataView(framed.buffer).setUint32(1, crc32(payload))
  framed.set(payload, 5)
  return toBase64Url(framed)
}

/** The fragment with one character replaced by another of the same kind (a digit by a digit). */
export function withCharacterChanged(fragment: string, index: number): string {
  const character = fragment[index] ?? ''
  const replacement = /\d/.test(character) ? String((Number(character) + 1) % 10) : character === 'A' ? 'B' : 'A'
  return fragment.slice(0, index) + replacement + fragment.slice(index + 1)
}
