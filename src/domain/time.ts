import type { LocalDate, LocalTime } from './types'

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const localTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$/

export const defaultTimeZone = 'Europe/Paris'

export function isValidLocalDate(value: string): value is LocalDate {
  const match = localDatePattern.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export function isValidLocalTime(value: string): value is LocalTime {
  return localTimePattern.test(value)
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormatters.set(timeZone, formatter)
  }
  return formatter
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {}
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  }
}

/** Offset of the time zone from UTC at an instant, in minutes (Paris in summer: +120). */
export function timeZoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(epochMs, timeZone)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  const wholeSecond = Math.floor(epochMs / 1000) * 1000
  return Math.round((asUtc - wholeSecond) / 60_000)
}

/**
 * The instant at which a wall clock in `timeZone` shows `date` `time`. A time skipped by a clock
 * change (02:30 on the last Sunday of March in Paris) resolves to the same wall time after the
 * jump; a time that happens twice (02:30 in late October) resolves to the first occurrence.
 */
export function zonedDateTimeToEpochMs(date: LocalDate, time: LocalTime, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const naiveUtc = Date.UTC(year, month - 1, day, hour, minute)
  const offsetBefore = timeZoneOffsetMinutes(naiveUtc - 12 * 3_600_000, timeZone)
  const offsetAfter = timeZoneOffsetMinutes(naiveUtc + 12 * 3_600_000, timeZone)
  const firstCandidate = naiveUtc - Math.max(offsetBefore, offsetAfter) * 60_000
  if (timeZoneOffsetMinutes(firstCandidate, timeZone) === Math.max(offsetBefore, offsetAfter)) {
    return firstCandidate
  }
  return naiveUtc - Math.min(offsetBefore, offsetAfter) * 60_000
}

/** The calendar date and wall time that `timeZone` shows at an instant. */
export function epochMsToZoned(epochMs: number, timeZone: string): { date: LocalDate; time: LocalTime } {
  const wall = wallClockAt(epochMs, timeZone)
  const pad = (value: number) => String(value).padStart(2, '0')
  return {
    date: `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}`,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
  }
}

/** Adds whole days to a calendar date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** Day of the week of a calendar date, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}

export function addMinutesToTime(time: LocalTime, minutes: number): { time: LocalTime; dayOffset: number } {
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const total = hour * 60 + minute + minutes
  const dayOffset = Math.floor(total / 1440)
  const inDay = total - dayOffset * 1440
  const pad = (value: number) => String(value).padStart(2, '0')
  return { time: `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`, dayOffset }
}

/** Whether an instant falls on a given day in a time zone: "is the event today?" */
export function isOnLocalDate(epochMs: number, date: LocalDate, timeZone: string): boolean {
  return epochMsToZoned(epochMs, timeZone).date === date
}
