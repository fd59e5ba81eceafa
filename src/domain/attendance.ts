import { nowAndNext, type DaySchedule } from './schedule'
import { isOnLocalDate } from './time'
import type { CheckIn, Id, IsoInstant, LocalDate, Participant, Stop } from './types'

export type PresenceStatus = 'in' | 'out'

export interface Presence {
  status: PresenceStatus
  /** When the current status began: the record that made the person present (or leave). */
  since: IsoInstant
  record: CheckIn
}

// ISO instants and ids compare as plain strings: no locale rules, and fast on tens of thousands.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byTimeThenId = (a: CheckIn, b: CheckIn) => compareText(a.at, b.at) || compareText(a.id, b.id)

/** Records still in force: every in/out that no undo cancels. Ordered by time, then id, so every device agrees. */
export function effectiveCheckins(records: readonly CheckIn[]): CheckIn[] {
  const undone = new Set(records.filter((record) => record.action === 'undo').map((record) => record.undoesId))
  return records
    .filter((record) => record.action !== 'undo' && !undone.has(record.id))
    .sort(byTimeThenId)
}

/** Everyone's status at one checkpoint. A repeated scan keeps the time of the first one. */
export function presenceAt(records: readonly CheckIn[], stopId: Id): Map<Id, Presence> {
  const presence = new Map<Id, Presence>()
  for (const record of effectiveCheckins(records)) {
    if (record.stopId !== stopId || record.action === 'undo') continue
    const current = presence.get(record.participantId)
    if (current?.status === record.action) continue
    presence.set(record.participantId, { status: record.action, since: record.at, record })
  }
  return presence
}

/**
 * Presence after records newer than every record `base` was computed from, without going over the
 * older ones again. Null when one of them is an undo: that needs the full history.
 */
export function presenceWithNewRecords(
  base: ReadonlyMap<Id, Presence>,
  newer: readonly CheckIn[],
  stopId: Id,
): Map<Id, Presence> | null {
  if (newer.some((record) => record.action === 'undo')) return null
  const presence = new Map(base)
  for (const record of [...newer].sort(byTimeThenId)) {
    if (record.stopId !== stopId || record.action === 'undo') continue
    if (presence.get(record.participantId)?.status === record.action) continue
    presence.set(record.participantId, { status: record.action, since: record.at, record })
  }
  return presence
}

/** Checkpoints: the meeting point and every stop marked as one, in the day's order. */
export function checkpointsOf(stops: readonly Stop[]): Stop[] {
  return [...stops].filter((stop) => stop.kind === 'meeting' || stop.isCheckpoint).sort((a, b) => a.order - b.order)
}

export interface HeadCount {
  expected: number
  /** Checked in and not checked out: at the stop (aboard, for a boat). */
  present: Participant[]
  /** Checked in, then out: gone on (ashore, for a boat). */
  left: Participant[]
  /** Never checked in here. */
  missing: Participant[]
}

export function headCount(participants: readonly Participant[], presence: ReadonlyMap<Id, Presence>): HeadCount {
  const present: Participant[] = []
  const left: Participant[] = []
  const missing: Participant[] = []
  for (const participant of participants) {
    const status = presence.get(participant.id)?.status
    if (status === 'in') present.push(participant)
    else if (status === 'out') left.push(participant)
    else missing.push(participant)
  }
  return { expected: participants.length, present, left, missing }
}

// ---- Deciding what a scan or a tap does. ----

export type CheckInMode = 'in' | 'out'

export type CheckInDecision =
  | { kind: 'record'; action: CheckInMode; participant: Participant }
  | { kind: 'alreadyIn'; participant: Participant; since: IsoInstant }
  | { kind: 'alreadyOut'; participant: Participant; since: IsoInstant }
  | { kind: 'notIn'; participant: Participant }

/**
 * What checking a person in (or out) at a checkpoint should do, given what is recorded. A second
 * scan is recognised, never recorded twice; leaving requires having arrived.
 */
export function decideCheckIn(
  participant: Participant,
  mode: CheckInMode,
  records: readonly CheckIn[],
  stopId: Id,
): CheckInDecision {
  const current = presenceAt(
    records.filter((record) => record.participantId === participant.id),
    stopId,
  ).get(participant.id)
  if (mode === 'in') {
    return current?.status === 'in'
      ? { kind: 'alreadyIn', participant, since: current.since }
      : { kind: 'record', action: 'in', participant }
  }
  if (current?.status === 'out') return { kind: 'alreadyOut', participant, since: current.since }
  if (current?.status !== 'in') return { kind: 'notIn', participant }
  return { kind: 'record', action: 'out', participant }
}

/** The record an undo should cancel: the person's latest in force at the checkpoint. */
export function latestUndoable(records: readonly CheckIn[], participantId: Id, stopId: Id): CheckIn | null {
  const mine = effectiveCheckins(records).filter((record) => record.participantId === participantId && record.stopId === stopId)
  return mine.at(-1) ?? null
}

/** The checkpoint to open on: the one under way or coming next by the effective schedule, else the last. */
export function currentCheckpoint(schedule: DaySchedule, checkpoints: readonly Stop[], nowMs: number): Stop | null {
  if (checkpoints.length === 0) return null
  const ids = new Set(checkpoints.map((stop) => stop.id))
  const timeline = schedule.stops.filter((entry) => ids.has(entry.stop.id))
  const state = nowAndNext({ ...schedule, stops: timeline }, nowMs)
  return state.current?.stop ?? state.next?.stop ?? timeline.at(-1)?.stop ?? null
}

/** How many people arrived somewhere on `date` in `timeZone`: each once, undone arrivals left out. */
export function peopleCheckedInOn(records: readonly CheckIn[], date: LocalDate, timeZone: string): number {
  const people = new Set<Id>()
  for (const record of effectiveCheckins(records)) {
    if (record.action === 'in' && isOnLocalDate(Date.parse(record.at), date, timeZone)) people.add(record.participantId)
  }
  return people.size
}
