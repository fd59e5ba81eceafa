import { err, ok, type Result } from './result'
import { isValidLocalTime, zonedDateTimeToEpochMs, addDays } from './time'
import { stopKinds, type LocalDate, type Stop, type StopKind } from './types'

export const maxStopTitleLength = 120
export const maxStopTextLength = 500
export const maxCapacity = 100_000

/** The stop form's content, strings as typed. */
export interface StopDraft {
  kind: StopKind
  title: string
  start: string
  /** Whether the organiser gives a duration or an end time. */
  timing: 'duration' | 'end'
  duration: string
  end: string
  placeName: string
  address: string
  lat: string
  lng: string
  detail: string
  capacity: string
  isCheckpoint: boolean
  isFixed: boolean
  partner: string
  notes: string
  toBring: string
}

export type StopDetails = Omit<Stop, 'id' | 'eventId' | 'order'>

export type StopFieldError =
  | { field: 'kind'; code: 'invalidKind' }
  | { field: 'title'; code: 'required' | 'tooLong' }
  | { field: 'start'; code: 'required' | 'invalidTime' }
  | { field: 'duration'; code: 'required' | 'notAWholeNumber' | 'notPositive' | 'outsideDay' }
  | { field: 'end'; code: 'required' | 'invalidTime' | 'endBeforeStart' }
  | { field: 'lat' | 'lng'; code: 'invalidCoordinate' | 'incompleteCoordinates' }
  | { field: 'capacity'; code: 'notAWholeNumber' | 'negative' | 'tooLarge' }
  | { field: 'placeName' | 'address' | 'detail' | 'partner' | 'notes' | 'toBring'; code: 'tooLong' }

export function emptyStopDraft(start = ''): StopDraft {
  return {
    kind: 'spot',
    title: '',
    start,
    timing: 'duration',
    duration: '30',
    end: '',
    placeName: '',
    address: '',
    lat: '',
    lng: '',
    detail: '',
    capacity: '',
    isCheckpoint: false,
    isFixed: false,
    partner: '',
    notes: '',
    toBring: '',
  }
}

export function draftFromStop(stop: StopDetails): StopDraft {
  return {
    kind: stop.kind,
    title: stop.title,
    start: stop.plannedStart,
    timing: 'duration',
    duration: String(stop.durationMinutes),
    end: '',
    placeName: stop.place.name,
    address: stop.place.address,
    lat: stop.place.lat === null ? '' : String(stop.place.lat),
    lng: stop.place.lng === null ? '' : String(stop.place.lng),
    detail: stop.place.detail,
    capacity: stop.capacity === null ? '' : String(stop.capacity),
    isCheckpoint: stop.isCheckpoint,
    isFixed: stop.isFixed,
    partner: stop.partner,
    notes: stop.notes,
    toBring: stop.toBring,
  }
}

function parseDecimal(input: string): number | null {
  const compact = input.trim().replace(',', '.')
  if (compact === '' || !/^[-+]?\d+(\.\d+)?$/.test(compact)) return null
  return Number(compact)
}

function parseWholeNumber(input: string): number | null {
  const compact = input.replace(/[\s\u00a0\u202f]/gu, '')
  return /^-?\d+$/.test(compact) ? Number(compact) : null
}

/**
 * Checks a stop against the event's day. Durations are true elapsed minutes in the event's time
 * zone, so an end time on a day when clocks change gives the right duration.
 */
export function validateStopDraft(
  draft: StopDraft,
  day: { date: LocalDate; timeZone: string },
): Result<StopDetails, StopFieldError[]> {
  const errors: StopFieldError[] = []
  if (!(stopKinds as readonly string[]).includes(draft.kind)) errors.push({ field: 'kind', code: 'invalidKind' })
  const title = draft.title.trim()
  if (title === '') errors.push({ field: 'title', code: 'required' })
  else if (title.length > maxStopTitleLength) errors.push({ field: 'title', code: 'tooLong' })

  const start = draft.start.trim()
  const startValid = isValidLocalTime(start)
  if (start === '') errors.push({ field: 'start', code: 'required' })
  else if (!startValid) errors.push({ field: 'start', code: 'invalidTime' })

  let durationMinutes: number | null = null
  const dayEndMs = zonedDateTimeToEpochMs(addDays(day.date, 1), '00:00', day.timeZone)
  const startMs = startValid ? zonedDateTimeToEpochMs(day.date, start, day.timeZone) : null
  if (draft.timing === 'duration') {
    const duration = parseWholeNumber(draft.duration)
    if (draft.duration.trim() === '') errors.push({ field: 'duration', code: 'required' })
    else if (duration === null) errors.push({ field: 'duration', code: 'notAWholeNumber' })
    else if (duration <= 0) errors.push({ field: 'duration', code: 'notPositive' })
    else if (startMs !== null && startMs + duration * 60_000 > dayEndMs) {
      errors.push({ field: 'duration', code: 'outsideDay' })
    } else durationMinutes = duration
  } else {
    const end = draft.end.trim()
    if (end === '') errors.push({ field: 'end', code: 'required' })
    else if (!isValidLocalTime(end) && end !== '24:00') errors.push({ field: 'end', code: 'invalidTime' })
    else if (startMs !== null) {
      const endMs = end === '24:00' ? dayEndMs : zonedDateTimeToEpochMs(day.date, end, day.timeZone)
      if (endMs <= startMs) errors.push({ field: 'end', code: 'endBeforeStart' })
      else durationMinutes = Math.round((endMs - startMs) / 60_000)
    }
  }

  const lat = parseDecimal(draft.lat)
  const lng = parseDecimal(draft.lng)
  const latGiven = draft.lat.trim() !== ''
  const lngGiven = draft.lng.trim() !== ''
  if (latGiven && (lat === null || lat < -90 || lat > 90)) errors.push({ field: 'lat', code: 'invalidCoordinate' })
  if (lngGiven && (lng === null || lng < -180 || lng > 180)) errors.push({ field: 'lng', code: 'invalidCoordinate' })
  if (latGiven !== lngGiven) {
    errors.push({ field: latGiven ? 'lng' : 'lat', code: 'incompleteCoordinates' })
  }

  let capacity: number | null = null
  if (draft.capacity.trim() !== '') {
    capacity = parseWholeNumber(draft.capacity)
    if (capacity === null) errors.push({ field: 'capacity', code: 'notAWholeNumber' })
    else if (capacity < 0) errors.push({ field: 'capacity', code: 'negative' })
    else if (capacity > maxCapacity) errors.push({ field: 'capacity', code: 'tooLarge' })
  }

  const texts = {
    placeName: draft.placeName.trim(),
    address: draft.address.trim(),
    detail: draft.detail.trim(),
    partner: draft.partner.trim(),
    notes: draft.notes.trim(),
    toBring: draft.toBring.trim(),
  }
  for (const [field, value] of Object.entries(texts) as Array<[keyof typeof texts, string]>) {
    if (value.length > maxStopTextLength) errors.push({ field, code: 'tooLong' })
  }

  if (errors.length > 0 || durationMinutes === null) return err(errors)
  return ok({
    kind: draft.kind,
    title,
    plannedStart: start,
    durationMinutes,
    place: {
      name: texts.placeName,
      address: texts.address,
      lat: latGiven ? lat : null,
      lng: lngGiven ? lng : null,
      detail: texts.detail,
    },
    capacity,
    isCheckpoint: draft.isCheckpoint,
    isFixed: draft.isFixed,
    partner: texts.partner,
    notes: texts.notes,
    toBring: texts.toBring,
  })
}

/** Stops whose planned times overlap the given one: a warning to show, never a refusal. */
export function overlappingStops(
  candidate: { id: string | null; plannedStart: string; durationMinutes: number },
  others: readonly Stop[],
): Stop[] {
  const toMinutes = (time: string) => {
    const [hours, minutes] = time.split(':').map(Number) as [number, number]
    return hours * 60 + minutes
  }
  const start = toMinutes(candidate.plannedStart)
  const end = start + candidate.durationMinutes
  return others.filter((other) => {
    if (other.id === candidate.id) return false
    const otherStart = toMinutes(other.plannedStart)
    return otherStart < end && start < otherStart + other.durationMinutes
  })
}
