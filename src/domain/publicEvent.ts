import { crc32, fromBase64Url, toBase64Url } from './bytes'
import { effectiveSchedule, scheduleWithDelays, type DaySchedule } from './schedule'
import { isValidLocalDate, isValidLocalTime, isValidTimeZone } from './time'
import { err, ok, type Result } from './result'
import { stopKinds, type Id, type IsoInstant, type Place, type PhotowalkEvent, type ScheduleShift, type Stop, type StopKind } from './types'

/**
 * The public part of an event: what participants may see, and nothing about anyone. It travels in
 * share links, so it is compact: stops carry a short key and their current delay, not the shift
 * records behind it.
 */
export interface PublicStop {
  /** Stable within the event: the first characters of the stop's id. */
  key: string
  kind: StopKind
  title: string
  plannedStart: string
  durationMinutes: number
  /** Minutes the stop has moved from its plan when the link was made. */
  delayMinutes: number
  isFixed: boolean
  place: Place
  toBring: string
  partner: string
}

export interface PublicEvent {
  id: Id
  /** Grows with every change the organiser makes; a link never replaces a newer one. */
  revision: number
  name: string
  date: string
  timeZone: string
  hashtags: string[]
  meetingPoint: string
  organisation: string
  stops: PublicStop[]
}

/** An event's public part as a participant's device keeps it, received through a share link. */
export interface SharedEvent {
  id: Id
  revision: number
  receivedAt: IsoInstant
  event: PublicEvent
  /** The public key that signed the copy kept (base64url); null for a copy kept before links were signed. */
  signerKey: string | null
}

export const publicStopKeyLength = 8

export function publicEventOf(event: PhotowalkEvent, stops: readonly Stop[], shifts: readonly ScheduleShift[]): PublicEvent {
  const schedule = effectiveSchedule(stops, shifts, event)
  const usedKeys = new Set<string>()
  // Short keys keep links small; a key already taken grows until it is unique.
  const keyOf = (id: string) => {
    const hex = id.replace(/-/g, '')
    let length = publicStopKeyLength
    while (usedKeys.has(hex.slice(0, length)) && length < hex.length) length += 4
    const key = hex.slice(0, length)
    usedKeys.add(key)
    return key
  }
  return {
    id: event.id,
    revision: event.revision,
    name: event.name,
    date: event.date,
    timeZone: event.timeZone,
    hashtags: [...event.hashtags],
    meetingPoint: event.meetingPoint,
    organisation: event.organisation,
    stops: schedule.stops.map(({ stop, delayMinutes }) => ({
      key: keyOf(stop.id),
      kind: stop.kind,
      title: stop.title,
      plannedStart: stop.plannedStart,
      durationMinutes: stop.durationMinutes,
      delayMinutes,
      isFixed: stop.isFixed,
      place: { ...stop.place },
      toBring: stop.toBring,
      partner: stop.partner,
    })),
  }
}

// ---- Compact form: arrays in a fixed order, coordinates as integers (about 1 m precision). ----

const coordinateScale = 100_000

type CompactStop = [
  key: string,
  kind: number,
  title: string,
  start: string,
  minutes: number,
  delay: number,
  fixed: 0 | 1,
  placeName: string,
  address: string,
  lat: number | null,
  lng: number | null,
  detail: string,
  toBring: string,
  partner: string,
]

type CompactEvent = [
  id: string,
  revision: number,
  name: string,
  date: string,
  timeZone: string,
  hashtags: string[],
  meetingPoint: string,
  organisation: string,
  stops: CompactStop[],
]

const scaled = (value: number | null) => (value === null ? null : Math.round(value * coordinateScale))

export function compactPublicEvent(event: PublicEvent): CompactEvent {
  return [
    event.id,
    event.revision,
    event.name,
    event.date,
    event.timeZone,
    event.hashtags,
    event.meetingPoint,
    event.organisation,
    event.stops.map((stop) => [
      stop.key,
      stopKinds.indexOf(stop.kind),
      stop.title,
      stop.plannedStart,
      stop.durationMinutes,
      stop.delayMinutes,
      stop.isFixed ? 1 : 0,
      stop.place.name,
      stop.place.address,
      scaled(stop.place.lat),
      scaled(stop.place.lng),
      stop.place.detail,
      stop.toBring,
      stop.partner,
    ]),
  ]
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value)
const isShortText = (value: unknown, max = 500): value is string => isString(value) && value.length <= max

function expandStop(value: unknown): PublicStop | null {
  if (!Array.isArray(value) || value.length !== 14) return null
  const [key, kind, title, start, minutes, delay, fixed, placeName, address, lat, lng, detail, toBring, partner] =
    value as unknown[]
  const kindName = isInteger(kind) ? stopKinds[kind] : undefined
  const coordinate = (raw: unknown, limit: number) =>
    raw === null ? null : isInteger(raw) && Math.abs(raw) <= limit * coordinateScale ? raw / coordinateScale : undefined
  const latitude = coordinate(lat, 90)
  const longitude = coordinate(lng, 180)
  if (
    !isString(key) ||
    !/^[0-9a-z]{1,32}$/i.test(key) ||
    kindName === undefined ||
    !isShortText(title, 200) ||
    title.length === 0 ||
    !isString(start) ||
    !isValidLocalTime(start) ||
    !isInteger(minutes) ||
    minutes <= 0 ||
    minutes > 1440 ||
    !isInteger(delay) ||
    Math.abs(delay) > 1440 ||
    (fixed !== 0 && fixed !== 1) ||
    !isShortText(placeName) ||
    !isShortText(address) ||
    latitude === undefined ||
    longitude === undefined ||
    (latitude === null) !== (longitude === null) ||
    !isShortText(detail) ||
    !isShortText(toBring) ||
    !isShortText(partner)
  ) {
    return null
  }
  return {
    key,
    kind: kindName,
    title,
    plannedStart: start,
    durationMinutes: minutes,
    delayMinutes: delay,
    isFixed: fixed === 1,
    place: { name: placeName, address, lat: latitude, lng: longitude, detail },
    toBring,
    partner,
  }
}

/** Checks every field of a decoded event: a link is input from outside and is trusted for nothing. */
export function expandPublicEvent(value: unknown): PublicEvent | null {
  if (!Array.isArray(value) || value.length !== 9) return null
  const [id, revision, name, date, timeZone, hashtags, meetingPoint, organisation, stops] = value as unknown[]
  if (
    !isString(id) ||
    !/^[0-9a-f-]{8,64}$/i.test(id) ||
    !isInteger(revision) ||
    revision < 1 ||
    !isShortText(name, 200) ||
    name.length === 0 ||
    !isString(date) ||
    !isValidLocalDate(date) ||
    !isString(timeZone) ||
    !isValidTimeZone(timeZone) ||
    !Array.isArray(hashtags) ||
    hashtags.length > 20 ||
    !hashtags.every((hashtag) => isShortText(hashtag, 100)) ||
    !isShortText(meetingPoint) ||
    !isShortText(organisation) ||
    !Array.isArray(stops) ||
    stops.length > 100
  ) {
    return null
  }
  const expanded = stops.map(expandStop)
  if (expanded.some((stop) => stop === null)) return null
  if (new Set(expanded.map((stop) => stop?.key)).size !== expanded.length) return null
  return {
    id,
    revision,
    name,
    date,
    timeZone,
    hashtags: hashtags as string[],
    meetingPoint,
    organisation,
    stops: expanded as PublicStop[],
  }
}

// ---- Framing: format version, checksum, payload. ----

/** The share-link format this version of the app writes and reads. */
export const shareFormatVersion = 1

export type ShareLinkError = 'empty' | 'malformed' | 'truncated' | 'unknownVersion' | 'corrupt' | 'invalid'

/** `[format version][CRC-32 of the payload, 4 bytes][payload]`, in base64url. */
export function frameSharePayload(payload: Uint8Array, version = shareFormatVersion): string {
  const framed = new Uint8Array(payload.length + 5)
  framed[0] = version
  new DataView(framed.buffer).setUint32(1, crc32(payload))
  framed.set(payload, 5)
  return toBase64Url(framed)
}

export function unframeSharePayload(text: string): Result<Uint8Array, ShareLinkError> {
  const trimmed = text.trim().replace(/^#/, '')
  if (trimmed === '') return err('empty')
  if (!/^[A-Za-z0-9_-]+$/.test(trimmed)) return err('malformed')
  const bytes = fromBase64Url(trimmed)
  if (!bytes) return err('truncated')
  if (bytes.length < 6) return err('truncated')
  if (bytes[0] !== shareFormatVersion) return err('unknownVersion')
  const payload = bytes.subarray(5)
  const expected = new DataView(bytes.buffer, bytes.byteOffset).getUint32(1)
  // A cut-off link fails the checksum as surely as an edited one.
  if (crc32(payload) !== expected) return err('corrupt')
  return ok(payload)
}

export function publicEventToJsonBytes(event: PublicEvent): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(compactPublicEvent(event)))
}

export function publicEventFromJsonBytes(bytes: Uint8Array): Result<PublicEvent, ShareLinkError> {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return err('invalid')
  }
  const event = expandPublicEvent(parsed)
  return event ? ok(event) : err('invalid')
}

/** Whether an incoming copy of an event should replace the one already stored. */
export function isNewerPublicEvent(incoming: PublicEvent, stored: { revision: number } | undefined): boolean {
  return stored === undefined || incoming.revision > stored.revision
}

/** The day as the link describes it, laid out like the organiser's. */
export function publicSchedule(event: PublicEvent): DaySchedule {
  const stops = event.stops.map(
    (stop, order): Stop => ({
      id: stop.key,
      eventId: event.id,
      order,
      kind: stop.kind,
      title: stop.title,
      plannedStart: stop.plannedStart,
      durationMinutes: stop.durationMinutes,
      place: stop.place,
      capacity: null,
      isCheckpoint: false,
      isFixed: stop.isFixed,
      partner: stop.partner,
      notes: '',
      toBring: stop.toBring,
    }),
  )
  return scheduleWithDelays(
    stops,
    event.stops.map((stop) => stop.delayMinutes),
    event,
  )
}
