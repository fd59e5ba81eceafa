import type { LocalDate } from './types'

/** Age of majority, as consent rules count it. */
export const ageOfMajority = 18

export interface MonthDay {
  month: number
  day: number
}

/**
 * A date of birth as far as it is known: the year, and the day of the year when the file gave it.
 * `days` is empty for a year alone, and holds two readings when a date such as 03/04/2009 could be
 * either day-first (French tools) or month-first (English ones).
 */
export interface BirthDate {
  year: number
  days: MonthDay[]
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= (lengths[month - 1] ?? 0)
}

function dated(year: number, readings: MonthDay[]): BirthDate | null {
  const real = readings.filter((reading) => isRealDate(year, reading.month, reading.day))
  const distinct = real.filter((reading, index) => real.findIndex((other) => other.month === reading.month && other.day === reading.day) === index)
  return distinct.length === 0 ? null : { year, days: distinct }
}

/**
 * A date of birth as ticketing tools export it: `1995-06-01` (ISO, Weezevent, pretix), `14/03/1990`
 * (HelloAsso and French forms: day first), `03/14/1990` (Eventbrite in English: month first, which
 * is only certain when the second number cannot be a month), a year alone, or a sentence holding
 * one year ("née en 2011"). A date that could be read either way keeps both readings: the minor
 * rule then takes the reading that protects a minor. Two-digit years and impossible dates are null.
 */
export function parseBirthDate(text: string): BirthDate | null {
  const value = text.trim()
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(value)
  if (iso) return dated(Number(iso[1]), [{ month: Number(iso[2]), day: Number(iso[3]) }])
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ].*)?$/.exec(value)
  if (numeric) {
    const first = Number(numeric[1])
    const second = Number(numeric[2])
    const year = Number(numeric[3])
    if (second > 12) return dated(year, [{ month: first, day: second }])
    return dated(year, [
      { month: second, day: first },
      { month: first, day: second },
    ])
  }
  const years = value.match(/\b(?:19|20)\d{2}\b/g) ?? []
  if (years.length === 1 && !/\d{1,2}[-/.]\d{1,2}/.test(value)) return { year: Number(years[0]), days: [] }
  return null
}

function ageOn(year: number, birthday: MonthDay, eventDate: LocalDate): number {
  const [eventYear, eventMonth, eventDay] = eventDate.split('-').map(Number) as [number, number, number]
  const beforeBirthday = eventMonth < birthday.month || (eventMonth === birthday.month && eventDay < birthday.day)
  // Someone born on 29 February comes of age on 1 March in other years: the comparison does it.
  return eventYear - year - (beforeBirthday ? 1 : 0)
}

export const yearOf = (date: LocalDate): number => Number(date.slice(0, 4))

/**
 * With a year of birth only: `minor` when the person is under 18 whatever their birthday, `adult`
 * when they are 18 or more whatever it is, `maybe` when they turn 18 during the event's year.
 */
export function minorityByYear(birthYear: number, eventDate: LocalDate): 'minor' | 'maybe' | 'adult' {
  const difference = yearOf(eventDate) - birthYear
  if (difference < ageOfMajority) return 'minor'
  return difference === ageOfMajority ? 'maybe' : 'adult'
}

/**
 * Whether the person is a minor on the event's day. A full date gives the exact age (18 on the day
 * itself is an adult). A year alone counts as a minor whenever the person could still be one on the
 * day (event year − birth year ≤ 18): consent rules protect minors, so an unknown birthday errs on
 * their side. For the same reason, a date readable two ways makes a minor when either reading does.
 */
export function isMinorOn(birth: BirthDate, eventDate: LocalDate): boolean {
  if (birth.days.length === 0) return minorityByYear(birth.year, eventDate) !== 'adult'
  return birth.days.some((day) => ageOn(birth.year, day, eventDate) < ageOfMajority)
}
