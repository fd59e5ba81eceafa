import type { EventSigningKey, Id } from '@/domain/types'
import { nowIso } from '@/services/clock'
import type { SigningKeyPair } from '@/services/signing'
import { loadDatabase } from './database'

/** Web Crypto code is loaded when a key is first made, not with the start screen. */
const generateSigningKeyPair = async () => (await import('@/services/signing')).generateSigningKeyPair()

/**
 * A key pair for a new event, or none when this browser cannot make one (no Web Crypto outside a
 * secure context): the event is created all the same and gets its key at its first share.
 */
export async function newSigningKeyOrNone(): Promise<SigningKeyPair | undefined> {
  try {
    return await generateSigningKeyPair()
  } catch (error) {
    console.error(error)
    return undefined
  }
}

/** The key that signs the event's links; events created before links were signed get theirs now, once. */
export async function signingKeyFor(eventId: Id): Promise<EventSigningKey> {
  const keys = (await loadDatabase()).signingKeyRepository()
  const existing = await keys.get(eventId)
  if (existing) return existing
  return keys.keep({ eventId, ...(await generateSigningKeyPair()), createdAt: nowIso() })
}
