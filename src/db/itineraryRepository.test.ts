import { describe, expect, it } from 'vitest'
import { validateStopDraft, emptyStopDraft } from '@/domain/stop'
import { createEventRepository } from './eventRepository'
import { createItineraryRepository } from './itineraryRepository'
import { databasesClosedAfterEachTest, freshDatabase } from './testing'

const databases = databasesClosedAfterEachTest()

async function withEvent() {
  const db = freshDatabase()
  databases.keep(db)
  await createEventRepository(db).create(
    { name: 'Photowalk', date: '2027-07-24', timeZone: 'Europe/Paris', hashtags: [], meetingPoint: '', organisation: '', goal: null },
    { id: 'e1', now: '2026-11-26T12:00:00.000Z' },
  )
  return { db, itinerary: createItineraryRepository(db), events: createEventRepository(db) }
}

function details(title: string, start: string) {
  const result = validateStopDraft({ ...emptyStopDraft(start), title }, { date: '2027-07-24', timeZone: 'Europe/Paris' })
  if (!result.ok) throw new Error('invalid stop fixture')
  return result.value
}

describe('itinerary repository', () => {
  it('adds stops at the end, edits, reorders and removes them, counting revisions', async () => {
    const { itinerary, events } = await withEvent()
    const now = '2026-11-26T12:00:00.000Z'
    await itinerary.addStop('e1', details('A', '09:00'), { id: 'a', now })
    await itinerary.addStop('e1', details('B', '10:00'), { id: 'b', now })
    await itinerary.addStop('e1', details('C', '11:00'), { id: 'c', now })
    expect((await itinerary.stops('e1')).map((stop) => [stop.id, stop.order])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ])
    await itinerary.updateStop('b', details('B bis', '10:15'), now)
    await itinerary.retime('e1', [{ id: 'c', plannedStart: '08:00', order: 0 }, { id: 'a', plannedStart: '10:30', order: 2 }], now)
    expect((await itinerary.stops('e1')).map((stop) => [stop.title, stop.plannedStart])).toEqual([
      ['C', '08:00'],
      ['B bis', '10:15'],
      ['A', '10:30'],
    ])
    await itinerary.removeStop('a', now)
    expect((await itinerary.stops('e1')).map((stop) => stop.id)).toEqual(['c', 'b'])
    expect((await events.get('e1'))?.revision).toBe(7)
  })

  it('refuses a retiming that names a stop twice or one of another event, and changes nothing', async () => {
    const { itinerary, events } = await withEvent()
    const now = '2026-11-26T12:00:00.000Z'
    await itinerary.addStop('e1', details('A', '09:00'), { id: 'a', now })
    await itinerary.addStop('e1', details('B', '10:00'), { id: 'b', now })
    const early = { plannedStart: '07:00', order: 0 }
    await expect(itinerary.retime('e1', [{ id: 'a', ...early }, { id: 'a', ...early }], now)).rejects.toThrow()
    await expect(itinerary.retime('e1', [{ id: 'b', ...early }, { id: 'elsewhere', ...early }], now)).rejects.toThrow()
    expect((await itinerary.stops('e1')).map((stop) => [stop.id, stop.plannedStart])).toEqual([
      ['a', '09:00'],
      ['b', '10:00'],
    ])
    expect((await events.get('e1'))?.revision).toBe(3)
  })

  it('appends shifts and their undos, never changing the earlier ones', async () => {
    const { itinerary } = await withEvent()
    const base = { eventId: 'e1', fromStopId: 'a', deviceId: 'd' }
    await itinerary.appendShift({ ...base, id: 's1', minutes: 10, undoesShiftId: null, lengthensStop: false, at: '2027-07-24T08:00:00.000Z' })
    await itinerary.appendShift({ ...base, id: 's2', minutes: 0, undoesShiftId: 's1', lengthensStop: false, at: '2027-07-24T08:05:00.000Z' })
    expect((await itinerary.shifts('e1')).map((shift) => shift.id)).toEqual(['s1', 's2'])
    await expect(
      itinerary.appendShift({ ...base, id: 's1', minutes: 99, undoesShiftId: null, lengthensStop: false, at: '2027-07-24T09:00:00.000Z' }),
    ).rejects.toThrow()
    expect((await itinerary.shifts('e1'))[0]?.minutes).toBe(10)
  })
})
