import { computed, type Ref } from 'vue'
import { checkpointsOf, decideCheckIn, headCount, latestUndoable, presenceAt, type CheckInDecision, type CheckInMode } from '@/domain/attendance'
import { readBadgePayload } from '@/domain/badgePayload'
import type { DuplicatePolicy, ImportPlan } from '@/domain/csvImport'
import { validateParticipantDraft, type ParticipantDraft, type ParticipantFieldError } from '@/domain/participant'
import { ok, type Result } from '@/domain/result'
import { nowAndNext, type DaySchedule } from '@/domain/schedule'
import { searchable } from '@/domain/search'
import type { CheckIn, Id, Participant, PhotowalkEvent, Stop } from '@/domain/types'
import { nowIso } from '@/services/clock'
import { newBadgeCode, newId } from '@/services/ids'
import { loadDatabase } from './database'
import { liveQueryRef } from './live'
import { askForPersistenceOnFirstWrite } from './persistence'
import { useSettingsStore } from './settings'

interface RosterData {
  participants: Participant[]
  checkins: CheckIn[]
  stops: Stop[]
}

const roster = async () => (await loadDatabase()).participantRepository()
const currentYear = () => new Date().getFullYear()

export type ScanOutcome =
  | CheckInDecision
  | { kind: 'unknown' }
  | { kind: 'otherEvent'; participant: Participant }
  | { kind: 'notABadge' }

/** The event's roster and check-ins, with everything derived from them and the actions on them. */
export function useRoster(event: Ref<PhotowalkEvent | null>) {
  const settings = useSettingsStore()
  const live = liveQueryRef<RosterData>(() => {
    const id = event.value?.id
    if (!id) return null
    return async (db) => {
      const [participants, checkins, stops] = await Promise.all([
        db.participantRepository().participants(id),
        db.participantRepository().checkins(id),
        db.itineraryRepository().stops(id),
      ])
      return { participants, checkins, stops }
    }
  }, { participants: [], checkins: [], stops: [] })

  const participants = computed(() => live.value.value.participants)
  const checkins = computed(() => live.value.value.checkins)
  const checkpoints = computed(() => checkpointsOf(live.value.value.stops))
  /** Search keys are folded once per roster change, not once per keystroke. */
  const searchIndex = computed(() => participants.value.map(searchable))

  /** When each person first arrived anywhere, for "sort by arrival" and the status filter. */
  const firstArrival = computed(() => {
    const arrivals = new Map<Id, string>()
    for (const checkpoint of checkpoints.value) {
      for (const [participantId, presence] of presenceAt(checkins.value, checkpoint.id)) {
        const known = arrivals.get(participantId)
        if (!known || presence.since < known) arrivals.set(participantId, presence.since)
      }
    }
    return arrivals
  })

  function requireEvent(): PhotowalkEvent {
    if (!event.value) throw new Error('no event is selected')
    return event.value
  }

  async function deviceId(): Promise<Id> {
    return settings.deviceId ?? (await (await loadDatabase()).metaRepository().ensureDeviceId(newId))
  }

  async function addParticipant(draft: ParticipantDraft): Promise<Result<Participant, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, { currentYear: currentYear() })
    if (!details.ok) return details
    const participant = await (await roster()).add(
      requireEvent().id,
      { id: newId(), badgeCode: newBadgeCode(), details: details.value, source: 'manual' },
      nowIso(),
    )
    await askForPersistenceOnFirstWrite()
    return ok(participant)
  }

  async function updateParticipant(id: Id, draft: ParticipantDraft): Promise<Result<Id, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, { currentYear: currentYear() })
    if (!details.ok) return details
    await (await roster()).update(id, details.value)
    return ok(id)
  }

  const removeParticipant = async (id: Id) => (await roster()).remove(id)
  const getParticipant = async (id: Id) => (await roster()).get(id)

  async function importPlan(plan: ImportPlan): Promise<void> {
    await (await roster()).importParticipants(
      requireEvent().id,
      {
        toAdd: plan.toAdd.map((details) => ({ id: newId(), badgeCode: newBadgeCode(), details, source: 'import' })),
        toUpdate: plan.toUpdate,
      },
      nowIso(),
    )
    await askForPersistenceOnFirstWrite()
  }

  function record(participantId: Id, stopId: Id, action: CheckIn['action'], method: CheckIn['method'], id: Id, undoesId: Id | null = null): Omit<CheckIn, 'deviceId'> {
    return { id, eventId: requireEvent().id, participantId, stopId, action, undoesId, at: nextInstant(participantId, stopId), method }
  }

  /**
   * Now, or just after the person's latest record at the checkpoint if the clock says otherwise
   * (two taps in one millisecond, a clock set back): the order of records is the order of actions.
   */
  function nextInstant(participantId: Id, stopId: Id): string {
    const now = Date.parse(nowIso())
    const latest = checkins.value.reduce(
      (max, entry) => (entry.participantId === participantId && entry.stopId === stopId ? Math.max(max, Date.parse(entry.at)) : max),
      Number.NEGATIVE_INFINITY,
    )
    return new Date(Math.max(now, latest + 1)).toISOString()
  }

  /** Checks a person in or out at a checkpoint, unless that is already so. */
  async function checkIn(participant: Participant, stopId: Id, mode: CheckInMode, method: CheckIn['method']): Promise<CheckInDecision> {
    const decision = decideCheckIn(participant, mode, checkins.value, stopId)
    if (decision.kind === 'record') {
      await (await roster()).appendCheckIn({ ...record(participant.id, stopId, decision.action, method, newId()), deviceId: await deviceId() })
    }
    return decision
  }

  /** A scanned code: this event's badge, another event's, or nothing the app knows. */
  async function scan(text: string, stopId: Id, mode: CheckInMode): Promise<ScanOutcome> {
    const badge = readBadgePayload(text)
    if (badge.kind === 'notABadge') return { kind: 'notABadge' }
    const local = participants.value.find((participant) => participant.badgeCode === badge.code)
    if (local) return checkIn(local, stopId, mode, 'qr')
    const elsewhere = await (await roster()).byBadgeCode(badge.code)
    const other = elsewhere.find((participant) => participant.eventId !== requireEvent().id)
    return other ? { kind: 'otherEvent', participant: other } : { kind: 'unknown' }
  }

  /** Cancels the person's latest in or out at the checkpoint, with a record of its own. */
  async function undo(participantId: Id, stopId: Id): Promise<boolean> {
    const target = latestUndoable(checkins.value, participantId, stopId)
    if (!target) return false
    await (await roster()).appendCheckIn({ ...record(participantId, stopId, 'undo', target.method, newId(), target.id), deviceId: await deviceId() })
    return true
  }

  async function addWalkIn(draft: ParticipantDraft, stopId: Id): Promise<Result<Participant, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, { currentYear: currentYear() })
    if (!details.ok) return details
    const id = newId()
    const participant = await (await roster()).addAndCheckIn(
      requireEvent().id,
      { id, badgeCode: newBadgeCode(), details: details.value, source: 'manual' },
      { ...record(id, stopId, 'in', 'manual', newId()), deviceId: await deviceId() },
      nowIso(),
    )
    return ok(participant)
  }

  return {
    ready: live.ready,
    participants,
    checkins,
    checkpoints,
    searchIndex,
    firstArrival,
    addParticipant,
    updateParticipant,
    removeParticipant,
    getParticipant,
    importPlan,
    checkIn,
    scan,
    undo,
    addWalkIn,
    headCountAt: (stopId: Id) => headCount(participants.value, checkins.value, stopId),
    presenceAt: (stopId: Id) => presenceAt(checkins.value, stopId),
  }
}

/** The checkpoint to open on: the one under way or coming next by the effective schedule. */
export function currentCheckpoint(schedule: DaySchedule, checkpoints: readonly Stop[], nowMs: number): Stop | null {
  if (checkpoints.length === 0) return null
  const ids = new Set(checkpoints.map((stop) => stop.id))
  const timeline = schedule.stops.filter((entry) => ids.has(entry.stop.id))
  const state = nowAndNext({ ...schedule, stops: timeline }, nowMs)
  return state.current?.stop ?? state.next?.stop ?? timeline.at(-1)?.stop ?? null
}

export type { DuplicatePolicy }
