import { describe, expect, it } from 'vitest'
import {
  compactPublicEvent,
  expandPublicEvent,
  isNewerPublicEvent,
  publicEventOf,
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
    // Every stop id shares its first eight characters, to exercise key collisions.
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

  it('gives every stop a distinct key, lengthening those that would collide', () => {
    const event = publicEventOf(sample().event, sample().stops, [])
    const keys = event.stops.map((stop) => stop.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys[0]).toHaveLength(8)
    expect(keys[1]!.length).toBeGreaterThan(8)
  })
})

describe('expandPublicEvent', () => {
  const valid = () => compactPublicEvent(publicEventOf(sample().event, sample().stops, []))

  it('reads back what compactPublicEvent wrote', () => {
    const event = publicEventOf(sample().event, sample().stops, [])
    expect(expandPublicEvent(JSON.parse(JSON.stringify(compactPublicEvent(event))))).toEqual(event)
  })

  it.each<[string, (value: unknown[]) => void]>([
    ['a missing field', (value) => value.pop()],
    ['an unknown time zone', (value) => (value[4] = 'Mars/Olympus')],
    ['an impossible date', (value) => (value[3] = '2027-02-30')],
    ['a revision of zero', (value) => (value[1] = 0)],
    ['an empty name', (value) => (value[2] = '')],
    ['a stop at 25:00', (value) => ((value[8] as unknown[][])[0]![3] = '25:00')],
    ['a stop of an unknown kind', (value) => ((value[8] as unknown[][])[0]![1] = 42)],
    ['a latitude without longitude', (value) => ((value[8] as unknown[][])[0]![10] = null)],
    ['two stops with one key', (value) => ((value[8] as unknown[][])[1]![0] = (value[8] as unknown[][])[0]![0])],
    ['markup where a number goes', (value) => ((value[8] as unknown[][])[0]![4] = '<script>')],
  ])('refuses %s', (_, damage) => {
    const value = valid() as unknown[]
    damage(value)
    expect(expandPublicEvent(value)).toBeNull()
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
