import { addMinutesToTime, zonedDateTimeToEpochMs } from './time'
import type { Language, LocalDate, LocalTime } from './types'

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' }

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Building an Intl formatter is costly; lists format hundreds of times, so each is built once. */
function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(language), options)
    formatters.set(key, formatter)
  }
  return formatter
}

export function intlLocale(language: Language): string {
  return locales[language]
}

/** "samedi 24 juillet 2027": a calendar date needs no time zone, so it is formatted at UTC noon. */
export function formatLocalDate(date: LocalDate, language: Language, style: 'long' | 'short' = 'long'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
  return dateTimeFormat(language, options).format(new Date(Date.UTC(year, month - 1, day, 12)))
}

/** A wall time of the event's day, shown as its time zone shows it ("09:30", or "9:30 AM" style per locale). */
export function formatEventTime(date: LocalDate, time: LocalTime, timeZone: string, language: Language): string {
  return formatClock(zonedDateTimeToEpochMs(date, time, timeZone), timeZone, language)
}

export function endTime(start: LocalTime, durationMinutes: number): LocalTime {
  return addMinutesToTime(start, durationMinutes).time
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value)
}

export function formatBytes(bytes: number, language: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value)
}

/** The wall time an instant shows in the event's time zone. */
export function formatClock(epochMs: number, timeZone: string, language: Language): string {
  return dateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone }).format(epochMs)
}

/** "+10 min", "−5 min": a delay, or time caught up. */
export function formatSignedDuration(minutes: number, language: Language): string {
  return `${minutes > 0 ? '+' : ''}${formatDuration(minutes, language)}`
}

/** "35 min", "1 h", "1 h 05": short enough for a glance in the sun. */
export function formatDuration(totalMinutes: number, language: Language): string {
  const sign = totalMinutes < 0 ? '−' : ''
  const minutes = Math.abs(Math.round(totalMinutes))
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const space = language === 'fr' ? '\u202f' : ' '
  if (hours === 0) return `${sign}${rest}${space}min`
  if (rest === 0) return `${sign}${hours}${space}h`
  return `${sign}${hours}${space}h${space}${String(rest).padStart(2, '0')}`
}
