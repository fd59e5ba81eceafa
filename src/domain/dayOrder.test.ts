import { describe, expect, it } from 'vitest'
import { moveInTime, swapWithNeighbour, type StopTiming } from './dayOrder'
import type { Stop } from './types'

const day = { date: '2027-07-24', timeZone: 'Europe/Paris' }

function stop(id: string, start: string, minutes: number, extra: Partial<Stop> = {}): Stop {
  return {
    id,
    eventId: 'e',
    order: 0,
    kind: 'spot',
    title: id,
    plannedStart: start,
    durationMinutes: minutes,
    place: { name: '', address: '', lat: null, lng: null, detail: '' },
    capacity: null,
    isCheckpoint: false,
    isFixed: false,
    partner: '',
    notes: '',
    toBring: '',
    ...extra,
  }
}

const spots = [stop('cathedral', '14:00', 40), stop('abbey', '14:50', 20), stop('tower', '15:20', 40), stop('lanes', '16:00', 45)]

const starts = (timings: StopTiming[]) => Object.fromEntries(timings.map((timing) => [timing.id, timing.plannedStart]))
const orders = (timings: StopTiming[]) => timings.map((timing) => timing.id)

describe('swapping a stop with its neighbour', () => {
  it('moves it in time: the pair keeps its first start and the gap between them, each stop its duration', () => {
    const swapped = swapWithNeighbour(spots, 'abbey', -1, day)
    if (!swapped.ok) throw new Error(swapped.error.kind)
    // Abbey (20 min) takes the cathedral's 14:00; the 10-minute gap follows; the cathedral (40 min) at 14:30.
    expect(starts(swapped.value)).toEqual({ abbey: '14:00', cathedral: '14:30' })
    expect(orders(swapped.value)).toEqual(['abbey', 'cathedral'])
  })

  it('moves a stop down the same way', () => {
    const swapped = swapWithNeighbour(spots, 'tower', 1, day)
    if (!swapped.ok) throw new Error(swapped.error.kind)
    expect(starts(swapped.value)).toEqual({ lanes: '15:20', tower: '16:05' })
  })

  it('refuses to move a fixed stop, or another stop past it, naming it', () => {
    const withBoat = [stop('meeting', '09:30', 30), stop('boat', '10:00', 90, { isFixed: true }), stop('picnic', '12:00', 60)]
    expect(swapWithNeighbour(withBoat, 'boat', 1, day)).toEqual({ ok: false, error: { kind: 'fixed', stopId: 'boat' } })
    expect(swapWithNeighbour(withBoat, 'picnic', -1, day)).toEqual({ ok: false, error: { kind: 'fixed', stopId: 'boat' } })
  })

  it('has nothing to swap with at either end of the day', () => {
    expect(swapWithNeighbour(spots, 'cathedral', -1, day)).toEqual({ ok: false, error: { kind: 'edge' } })
    expect(swapWithNeighbour(spots, 'lanes', 1, day)).toEqual({ ok: false, error: { kind: 'edge' } })
  })

  it('refuses what would start before midnight', () => {
    const early = [stop('a', '00:10', 60), stop('b', '00:20', 10)]
    expect(swapWithNeighbour(early, 'b', -1, day)).toEqual({ ok: false, error: { kind: 'outsideDay' } })
  })
})

describe('moving a stop several places (a drag)', () => {
  it('is a series of swaps with each neighbour on the way', () => {
    const moved = moveInTime(spots, 'lanes', 1, day)
    if (!moved.ok) throw new Error(moved.error.kind)
    expect(starts(moved.value)).toEqual({ lanes: '14:50', abbey: '15:45', tower: '16:05' })
    expect(orders(moved.value)).toEqual(['lanes', 'abbey', 'tower'])
  })

  it('stays put when dropped where it was', () => {
    expect(moveInTime(spots, 'abbey', 1, day)).toEqual({ ok: true, value: [] })
  })

  it('cannot carry a stop past a fixed one', () => {
    const withBoat = [stop('meeting', '09:30', 30), stop('boat', '10:00', 90, { isFixed: true }), stop('picnic', '12:00', 60)]
    expect(moveInTime(withBoat, 'picnic', 0, day)).toEqual({ ok: false, error: { kind: 'fixed', stopId: 'boat' } })
  })
})
