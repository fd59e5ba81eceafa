import { describe, expect, it } from 'vitest'
import {
  isNewerPublicEvent,
  publicEventFromBytes,
  publicEventFromRecords,
  publicEventOf,
  publicEventRecords,
  publicEventToBytes,
  publicSchedule,
  type PublicEvent,
} from './publicEvent'
import { buildSampleEvent } from './sampleEvent'

function sample() {
  let counter = 0
  return buildSampleEvent({
    today: '2026-11-26',
    now: '2026-11-26T12:00:00.000Z',
    language: 'fr',
    // Every stop id shares its first characters, to exercise key collisions.
    newId: () => `abcdef01-${String(++counter).padStart(4, '0')}-4000-8000-000000000000`,
    newBadgeCode: () => 'B'.repeat(16),
  })
}

describe('publicEventOf', () => {
  it('keeps the public part only, with each stop’s current delay', () => {
    const day = sample()
    const shift = { id: 's', eventId: day.event.id, fromStopId: day.stops[3]!.id, minutes: 10, undoesShiftId: null, lengthensStop: false, at: '', deviceId: 'd' }
    const event = publicEventOf(day.event, day.stops, [shift])
    expect(Object.keys(event).sort()).toEqual(
      ['date', 'hashtags', 'id', 'meetingPoint', 'name', 'organisation', 'revision', 'stops', 'timeZone'].sort(),
    )
    expect(event.stops.map((stop) => stop.delayMinutes)).toEqual([0, 0, 0, 10, 10, 10, 10, 10, 0])
    expect(Object.keys(event.stops[0]!)).not.toContain('capacity')
    expect(Object.keys(event.stops[0]!)).not.toContain('notes')
  })

  it('carries a stop that runs longer, and participants see its new end', () => {
    const day = sample()
    const picnic = day.stops[2]!
    const shift = { id: 's', eventId: day.event.id, fromStopId: picnic.id, minutes: 20, undoesShiftId: null, lengthensStop: true, at: '', deviceId: 'd' }
    const event = publicEventOf(day.event, day.stops, [shift])
    expect(event.stops[2]).toMatchObject({ delayMinutes: 0, extraMinutes: 20 })
    const travelled = publicEventFromBytes(publicEventToBytes(event))
    if (!travelled.ok) throw new Error('not read back')
    expect(travelled.value.stops[2]?.extraMinutes).toBe(20)
    const laidOut = publicSchedule(travelled.value).stops
    expect(laidOut[2]!.endMs - laidOut[2]!.startMs).toBe((picnic.durationMinutes + 20) * 60_000)
    expect(laidOut[3]!.delayMinutes).toBe(20)
  })

  it('gives every stop a distinct key, lengthening those that would collide', () => {
    const event = publicEventOf(sample().event, sample().stops, [])
    const keys = event.stops.map((stop) => stop.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys[0]).toHaveLength(3)
    expect(keys[1]!.length).toBeGreaterThan(3)
  })
})

describe('the link’s text layout', () => {
  const event = () => publicEventOf(sample().event, sample().stops, [])
  const records = () => publicEventRecords(event())

  it('reads back what it wrote', () => {
    expect(publicEventFromBytes(publicEventToBytes(event()))).toEqual({ ok: true, value: event() })
    expect(publicEventFromRecords(records())).toEqual(event())
  })

  it('writes one record for the event and one per stop, times in minutes, places after the first relative to it', () => {
    const [head, first, second, third] = records()
    expect(head).toHaveLength(8)
    // Empty fields at the end of a stop are left out: the meeting has no partner, the picnic no detail either.
    expect(first).toHaveLength(13)
    expect(third).toHaveLength(13)
    expect(records()[4]).toHaveLength(11)
    expect(first?.[3]).toBe('570')
    expect(first?.slice(9, 11)).toEqual(['4779630', '357390'])
    expect(second?.slice(9, 11)).toEqual(['220', '90'])
  })

  it('keeps coordinates right when the first stops have none', () => {
    const day = sample()
    const stops = day.stops.map((stop, index) => (index < 2 ? { ...stop, place: { ...stop.place, lat: null, lng: null } } : stop))
    const withoutPlaces = publicEventOf(day.event, stops, [])
    expect(publicEventFromBytes(publicEventToBytes(withoutPlaces))).toEqual({ ok: true, value: withoutPlaces })
  })

  it('writes control characters as spaces, since they separate the fields', () => {
    const day = sample()
    const stops = day.stops.map((stop, index) => (index === 0 ? { ...stop, title: 'Line\u001eone\u001ftwo\nthree' } : stop))
    const decoded = publicEventFromBytes(publicEventToBytes(publicEventOf(day.event, stops, [])))
    expect(decoded.ok && decoded.value.stops[0]?.title).toBe('Line one two three')
  })

  it.each<[string, (value: string[][]) => void]>([
    ['a missing field', (value) => value[0]!.pop()],
    ['a stop with a field too many', (value) => value[1]!.push(...new Array<string>(16 - value[1]!.length).fill('1'))],
    ['a stop shortened to nothing', (value) => value[1]!.push(...new Array<string>(14 - value[1]!.length).fill(''), '-600')],
    ['a stop without its coordinates', (value) => value[4]!.splice(9)],
    ['an unknown time zone', (value) => (value[0]![4] = 'Mars/Olympus')],
    ['an impossible date', (value) => (value[0]![3] = '2027-02-30')],
    ['a revision of zero', (value) => (value[0]![1] = '0')],
    ['a revision written with a plus sign', (value) => (value[0]![1] = '+1')],
    ['an empty name', (value) => (value[0]![2] = '')],
    ['a stop at 24:00', (value) => (value[1]![3] = '1440')],
    ['a stop of an unknown kind', (value) => (value[1]![1] = '42')],
    ['a latitude without longitude', (value) => (value[1]![10] = '')],
    ['a place beyond the pole', (value) => (value[2]![9] = '9000000')],
    ['two stops with one key', (value) => (value[2]![0] = value[1]![0]!)],
    ['markup where a number goes', (value) => (value[1]![4] = '<script>')],
    ['a line break in a title', (value) => (value[1]![2] = 'two\nlines')],
  ])('refuses %s', (_, damage) => {
    const value = records()
    damage(value)
    expect(publicEventFromRecords(value)).toBeNull()
  })

  it('refuses bytes that are not UTF-8', () => {
    expect(publicEventFromBytes(new Uint8Array([0xff, 0xfe, 0x1f]))).toEqual({ ok: false, error: 'invalid' })
  })
})

describe('publicSchedule and revisions', () => {
  it('lays out the day as the link describes it', () => {
    const day = sample()
    const shift = { id: 's', eventId: day.event.id, fromStopId: day.stops[0]!.id, minutes: 10, undoesShiftId: null, lengthensStop: false, at: '', deviceId: 'd' }
    const schedule = publicSchedule(publicEventOf(day.event, day.stops, [shift]))
    expect(schedule.stops[0]?.delayMinutes).toBe(10)
    expect(schedule.conflicts.map((entry) => [entry.stop.title, entry.lateForFixedMinutes])).toEqual([
      ['Balade en bateau électrique sur l’Yonne', 10],
    ])
  })

  it('lets only a higher revision replace a stored event', () => {
    const event = { revision: 3 } as PublicEvent
    expect(isNewerPublicEvent(event, undefined)).toBe(true)
    expect(isNewerPublicEvent(event, { revision: 2 })).toBe(true)
    expect(isNewerPublicEvent(event, { revision: 3 })).toBe(false)
    expect(isNewerPublicEvent(event, { revision: 4 })).toBe(false)
  })
})
