import { publicSchedule, type PublicEvent } from './publicEvent'

/** Labels the calendar's descriptions use, in the reader's language. */
export interface CalendarLabels {
  toBring: string
  partner: string
  plannedAt: (time: string) => string
  meetingDetail: string
}

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks. */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let currentBytes = 0
  for (const character of line) {
    const size = encoder.encode(character).length
    const limit = parts.length === 0 ? 75 : 74 // continuation lines start with a space
    if (currentBytes + size > limit) {
      parts.push(current)
      current = ''
      currentBytes = 0
    }
    current += character
    currentBytes += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** `20270724T073000Z`: times are written in UTC, which every calendar converts correctly. */
export function icsUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/**
 * The day as an iCalendar file: one VEVENT per stop at its effective time. UIDs are stable per
 * stop and SEQUENCE follows the event's revision, so re-importing an updated file moves the
 * entries instead of duplicating them.
 */
export function calendarOf(
  event: PublicEvent,
  options: { nowMs: number; labels: CalendarLabels; formatTime: (epochMs: number) => string },
): string {
  const schedule = publicSchedule(event)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Photowalk//Photowalk//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(event.name)}`,
  ]
  for (const entry of schedule.stops) {
    const stop = event.stops.find((candidate) => candidate.key === entry.stop.id)
    if (!stop) continue
    const location = [stop.place.name, stop.place.address].filter((part) => part !== '').join(', ')
    const description = [
      stop.place.detail && `${options.labels.meetingDetail} ${stop.place.detail}`,
      stop.toBring && `${options.labels.toBring} ${stop.toBring}`,
      stop.partner && `${options.labels.partner} ${stop.partner}`,
      entry.delayMinutes !== 0 && options.labels.plannedAt(options.formatTime(entry.plannedStartMs)),
    ].filter((line): line is string => typeof line === 'string' && line !== '')
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}-${stop.key}@photowalk`,
      `DTSTAMP:${icsUtc(options.nowMs)}`,
      `SEQUENCE:${event.revision}`,
      `DTSTART:${icsUtc(entry.startMs)}`,
      `DTEND:${icsUtc(entry.endMs)}`,
      `SUMMARY:${escapeIcsText(stop.title)}`,
    )
    if (location) lines.push(`LOCATION:${escapeIcsText(location)}`)
    if (stop.place.lat !== null && stop.place.lng !== null) lines.push(`GEO:${stop.place.lat};${stop.place.lng}`)
    if (description.length > 0) lines.push(`DESCRIPTION:${escapeIcsText(description.join('\n'))}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldIcsLine).join('\r\n') + '\r\n'
}
