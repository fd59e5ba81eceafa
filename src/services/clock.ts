import { epochMsToZoned } from '@/domain/time'
import type { IsoInstant, LocalDate } from '@/domain/types'

/** The only place the app reads the clock; the domain receives time as an argument. */
export function nowIso(): IsoInstant {
  return new Date().toISOString()
}

/** The current time in epoch milliseconds. */
export function nowMs(): number {
  return Date.now()
}

export function todayIn(timeZone: string): LocalDate {
  return epochMsToZoned(Date.now(), timeZone).date
}

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}
