import { isNewerPublicEvent, type PublicEvent, type SharedEvent } from '@/domain/publicEvent'
import type { Id, IsoInstant } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

export type ReceiveOutcome = 'stored' | 'updated' | 'unchanged' | 'olderIgnored'

/** Events shared with this device through links. A link never replaces a newer revision. */
export function createSharedEventRepository(db: PhotowalkDatabase) {
  return {
    get: (id: Id) => db.sharedEvents.get(id),
    /** The event whose link was opened most recently. */
    latest: async (): Promise<SharedEvent | undefined> => db.sharedEvents.orderBy('receivedAt').last(),

    async receive(event: PublicEvent, now: IsoInstant): Promise<ReceiveOutcome> {
      return db.transaction('rw', db.sharedEvents, async () => {
        const stored = await db.sharedEvents.get(event.id)
        if (stored && stored.revision === event.revision) {
          await db.sharedEvents.put({ ...stored, receivedAt: now })
          return 'unchanged'
        }
        if (!isNewerPublicEvent(event, stored)) return 'olderIgnored'
        await db.sharedEvents.put({ id: event.id, revision: event.revision, receivedAt: now, event, signerKey: null })
        return stored ? 'updated' : 'stored'
      })
    },
  }
}

export type SharedEventRepository = ReturnType<typeof createSharedEventRepository>
