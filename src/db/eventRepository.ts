import type { EventDetails } from '@/domain/event'
import type { SampleEvent } from '@/domain/sampleEvent'
import type { EventSigningKey, Id, IsoInstant, PhotowalkEvent } from '@/domain/types'
import { metaKeys } from './metaKeys'
import { eventScopedTables, type EventScopedTable, type PhotowalkDatabase } from './schema'

export type EventContents = Record<EventScopedTable, number>

/** A new event's key pair, made before the transaction that stores it with the event. */
export type NewSigningKey = Pick<EventSigningKey, 'publicKey' | 'privateKey'>

export function createEventRepository(db: PhotowalkDatabase) {
  const scopedTables = () => eventScopedTables.map((name) => db.table(name))

  return {
    /** Every event, the most recent day first. */
    list: async (): Promise<PhotowalkEvent[]> => (await db.events.orderBy('date').reverse().toArray()),

    get: (id: Id) => db.events.get(id),

    async create(details: EventDetails, context: { id: Id; now: IsoInstant; signingKey?: NewSigningKey }): Promise<PhotowalkEvent> {
      const event: PhotowalkEvent = {
        ...details,
        hashtags: [...details.hashtags],
        id: context.id,
        consentTemplateId: null,
        isSample: false,
        revision: 1,
        createdAt: context.now,
        updatedAt: context.now,
      }
      await db.transaction('rw', [db.events, db.meta, db.signingKeys], async () => {
        await db.events.add(event)
        if (context.signingKey) await db.signingKeys.add({ ...context.signingKey, eventId: event.id, createdAt: context.now })
        await db.meta.put({ key: metaKeys.currentEventId, value: event.id })
      })
      return event
    },

    async update(id: Id, details: EventDetails, now: IsoInstant): Promise<void> {
      await db.transaction('rw', db.events, async () => {
        const existing = await db.events.get(id)
        if (!existing) throw new Error(`event ${id} does not exist`)
        await db.events.put({
          ...existing,
          ...details,
          hashtags: [...details.hashtags],
          revision: existing.revision + 1,
          updatedAt: now,
        })
      })
    },

    /** Stores a whole sample day (with its signing key), or nothing of it, and makes it the current event. */
    async saveSample(sample: SampleEvent, signingKey?: NewSigningKey): Promise<void> {
      await db.transaction('rw', [db.events, db.stops, db.participants, db.meta, db.signingKeys], async () => {
        await db.events.add(sample.event)
        if (signingKey) await db.signingKeys.add({ ...signingKey, eventId: sample.event.id, createdAt: sample.event.createdAt })
        await db.stops.bulkAdd(sample.stops)
        await db.participants.bulkAdd(sample.participants)
        await db.meta.put({ key: metaKeys.currentEventId, value: sample.event.id })
      })
    },

    /** How many records of each kind belong to the event: what a deletion would take with it. */
    async contents(id: Id): Promise<EventContents> {
      const counts = await Promise.all(
        eventScopedTables.map(async (name) => [name, await db.table(name).where('eventId').equals(id).count()] as const),
      )
      return Object.fromEntries(counts) as EventContents
    },

    /** Deletes the event and everything recorded for it, in one transaction. */
    async remove(id: Id): Promise<void> {
      await db.transaction('rw', [db.events, db.meta, ...scopedTables()], async () => {
        for (const table of scopedTables()) await table.where('eventId').equals(id).delete()
        await db.events.delete(id)
        const current = await db.meta.get(metaKeys.currentEventId)
        if (current?.value === id) await db.meta.put({ key: metaKeys.currentEventId, value: null })
      })
    },
  }
}

export type EventRepository = ReturnType<typeof createEventRepository>
