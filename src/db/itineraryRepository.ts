import type { StopTiming } from '@/domain/dayOrder'
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

    /**
     * Gives stops new start times and tie-breaking orders (a stop moved in the day), all or none.
     * Every stop named must belong to the event and be named once.
     */
    async retime(eventId: Id, timings: readonly StopTiming[], now: IsoInstant): Promise<void> {
      await db.transaction('rw', db.events, db.stops, async () => {
        const stops = new Map((await stopsOf(eventId)).map((stop) => [stop.id, stop]))
        if (new Set(timings.map((timing) => timing.id)).size !== timings.length || !timings.every((timing) => stops.has(timing.id))) {
          throw new Error('a retiming must name stops of the event, each once')
        }
        await db.stops.bulkPut(
          timings.map((timing) => ({ ...(stops.get(timing.id) as Stop), plannedStart: timing.plannedStart, order: timing.order })),
        )
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
