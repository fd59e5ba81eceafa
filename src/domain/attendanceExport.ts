import { presenceAt, effectiveCheckins } from './attendance'
import { toCsv } from './csvWrite'
import { formatClock } from './format'
import { displayName } from './participant'
import type { CheckIn, Language, Participant, Stop } from './types'

export interface AttendanceLabels {
  name: string
  instagram: string
  email: string
  phone: string
  role: string
  minor: string
  yes: string
  no: string
  roleName: (role: Participant['role']) => string
  arrived: (checkpoint: string) => string
  left: (checkpoint: string) => string
}

export interface AttendanceOptions {
  labels: AttendanceLabels
  language: Language
  /** Times are written as the event's clocks showed them. */
  timeZone: string
}

/** Excel in France expects semicolons (the comma is the decimal mark there); elsewhere, commas. */
export function csvDelimiterFor(language: Language): ';' | ',' {
  return language === 'fr' ? ';' : ','
}

/**
 * Who was present at which checkpoint and when: one row per participant, whether they are a minor,
 * an arrival and a departure column per checkpoint, times in the event's time zone.
 */
export function attendanceRows(
  participants: readonly Participant[],
  records: readonly CheckIn[],
  checkpoints: readonly Stop[],
  options: AttendanceOptions,
): string[][] {
  const { labels } = options
  const formatTime = (iso: string) => formatClock(Date.parse(iso), options.timeZone, options.language)
  const effective = effectiveCheckins(records)
  const perCheckpoint = checkpoints.map((checkpoint) => {
    const arrivals = new Map<string, string>()
    const departures = new Map<string, string>()
    for (const record of effective) {
      if (record.stopId !== checkpoint.id) continue
      if (record.action === 'in' && !arrivals.has(record.participantId)) arrivals.set(record.participantId, record.at)
      if (record.action === 'out') departures.set(record.participantId, record.at)
    }
    // Someone checked out then back in has not left: their departure does not count.
    const status = presenceAt(records, checkpoint.id)
    return { arrivals, departures, status }
  })
  const header = [
    labels.name,
    labels.instagram,
    labels.email,
    labels.phone,
    labels.role,
    labels.minor,
    ...checkpoints.flatMap((checkpoint) => [labels.arrived(checkpoint.title), labels.left(checkpoint.title)]),
  ]
  const sorted = [...participants].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
  return [
    header,
    ...sorted.map((participant) => [
      displayName(participant),
      participant.instagram,
      participant.email,
      participant.phone,
      labels.roleName(participant.role),
      participant.isMinor ? labels.yes : labels.no,
      ...perCheckpoint.flatMap(({ arrivals, departures, status }) => {
        const arrived = arrivals.get(participant.id)
        const left = status.get(participant.id)?.status === 'out' ? departures.get(participant.id) : undefined
        return [arrived ? formatTime(arrived) : '', left ? formatTime(left) : '']
      }),
    ]),
  ]
}

/** The attendance file: UTF-8 with a BOM, the separator of the reader's language, formulas neutralised. */
export function attendanceCsv(
  participants: readonly Participant[],
  records: readonly CheckIn[],
  checkpoints: readonly Stop[],
  options: AttendanceOptions,
): string {
  return toCsv(attendanceRows(participants, records, checkpoints, options), csvDelimiterFor(options.language))
}
