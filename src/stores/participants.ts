import { computed, shallowRef, watch, type Ref } from 'vue'
import {
  decideCheckIn,
  headCount,
  latestUndoable,
  presenceAt,
  presenceWithNewRecords,
  type CheckInDecision,
  type CheckInMode,
  type Presence,
} from '@/domain/attendance'
import { readBadgePayload } from '@/domain/badgePayload'
import type { DuplicatePolicy, ImportPlan } from '@/domain/importPlan'
import { validateParticipantDraft, type ParticipantDraft, type ParticipantFieldError } from '@/domain/participant'
import { ok, type Result } from '@/domain/result'
import { nowAndNext, type DaySchedule } from '@/domain/schedule'
import type { CheckIn, Id, Participant, PhotowalkEvent, Stop } from '@/domain/types'
import { nowIso } from '@/services/clock'
import { newBadgeCode, newId } from '@/services/ids'
import { loadDatabase } from './database'
import { liveQueryRef } from './live'
import { askForPersistenceOnFirstWrite } from './persistence'
import { useRosterStore } from './roster'
import { useSettingsStore } from './settings'

const roster = async () => (await loadDatabase()).participantRepository()
// The phone's year: what the walk-in form still counts ages in, until it is given the event's date as the others are.
const currentYear = () => new Date().getFullYear()

function requireEvent(event: Ref<PhotowalkEvent | null>): PhotowalkEvent {
  if (!event.value) throw new Error('no event is selected')
  return event.value
}

/** Adding, editing, removing and importing people. */
export function useRosterActions(event: Ref<PhotowalkEvent | null>) {
  // Ages are counted on the event's day, not on the phone's.
  const ages = () => ({ eventDate: requireEvent(event).date })

  async function addParticipant(draft: ParticipantDraft): Promise<Result<Participant, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, ages())
    if (!details.ok) return details
    const participant = await (await roster()).add(
      requireEvent(event).id,
      { id: newId(), badgeCode: newBadgeCode(), details: details.value, source: 'manual' },
      nowIso(),
    )
    await askForPersistenceOnFirstWrite()
    return ok(participant)
  }

  async function updateParticipant(id: Id, draft: ParticipantDraft): Promise<Result<Id, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, ages())
    if (!details.ok) return details
    await (await roster()).update(id, details.value)
    return ok(id)
  }

  async function importPlan(plan: ImportPlan): Promise<void> {
    await (await roster()).importParticipants(
      requireEvent(event).id,
      {
        toAdd: plan.toAdd.map((details) => ({ id: newId(), badgeCode: newBadgeCode(), details, source: 'import' })),
        toUpdate: plan.toUpdate,
      },
      nowIso(),
    )
    await askForPersistenceOnFirstWrite()
  }

  return {
    addParticipant,
    updateParticipant,
    importPlan,
    removeParticipant: async (id: Id) => (await roster()).remove(id),
    getParticipant: async (id: Id) => (await roster()).get(id),
    /** Every check-in of the event, read when needed (an export), not kept live. */
    allCheckins: async () => (await roster()).checkins(requireEvent(event).id),
  }
}

/** Every check-in of the event, kept live: for the roster's arrival times. */
export function useEventCheckins(event: Ref<PhotowalkEvent | null>) {
  const eventId = computed(() => event.value?.id)
  return liveQueryRef<CheckIn[]>(() => {
    const id = eventId.value
    return id ? (db) => db.participantRepository().checkins(id) : null
  }, [])
}

export type ScanOutcome =
  | CheckInDecision
  | { kind: 'unknown' }
  | { kind: 'otherEvent'; participant: Participant }
  | { kind: 'notABadge' }

/**
 * Check-in at one checkpoint. Only that checkpoint's records are read; a record written here joins
 * them at once, without reading the others again.
 */
export function useCheckpoint(event: Ref<PhotowalkEvent | null>, stopId: Ref<Id | null>) {
  const settings = useSettingsStore()
  // The event object changes with every edit; the queries depend on its id only.
  const eventId = computed(() => event.value?.id)
  const rosterStore = useRosterStore()
  /** The checkpoint's records as last read, and those written here since, newest last. */
  const history = shallowRef<{ read: CheckIn[]; added: CheckIn[] }>({ read: [], added: [] })
  const ready = shallowRef(false)
  const records = computed(() => (history.value.added.length === 0 ? history.value.read : [...history.value.read, ...history.value.added]))

  // Reading thousands of records is costly, so it happens when the checkpoint changes or when the
  // number stored differs from the number known (another tab wrote some); this device's own records
  // are added as they are written.
  const storedCount = liveQueryRef<number | null>(() => {
    const id = eventId.value
    const stop = stopId.value
    return id && stop ? (db) => db.participantRepository().countAt(id, stop) : null
  }, null)
  /** Writes in progress, per person: a second tap on someone waits for the first to be stored. */
  const writes = new Map<Id, Promise<void>>()
  let reading = 0
  async function read() {
    const id = eventId.value
    const stop = stopId.value
    const attempt = ++reading
    if (!id || !stop) {
      history.value = { read: [], added: [] }
      return
    }
    try {
      const loaded = await (await roster()).checkinsAt(id, stop)
      if (attempt !== reading) return
      // Records tapped while reading stay on screen until the database has them too.
      const known = new Set(loaded.map((record) => record.id))
      history.value = { read: loaded, added: history.value.added.filter((record) => !known.has(record.id) && record.stopId === stop) }
      ready.value = true
    } catch (error) {
      console.error(error)
    }
  }
  watch(
    [eventId, stopId],
    () => {
      ready.value = false
      history.value = { read: [], added: [] }
      void read()
    },
    { immediate: true },
  )
  // While this device is writing, the count runs ahead of the records on screen: not a sign of
  // another tab's writes. The next change of the count compares them again.
  const readIfBehind = () => {
    const count = storedCount.value.value
    if (count !== null && ready.value && writes.size === 0 && count !== records.value.length) void read()
  }
  watch(storedCount.value, readIfBehind)

  const readPresence = computed(() => (stopId.value ? presenceAt(history.value.read, stopId.value) : new Map<Id, Presence>()))
  const presence = computed(() => {
    const stop = stopId.value
    const { added } = history.value
    if (!stop || added.length === 0) return readPresence.value
    return presenceWithNewRecords(readPresence.value, added, stop) ?? presenceAt(records.value, stop)
  })
  const count = computed(() => (stopId.value ? headCount(rosterStore.participants, presence.value) : null))


  /**
   * Now, or just after the person's latest record here if the clock says otherwise (two taps in
   * one millisecond, a clock set back): the order of records is the order of actions.
   */
  function nextInstant(participantId: Id): string {
    const latest = records.value.reduce(
      (max, entry) => (entry.participantId === participantId ? Math.max(max, Date.parse(entry.at)) : max),
      Number.NEGATIVE_INFINITY,
    )
    return new Date(Math.max(Date.parse(nowIso()), latest + 1)).toISOString()
  }

  async function newRecord(participantId: Id, action: CheckIn['action'], method: CheckIn['method'], undoesId: Id | null = null): Promise<CheckIn> {
    const stop = stopId.value
    if (!stop) throw new Error('no checkpoint is selected')
    return {
      id: newId(),
      eventId: requireEvent(event).id,
      participantId,
      stopId: stop,
      action,
      undoesId,
      at: nextInstant(participantId),
      deviceId: await settings.ensureDeviceId(),
      method,
    }
  }

  const settled = async (participantId: Id) => {
    await writes.get(participantId)?.catch(() => undefined)
  }

  /**
   * Shows the record at once and stores it, in one small transaction that takes milliseconds; if
   * storing fails, the record leaves the screen again and the error reaches the caller.
   */
  async function append(record: CheckIn): Promise<void> {
    history.value = { read: history.value.read, added: [...history.value.added, record] }
    const write = (async () => (await roster()).appendCheckIn(record).then(() => undefined))()
    writes.set(record.participantId, write)
    try {
      await write
    } catch (error) {
      history.value = { read: history.value.read, added: history.value.added.filter((entry) => entry !== record) }
      throw error
    } finally {
      if (writes.get(record.participantId) === write) writes.delete(record.participantId)
    }
  }

  /** Checks a person in or out here, unless that is already so. */
  async function checkIn(participant: Participant, mode: CheckInMode, method: CheckIn['method']): Promise<CheckInDecision> {
    const stop = stopId.value
    if (!stop) throw new Error('no checkpoint is selected')
    await settled(participant.id)
    const decision = decideCheckIn(participant, mode, records.value, stop)
    if (decision.kind === 'record') await append(await newRecord(participant.id, decision.action, method))
    return decision
  }

  /** A scanned code: this event's badge, another event's, or nothing the app knows. */
  async function scan(text: string, mode: CheckInMode): Promise<ScanOutcome> {
    const badge = readBadgePayload(text)
    if (badge.kind === 'notABadge') return { kind: 'notABadge' }
    const local = rosterStore.participants.find((participant) => participant.badgeCode === badge.code)
    if (local) return checkIn(local, mode, 'qr')
    const elsewhere = await (await roster()).byBadgeCode(badge.code)
    const other = elsewhere.find((participant) => participant.eventId !== requireEvent(event).id)
    return other ? { kind: 'otherEvent', participant: other } : { kind: 'unknown' }
  }

  /** Cancels the person's latest in or out here, with a record of its own. */
  async function undo(participantId: Id): Promise<boolean> {
    await settled(participantId)
    const stop = stopId.value
    const target = stop ? latestUndoable(records.value, participantId, stop) : null
    if (!target) return false
    await append(await newRecord(participantId, 'undo', target.method, target.id))
    return true
  }

  async function addWalkIn(draft: ParticipantDraft): Promise<Result<Participant, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, { currentYear: currentYear() })
    if (!details.ok) return details
    const id = newId()
    const record = await newRecord(id, 'in', 'manual')
    const participant = await (await roster()).addAndCheckIn(
      requireEvent(event).id,
      { id, badgeCode: newBadgeCode(), details: details.value, source: 'manual' },
      record,
      nowIso(),
    )
    return ok(participant)
  }

  return { ready, records, presence, count, checkIn, scan, undo, addWalkIn }
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
