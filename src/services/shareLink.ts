import { fromBase64Url, toBase64Url } from '@/domain/bytes'
import { compressP256Point, decompressP256Point } from '@/domain/ecPoint'
import { publicEventFromBytes, publicEventToBytes, type PublicEvent } from '@/domain/publicEvent'
import { err, ok, type Result } from '@/domain/result'
import { frameShareLink, signedShareBytes, unframeShareLink, type ShareLinkError } from '@/domain/shareFrame'
import { deflateRaw, inflateRaw } from './compression'
import { signBytes, verifySignature, type SigningKeyPair } from './signing'

export type { ShareLinkError }

/** The path of the participant schedule; the event travels in the fragment, which no server sees. */
export const schedulePath = '/schedule'

/** A day's schedule is a few kilobytes of text; more than this is not a link the app wrote. */
export const maxInflatedPayloadBytes = 1024 * 1024

export interface ReceivedShareLink {
  event: PublicEvent
  /** The raw uncompressed P-256 point that signed the link, base64url: what a kept copy remembers. */
  signerKey: string
}

/** The public event, deflated, signed with the event's key and framed as decimal digits. */
export async function encodeShareFragment(event: PublicEvent, key: SigningKeyPair): Promise<string> {
  const signerKey = compressP256Point(fromBase64Url(key.publicKey) ?? new Uint8Array())
  if (!signerKey) throw new Error('the event’s public key is not a P-256 point')
  const payload = await deflateRaw(publicEventToBytes(event))
  const signature = await signBytes(key.privateKey, signedShareBytes(signerKey, payload))
  return frameShareLink({ signerKey, signature, payload })
}

/**
 * Reads a link and checks that it is whole (checksum), authentic (its signature holds for the key
 * it carries) and a valid schedule, cheapest checks first: nothing is inflated before the signature
 * holds, and inflating stops at `maxInflatedPayloadBytes`. Whether that key may update a schedule
 * already kept on the phone is the caller's question.
 */
export async function decodeShareFragment(fragment: string): Promise<Result<ReceivedShareLink, ShareLinkError>> {
  const frame = unframeShareLink(fragment)
  if (!frame.ok) return frame
  const uncompressedKey = decompressP256Point(frame.value.signerKey)
  if (!uncompressedKey) return err('badSignature')
  const signerKey = toBase64Url(uncompressedKey)
  if (!(await verifySignature(signerKey, frame.value.signature, frame.value.signed))) return err('badSignature')
  let text: Uint8Array
  try {
    text = await inflateRaw(frame.value.payload, maxInflatedPayloadBytes)
  } catch {
    return err('corrupt')
  }
  const event = publicEventFromBytes(text)
  return event.ok ? ok({ event: event.value, signerKey }) : event
}

export function shareUrl(origin: string, fragment: string): string {
  return `${origin}${schedulePath}#${fragment}`
}
