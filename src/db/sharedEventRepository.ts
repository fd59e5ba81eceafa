import { isNewerPublicEvent, type PublicEvent, type SharedEvent } from '@/domain/publicEvent'
import type { Id, IsoInstant } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

/**
 * What receiving a link did: kept it (a new event, or a newer revision), changed nothing (the same
 * revision, or an older one that never overwrites the kept copy), or refused it because another key
 * signed it than the one that signed the copy kept.
 */
export type ReceiveOutcome = 'stored' | 'updated' | 'unchanged' | 'olderIgnored' | 'otherSigner'

export interface ReceiveResult {
  outcome: ReceiveOutcome
  /** The copy on the phone once the link was received: what the participant must be shown. */
  kept: SharedEvent
}

/** Events shared with this device through signed links. */
export function createSharedEventRepository(db: PhotowalkDatabase) {
  return {
    get: (id: Id) => db.sharedEvents.get(id),
    /** The event whose link was opened most recently. */
    latest: async (): Promise<SharedEvent | undefined> => db.sharedEvents.orderBy('receivedAt').last(),

    /**
     * Keeps a link's event, whose signature the caller has checked, under the rules that make a
     * kept schedule the organiser's alone: only the key that signed the kept copy may update it,
     * and a newer revision only replaces an older one. The first link of an event is trusted as it
     * comes (its key is remembered from then on); so is the first signed link for a copy kept
     * before links were signed (`signerKey` null), which cannot be checked any other way.
     */
    async receive(event: PublicEvent, signerKey: string, now: IsoInstant): Promise<ReceiveResult> {
      return db.transaction('rw', db.sharedEvents, async (): Promise<ReceiveResult> => {
        const stored = await db.sharedEvents.get(event.id)
        if (!stored) {
          const kept: SharedEvent = { id: event.id, revision: event.revision, receivedAt: now, event, signerKey }
          await db.sharedEvents.add(kept)
          return { outcome: 'stored', kept }
        }
        if (stored.signerKey !== null && stored.signerKey !== signerKey) return { outcome: 'otherSigner', kept: stored }
        if (isNewerPublicEvent(event, stored)) {
          const kept: SharedEvent = { id: event.id, revision: event.revision, receivedAt: now, event, signerKey }
          await db.sharedEvents.put(kept)
          return { outcome: 'updated', kept }
        }
        const outcome = stored.revision === event.revision ? 'unchanged' : 'olderIgnored'
        if (outcome === 'olderIgnored' && stored.signerKey !== null) return { outcome, kept: stored }
        const kept: SharedEvent = { ...stored, signerKey, receivedAt: outcome === 'unchanged' ? now : stored.receivedAt }
        await db.sharedEvents.put(kept)
        return { outcome, kept }
      })
    },

    /** Removes a kept schedule, in one transaction; false when there was none. */
    async forget(id: Id): Promise<boolean> {
      return db.transaction('rw', db.sharedEvents, async () => {
        const stored = await db.sharedEvents.get(id)
        if (!stored) return false
        await db.sharedEvents.delete(id)
        return true
      })
    },
  }
}

export type SharedEventRepository = ReturnType<typeof createSharedEventRepository>
