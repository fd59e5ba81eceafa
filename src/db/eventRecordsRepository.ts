import { emptyEventRecords, type EventRecords } from '@/domain/eventRecords'
import type { Id } from '@/domain/types'
import { eventScopedTables, type PhotowalkDatabase } from './schema'

export function createEventRecordsRepository(db: PhotowalkDatabase) {
  return {
    /** Every record of these events, read in one transaction so that the tables agree with each other. */
    async read(eventIds: readonly Id[]): Promise<EventRecords> {
      const records = emptyEventRecords()
      await db.transaction('r', [db.events, ...eventScopedTables.map((name) => db.table(name))], async () => {
        records.events = (await db.events.bulkGet([...eventIds])).filter((event) => event !== undefined)
        for (const name of eventScopedTables) {
          const rows: unknown[] = await db.table(name).where('eventId').anyOf([...eventIds]).toArray()
          ;(records[name] as unknown[]) = rows
        }
      })
      return records
    },
  }
}
