import { displayName } from './participant'
import { presenceAt, effectiveCheckins } from './attendance'
import type { CheckIn, Participant, Stop } from './types'

export interface AttendanceLabels {
  name: string
  instagram: string
  email: string
  phone: string
  role: (role: Participant['role']) => string
  arrived: (checkpoint: string) => string
  left: (checkpoint: string) => string
}

/**
 * Who was present at which checkpoint and when: one row per participant, an arrival and a
 * departure column per checkpoint, times in the event's time zone.
 */
export function attendanceRows(
  participants: readonly Participant[],
  records: readonly CheckIn[],
  checkpoints: readonly Stop[],
  options: { labels: AttendanceLabels; formatTime: (iso: string) => string; roleHeader: string },
): string[][] {
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
    options.labels.name,
    options.labels.instagram,
    options.labels.email,
    options.labels.phone,
    options.roleHeader,
    ...checkpoints.flatMap((checkpoint) => [options.labels.arrived(checkpoint.title), options.labels.left(checkpoint.title)]),
  ]
  const sorted = [...participants].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
  return [
    header,
    ...sorted.map((participant) => [
      displayName(participant),
      participant.instagram,
      participant.email,
      participant.phone,
      options.labels.role(participant.role),
      ...perCheckpoint.flatMap(({ arrivals, departures, status }) => {
        const arrived = arrivals.get(participant.id)
        const left = status.get(participant.id)?.status === 'out' ? departures.get(participant.id) : undefined
        return [arrived ? options.formatTime(arrived) : '', left ? options.formatTime(left) : '']
      }),
    ]),
  ]
}
