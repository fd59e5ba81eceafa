import type { StopDetails } from '@/domain/stop'
import type { Id, IsoInstant, ScheduleShift, Stop } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

/** Stops and schedule shifts of an event. Every change bumps the event's revision in the same transaction. */
export function createItineraryRepository(db: PhotowalkDatabase) {
  async function bumpRevision(eventId: Id, now: IsoInstant) {
    const event = await db.events.get(eventId)
    if (!event) throw new Error(`event ${eventId} does not exist`)
    await db.events.put({ ...event, revision: event.revision + 1, updatedAt: now })
  }

  const stopsOf = (eventId: Id) =>
    db.stops.where('[eventId+order]').between([eventId, -Infinity], [eventId, Infinity]).toArray()

  return {
    stops: stopsOf,
    getStop: (id: Id) => db.stops.get(id),
    shifts: (eventId: Id): Promise<ScheduleShift[]> =>
      db.scheduleShifts.where('[eventId+at]').between([eventId, ''], [eventId, '\uffff']).toArray(),

    /** Adds a stop at the end of the day's order. */
    async addStop(eventId: Id, details: StopDetails, context: { id: Id; now: IsoInstant }): Promise<Stop> {
      return db.transaction('rw', db.events, db.stops, async () => {
        const existing = await stopsOf(eventId)
        const order = existing.reduce((highest, stop) => Math.max(highest, stop.order + 1), 0)
        const stop: Stop = { ...details, place: { ...details.place }, id: context.id, eventId, order }
        await db.stops.add(stop)
        await bumpRevision(eventId, context.now)
        return stop
      })
    },

    async updateStop(id: Id, details: StopDetails, now: IsoInstant): Promise<void> {
      await db.transaction('rw', db.events, db.stops, async () => {
        const existing = await db.stops.get(id)
        if (!existing) throw new Error(`stop ${id} does not exist`)
        await db.stops.put({ ...existing, ...details, place: { ...details.place } })
        await bumpRevision(existing.eventId, now)
      })
    },

    async removeStop(id: Id, now: IsoInstant): Promise<void> {
      await db.transaction('rw', db.events, db.stops, async () => {
        const existing = await db.stops.get(id)
        if (!existing) return
        await db.stops.delete(id)
        await bumpRevision(existing.eventId, now)
      })
    },

    /** Puts the event's stops in the given order; `orderedIds` must name each of them once. */
    async reorder(eventId: Id, orderedIds: readonly Id[], now: IsoInstant): Promise<void> {
      await db.transaction('rw', db.events, db.stops, async () => {
        const stops = await stopsOf(eventId)
        const known = new Set(stops.map((stop) => stop.id))
        if (orderedIds.length !== stops.length || new Set(orderedIds).size !== stops.length || !orderedIds.every((id) => known.has(id))) {
          throw new Error('a reorder must list every stop of the event once')
        }
        const byId = new Map(stops.map((stop) => [stop.id, stop]))
        await db.stops.bulkPut(orderedIds.map((id, order) => ({ ...(byId.get(id) as Stop), order })))
        await bumpRevision(eventId, now)
      })
    },

    /** Appends a shift (or the undo of one). Shifts are never edited or deleted. */
    async appendShift(shift: ScheduleShift): Promise<void> {
      await db.transaction('rw', db.events, db.scheduleShifts, async () => {
        await db.scheduleShifts.add(shift)
        await bumpRevision(shift.eventId, shift.at)
      })
    },
  }
}

export type ItineraryRepository = ReturnType<typeof createItineraryRepository>
