import { describe, expect, it } from 'vitest'
import {
  activeShifts,
  conflictsAhead,
  defaultShiftStop,
  effectiveSchedule,
  newShift,
  nowAndNext,
  parseShiftMinutes,
  type DaySchedule,
} from './schedule'
import { zonedDateTimeToEpochMs } from './time'
import type { ScheduleShift, Stop } from './types'

const day = { date: '2027-07-24', timeZone: 'Europe/Paris' }
const at = (time: string, date = day.date) => zonedDateTimeToEpochMs(date, time, day.timeZone)
const clock = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: day.timeZone }).format(ms)

function stop(id: string, order: number, start: string, minutes: number, extra: Partial<Stop> = {}): Stop {
  return {
    id,
    eventId: 'e',
    order,
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

let shiftCounter = 0
function shift(fromStopId: string, minutes: number, undoesShiftId: string | null = null): ScheduleShift {
  shiftCounter += 1
  return {
    id: `shift-${shiftCounter}`,
    eventId: 'e',
    fromStopId,
    minutes,
    undoesShiftId,
    lengthensStop: false,
    at: '2027-07-24T08:00:00.000Z',
    deviceId: 'd',
  }
}

// The reference day: meeting, a boat that leaves at 10:00 sharp, picnic, a spot, a booked reception.
const day1 = [
  stop('meeting', 0, '09:30', 30),
  stop('boat', 1, '10:00', 90, { isFixed: true }),
  stop('picnic', 2, '12:00', 90),
  stop('spot', 3, '14:00', 60),
  stop('walk', 4, '15:30', 60),
  stop('reception', 5, '18:00', 120, { isFixed: true }),
]

const times = (schedule: DaySchedule) =>
  Object.fromEntries(schedule.stops.map((entry) => [entry.stop.id, `${clock(entry.startMs)}-${clock(entry.endMs)}`]))

describe('effectiveSchedule', () => {
  it('is the plan when nobody is late', () => {
    const schedule = effectiveSchedule(day1, [], day)
    expect(times(schedule)).toEqual({
      meeting: '09:30-10:00',
      boat: '10:00-11:30',
      picnic: '12:00-13:30',
      spot: '14:00-15:00',
      walk: '15:30-16:30',
      reception: '18:00-20:00',
    })
    expect(schedule.totalMinutes).toBe(630)
    expect(schedule.conflicts).toEqual([])
    expect(schedule.stops.map((entry) => entry.gapBeforeMinutes)).toEqual([null, 0, 30, 30, 30, 90])
  })

  it('moves the stops after a shift, adding several shifts up', () => {
    const schedule = effectiveSchedule(day1, [shift('picnic', 10), shift('spot', 15)], day)
    expect(times(schedule)).toMatchObject({
      picnic: '12:10-13:40',
      spot: '14:25-15:25',
      walk: '15:55-16:55',
      reception: '18:00-20:00',
    })
    expect(schedule.stops.map((entry) => entry.delayMinutes)).toEqual([0, 0, 10, 25, 25, 0])
  })

  it('keeps a fixed stop in place and reports how late the group will be', () => {
    const schedule = effectiveSchedule(day1, [shift('meeting', 10)], day)
    expect(times(schedule)).toMatchObject({ meeting: '09:40-10:10', boat: '10:00-11:30', picnic: '12:00-13:30' })
    expect(schedule.conflicts.map((entry) => [entry.stop.id, entry.lateForFixedMinutes])).toEqual([['boat', 10]])
  })

  it('lets the buffer before a fixed stop absorb a delay', () => {
    const schedule = effectiveSchedule(day1, [shift('walk', 60)], day)
    expect(times(schedule)).toMatchObject({ walk: '16:30-17:30', reception: '18:00-20:00' })
    expect(schedule.conflicts).toEqual([])
    const tooLate = effectiveSchedule(day1, [shift('walk', 100)], day)
    expect(tooLate.conflicts.map((entry) => [entry.stop.id, entry.lateForFixedMinutes])).toEqual([['reception', 10]])
  })

  it('applies a shift declared from a fixed stop to the stops after it', () => {
    const schedule = effectiveSchedule(day1, [shift('boat', 20)], day)
    expect(times(schedule)).toMatchObject({ boat: '10:00-11:30', picnic: '12:20-13:50', spot: '14:20-15:20' })
    expect(schedule.conflicts).toEqual([])
  })

  it('undoes a shift with an undo record, and lets the group catch up with a negative one', () => {
    const late = shift('picnic', 15)
    const undo = shift('picnic', 0, late.id)
    expect(activeShifts([late, undo])).toEqual([])
    expect(times(effectiveSchedule(day1, [late, undo], day))).toMatchObject({ picnic: '12:00-13:30' })
    const caughtUp = effectiveSchedule(day1, [late, shift('spot', -10)], day)
    expect(times(caughtUp)).toMatchObject({ picnic: '12:15-13:45', spot: '14:05-15:05' })
  })

  it('ignores a shift whose stop was deleted', () => {
    expect(times(effectiveSchedule(day1, [shift('gone', 30)], day))).toMatchObject({ picnic: '12:00-13:30' })
  })

  it('flags plans that overlap without calling them delays', () => {
    const overlapping = [stop('a', 0, '10:00', 60), stop('b', 1, '10:30', 60, { isFixed: true })]
    const schedule = effectiveSchedule(overlapping, [], day)
    expect(schedule.stops[1]?.plannedOverlap).toBe(true)
    expect(schedule.stops[1]?.gapBeforeMinutes).toBe(-30)
    expect(schedule.conflicts).toEqual([])
  })

  it('follows the stops’ times, whatever order they were added in', () => {
    const added = [stop('late', 0, '15:00', 30), stop('early', 1, '09:00', 30)]
    expect(effectiveSchedule(added, [], day).stops.map((entry) => entry.stop.id)).toEqual(['early', 'late'])
  })

  it('places a stop added later where its time puts it, and calls only real overlaps “overlap”', () => {
    // A 13:35 stop added at the end of the sample-like day lands between the picnic and the spot.
    const schedule = effectiveSchedule([...day1, stop('bridge', 6, '13:35', 20)], [], day)
    expect(schedule.stops.map((entry) => entry.stop.id)).toEqual(['meeting', 'boat', 'picnic', 'bridge', 'spot', 'walk', 'reception'])
    expect(schedule.stops.map((entry) => entry.gapBeforeMinutes)).toEqual([null, 0, 30, 5, 5, 30, 90])
    expect(schedule.stops.some((entry) => entry.plannedOverlap)).toBe(false)
  })

  it('keeps the stored order for stops that start at the same time', () => {
    const twins = [stop('second', 1, '10:00', 30), stop('first', 0, '10:00', 30)]
    expect(effectiveSchedule(twins, [], day).stops.map((entry) => entry.stop.id)).toEqual(['first', 'second'])
  })

  it('a delay declared while a stop runs lengthens it: its start stays, its end and the stops after it move', () => {
    const schedule = effectiveSchedule(day1, [{ ...shift('picnic', 15), lengthensStop: true }], day)
    expect(times(schedule)).toMatchObject({ picnic: '12:00-13:45', spot: '14:15-15:15', walk: '15:45-16:45' })
    const picnic = schedule.stops.find((entry) => entry.stop.id === 'picnic')
    expect(picnic).toMatchObject({ delayMinutes: 0, extraMinutes: 15 })
  })

  it('a fixed stop that runs longer moves the stops after it', () => {
    const schedule = effectiveSchedule(day1, [{ ...shift('boat', 20), lengthensStop: true }], day)
    expect(times(schedule)).toMatchObject({ boat: '10:00-11:50', picnic: '12:20-13:50' })
  })

  it('never makes a stop earlier than planned, the first one included', () => {
    const schedule = effectiveSchedule(day1, [shift('meeting', -20), shift('picnic', 10), shift('spot', -30)], day)
    expect(times(schedule)).toMatchObject({ meeting: '09:30-10:00', picnic: '12:10-13:40', spot: '14:00-15:00' })
    expect(schedule.startMs).toBe(at('09:30'))
  })

  it('keeps true durations on the day clocks go back (25 October 2026, Paris)', () => {
    const night = { date: '2026-10-25', timeZone: 'Europe/Paris' }
    const stops = [stop('party', 0, '01:30', 120), stop('sunrise', 1, '07:30', 60)]
    const schedule = effectiveSchedule(stops, [shift('party', 30)], night)
    const [party, sunrise] = schedule.stops
    expect(new Date(party!.startMs).toISOString()).toBe('2026-10-25T00:00:00.000Z')
    // Two real hours after 02:00 summer time is 03:00 winter time.
    expect(new Date(party!.endMs).toISOString()).toBe('2026-10-25T02:00:00.000Z')
    expect(new Date(sunrise!.startMs).toISOString()).toBe('2026-10-25T07:00:00.000Z')
    // 02:00 to 09:00 on the wall clock that day is eight real hours, not seven.
    expect(schedule.totalMinutes).toBe(480)
  })
})

describe('newShift', () => {
  const schedule = effectiveSchedule(day1, [shift('meeting', 10)], day)

  it('moves a stop that has not begun', () => {
    expect(newShift(schedule, 'picnic', 10, at('11:50'))).toEqual({ fromStopId: 'picnic', minutes: 10, lengthensStop: false })
  })

  it('lengthens a stop that has begun, so no start moves into the past', () => {
    // The meeting runs late itself (09:40–10:10 after the first delay): it is under way at 09:45.
    expect(newShift(schedule, 'meeting', 5, at('09:45'))).toEqual({ fromStopId: 'meeting', minutes: 5, lengthensStop: true })
    expect(newShift(schedule, 'picnic', 15, at('12:00'))).toMatchObject({ lengthensStop: true })
  })

  it('says nothing when the stop is unknown', () => {
    expect(newShift(schedule, 'gone', 5, at('09:45'))).toBeNull()
  })
})

describe('conflicts still ahead', () => {
  it('leaves out a fixed stop that is already over', () => {
    const schedule = effectiveSchedule(day1, [shift('meeting', 10)], day)
    expect(conflictsAhead(schedule, at('09:45')).map((entry) => entry.stop.id)).toEqual(['boat'])
    expect(conflictsAhead(schedule, at('11:00')).map((entry) => entry.stop.id)).toEqual(['boat'])
    expect(conflictsAhead(schedule, at('11:30'))).toEqual([])
  })
})

describe('nowAndNext', () => {
  const schedule = effectiveSchedule(day1, [shift('picnic', 10)], day)

  it('before the day: the first stop is next', () => {
    const state = nowAndNext(schedule, at('08:00'))
    expect(state).toMatchObject({ phase: 'before', current: null, minutesToNext: 90 })
    expect(state.next?.stop.id).toBe('meeting')
  })

  it('at a stop’s start it is current; at its end the next one is', () => {
    const atStart = nowAndNext(schedule, at('09:30'))
    expect(atStart.current?.stop.id).toBe('meeting')
    expect(atStart.minutesLeft).toBe(30)
    expect(atStart.next?.stop.id).toBe('boat')
    const atEnd = nowAndNext(schedule, at('10:00'))
    expect(atEnd.current?.stop.id).toBe('boat')
    expect(atEnd.minutesLeft).toBe(90)
  })

  it('rounds the time left up to the minute', () => {
    expect(nowAndNext(schedule, at('09:30') + 30_000).minutesLeft).toBe(30)
    expect(nowAndNext(schedule, at('09:59') + 59_000).minutesLeft).toBe(1)
  })

  it('between stops, uses effective times', () => {
    const state = nowAndNext(schedule, at('12:05'))
    expect(state).toMatchObject({ phase: 'between', current: null, minutesToNext: 5 })
    expect(state.next?.stop.id).toBe('picnic')
  })

  it('after the day there is nothing left', () => {
    expect(nowAndNext(schedule, at('20:00'))).toMatchObject({ phase: 'after', current: null, next: null })
  })

  it('says so when the day has no stops', () => {
    expect(nowAndNext(effectiveSchedule([], [], day), at('10:00')).phase).toBe('empty')
  })

  it('picks the stop a delay starts from', () => {
    expect(defaultShiftStop(schedule, at('09:45'))?.id).toBe('meeting')
    expect(defaultShiftStop(schedule, at('11:45'))?.id).toBe('picnic')
    expect(defaultShiftStop(schedule, at('23:00'))?.id).toBe('meeting')
  })
})

describe('parseShiftMinutes', () => {
  it.each([
    ['10', 10],
    ['+25', 25],
    [' 5 ', 5],
    ['-10', -10],
    ['−15', -15],
  ])('reads %j as %i minutes', (input, minutes) => {
    expect(parseShiftMinutes(input)).toEqual({ ok: true, value: minutes })
  })

  it.each([
    ['', 'notAWholeNumber'],
    ['dix', 'notAWholeNumber'],
    ['7.5', 'notAWholeNumber'],
    ['0', 'zero'],
    ['721', 'tooLarge'],
  ])('refuses %j', (input, error) => {
    expect(parseShiftMinutes(input)).toEqual({ ok: false, error })
  })
})
