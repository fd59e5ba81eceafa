import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMinutesToTime,
  dayOfWeek,
  epochMsToZoned,
  isValidLocalDate,
  isValidLocalTime,
  isValidTimeZone,
  timeZoneOffsetMinutes,
  zonedDateTimeToEpochMs,
  isOnLocalDate,
} from './time'

describe('calendar values', () => {
  it.each(['2027-07-24', '2028-02-29', '2026-10-25'])('accepts the date %s', (value) => {
    expect(isValidLocalDate(value)).toBe(true)
  })

  it.each(['', '2027-02-29', '2027-13-01', '2027-7-24', '24/07/2027', '2027-07-32', 'tomorrow'])(
    'rejects the date %j',
    (value) => {
      expect(isValidLocalDate(value)).toBe(false)
    },
  )

  it('validates wall times', () => {
    expect(isValidLocalTime('09:30')).toBe(true)
    expect(isValidLocalTime('23:59')).toBe(true)
    expect(isValidLocalTime('24:00')).toBe(false)
    expect(isValidLocalTime('9:30')).toBe(false)
  })

  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true)
    expect(isValidTimeZone('America/Guadeloupe')).toBe(true)
    expect(isValidTimeZone('Europe/Auxerre')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })

  it('adds days and tells the weekday', () => {
    expect(addDays('2027-07-31', 1)).toBe('2027-08-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(dayOfWeek('2025-07-26')).toBe(6)
  })

  it('adds minutes to a wall time and reports crossing midnight', () => {
    expect(addMinutesToTime('18:00', 120)).toEqual({ time: '20:00', dayOffset: 0 })
    expect(addMinutesToTime('23:30', 45)).toEqual({ time: '00:15', dayOffset: 1 })
  })
})

describe('time zones', () => {
  it('converts a summer wall time in Paris (UTC+2)', () => {
    const epochMs = zonedDateTimeToEpochMs('2027-07-24', '09:30', 'Europe/Paris')
    expect(new Date(epochMs).toISOString()).toBe('2027-07-24T07:30:00.000Z')
    expect(timeZoneOffsetMinutes(epochMs, 'Europe/Paris')).toBe(120)
    expect(epochMsToZoned(epochMs, 'Europe/Paris')).toEqual({ date: '2027-07-24', time: '09:30' })
  })

  it('handles the day clocks go back (25 October 2026 in Paris)', () => {
    const before = zonedDateTimeToEpochMs('2026-10-25', '01:30', 'Europe/Paris')
    const repeated = zonedDateTimeToEpochMs('2026-10-25', '02:30', 'Europe/Paris')
    const after = zonedDateTimeToEpochMs('2026-10-25', '09:30', 'Europe/Paris')
    expect(new Date(before).toISOString()).toBe('2026-10-24T23:30:00.000Z')
    // 02:30 happens twice; the first occurrence (still summer time) is chosen.
    expect(new Date(repeated).toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(new Date(after).toISOString()).toBe('2026-10-25T08:30:00.000Z')
  })

  it('handles the day clocks go forward (28 March 2027 in Paris)', () => {
    const skipped = zonedDateTimeToEpochMs('2027-03-28', '02:30', 'Europe/Paris')
    expect(new Date(skipped).toISOString()).toBe('2027-03-28T01:30:00.000Z')
    expect(epochMsToZoned(skipped, 'Europe/Paris').time).toBe('03:30')
  })

  it('works west of Greenwich too', () => {
    const epochMs = zonedDateTimeToEpochMs('2027-01-10', '18:00', 'America/Montreal')
    expect(new Date(epochMs).toISOString()).toBe('2027-01-10T23:00:00.000Z')
  })
})

describe('isOnLocalDate', () => {
  it('follows the time zone, not UTC', () => {
    // 23:30 UTC on 23 July is already 24 July in Paris, still 23 July in New York.
    const instant = Date.parse('2027-07-23T23:30:00Z')
    expect(isOnLocalDate(instant, '2027-07-24', 'Europe/Paris')).toBe(true)
    expect(isOnLocalDate(instant, '2027-07-24', 'America/New_York')).toBe(false)
  })
})
