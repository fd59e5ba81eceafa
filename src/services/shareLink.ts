import {
  frameSharePayload,
  publicEventFromJsonBytes,
  publicEventToJsonBytes,
  unframeSharePayload,
  type PublicEvent,
  type ShareLinkError,
} from '@/domain/publicEvent'
import { err, type Result } from '@/domain/result'
import { deflateRaw, inflateRaw } from './compression'

/** The path of the participant schedule; the event travels in the fragment, which no server sees. */
export const schedulePath = '/schedule'

export async function encodeShareFragment(event: PublicEvent): Promise<string> {
  return frameSharePayload(await deflateRaw(publicEventToJsonBytes(event)))
}

export async function decodeShareFragment(fragment: string): Promise<Result<PublicEvent, ShareLinkError>> {
  const payload = unframeSharePayload(fragment)
  if (!payload.ok) return payload
  let json: Uint8Array
  try {
    json = await inflateRaw(payload.value)
  } catch {
    return err('corrupt')
  }
  return publicEventFromJsonBytes(json)
}

export function shareUrl(origin: string, fragment: string): string {
  return `${origin}${schedulePath}#${fragment}`
}
