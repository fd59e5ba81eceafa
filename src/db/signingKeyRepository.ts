import type { EventSigningKey, Id } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

/** The key pairs that sign each event's share links; only the organiser's devices hold them. */
export function createSigningKeyRepository(db: PhotowalkDatabase) {
  return {
    get: (eventId: Id): Promise<EventSigningKey | undefined> => db.signingKeys.get(eventId),

    /**
     * The event's key: the one already stored, else `candidate`, stored now. Making a key is
     * asynchronous Web Crypto work that cannot run inside an IndexedDB transaction, so callers
     * make a candidate first; when two first shares race, the transactions run one after the other
     * and the second finds the first's key, so an event never has two.
     */
    async keep(candidate: EventSigningKey): Promise<EventSigningKey> {
      return db.transaction('rw', db.signingKeys, async () => {
        const existing = await db.signingKeys.get(candidate.eventId)
        if (existing) return existing
        await db.signingKeys.add(candidate)
        return candidate
      })
    },
  }
}

export type SigningKeyRepository = ReturnType<typeof createSigningKeyRepository>
