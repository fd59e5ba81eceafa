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
import { validateParticipantDraft, type ParticipantDraft, type ParticipantFieldError } from '@/domain/participant'
import { ok, type Result } from '@/domain/result'
import type { CheckIn, Id, Participant, PhotowalkEvent } from '@/domain/types'
import { nowIso } from '@/services/clock'
import { newBadgeCode, newId } from '@/services/ids'
import { loadDatabase } from './database'
import { liveQueryRef } from './live'
import { useRosterStore } from './roster'
import { useSettingsStore } from './settings'

const roster = async () => (await loadDatabase()).participantRepository()

export type ScanOutcome =
  | CheckInDecision
  | { kind: 'unknown' }
  | { kind: 'otherEvent'; participant: Participant }
  | { kind: 'notABadge' }

/** Reading: the checkpoint's records are being read; nothing is shown or decided from them yet. */
export type CheckpointState = 'loading' | 'ready' | 'failed'

/**
 * A tap or a scan that could not be decided because what it depends on (the roster, the
 * checkpoint's records) could not be read, or the organiser moved to another checkpoint meanwhile.
 * Nothing was written.
 */
export class CheckpointNotLoadedError extends Error {
  constructor(readonly reason: 'readFailed' | 'checkpointChanged') {
    super(`check-in not decided: ${reason}`)
    this.name = 'CheckpointNotLoadedError'
  }
}

/**
 * Check-in at one checkpoint. Only that checkpoint's records are read; a record written here joins
 * them at once, without reading the others again. Until the roster and the records are read, the
 * head-count is null and every tap or scan waits for them: a decision is never made on an empty
 * list that only looks like "nobody is here yet".
 */
export function useCheckpoint(event: Ref<PhotowalkEvent | null>, stopId: Ref<Id | null>) {
  const settings = useSettingsStore()
  // The event object changes with every edit; the queries depend on its id only.
  const eventId = computed(() => event.value?.id)
  const rosterStore = useRosterStore()
  /** The checkpoint's records as last read, and those written here since, newest last. */
  const history = shallowRef<{ read: CheckIn[]; added: CheckIn[] }>({ read: [], added: [] })
  const recordsState = shallowRef<CheckpointState>('loading')
  const records = computed(() => (history.value.added.length === 0 ? history.value.read : [...history.value.read, ...history.value.added]))

  /** Loading until both the roster and this checkpoint's records are read; failed if either failed. */
  const state = computed<CheckpointState>(() => {
    if (recordsState.value === 'failed' || rosterStore.failed) return 'failed'
    return recordsState.value === 'ready' && rosterStore.ready ? 'ready' : 'loading'
  })

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
  /** Which read is the latest: an older one finishing late must not overwrite it. */
  let reading = 0
  /** Counts checkpoint changes, so a tap made at one checkpoint is never decided at another. */
  let opened = 0

  async function read(): Promise<void> {
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
      recordsState.value = 'ready'
    } catch (error) {
      if (attempt !== reading) return
      console.error(error)
      recordsState.value = 'failed'
    }
  }

  watch(
    [eventId, stopId],
    () => {
      opened += 1
      recordsState.value = 'loading'
      history.value = { read: [], added: [] }
      void read()
    },
    { immediate: true },
  )

  /** Reads the records again after a failure. */
  async function retry(): Promise<void> {
    recordsState.value = 'loading'
    await read()
  }

  // While this device is writing, the count runs ahead of the records on screen: not a sign of
  // another tab's writes. The next change of the count compares them again.
  const readIfBehind = () => {
    const count = storedCount.value.value
    if (count !== null && recordsState.value === 'ready' && writes.size === 0 && count !== records.value.length) void read()
  }
  watch(storedCount.value, readIfBehind)

  /** Resolves once everything a decision needs is read; rejects if it cannot be, or the checkpoint changes. */
  function loaded(): Promise<void> {
    const openedAt = opened
    return new Promise((resolve, reject) => {
      const settle = (): boolean => {
        if (opened !== openedAt) reject(new CheckpointNotLoadedError('checkpointChanged'))
        else if (state.value === 'failed') reject(new CheckpointNotLoadedError('readFailed'))
        else if (state.value === 'ready') resolve()
        else return false
        return true
      }
      if (settle()) return
      const stop = watch([state, () => opened], () => {
        if (settle()) stop()
      })
    })
  }

  const readPresence = computed(() => (stopId.value ? presenceAt(history.value.read, stopId.value) : new Map<Id, Presence>()))
  const presence = computed(() => {
    const stop = stopId.value
    const { added } = history.value
    if (!stop || added.length === 0) return readPresence.value
    return presenceWithNewRecords(readPresence.value, added, stop) ?? presenceAt(records.value, stop)
  })
  /** Null while loading or failed: a screen must not show "0 present" for "not read yet". */
  const count = computed(() => (stopId.value && state.value === 'ready' ? headCount(rosterStore.participants, presence.value) : null))

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

  function requireEvent(): PhotowalkEvent {
    if (!event.value) throw new Error('no event is selected')
    return event.value
  }

  async function newRecord(participantId: Id, action: CheckIn['action'], method: CheckIn['method'], undoesId: Id | null = null): Promise<CheckIn> {
    const stop = stopId.value
    if (!stop) throw new Error('no checkpoint is selected')
    return {
      id: newId(),
      eventId: requireEvent().id,
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
    await loaded()
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
    // "Unknown" must mean unknown: the roster is read before a badge is looked up in it.
    await loaded()
    const local = rosterStore.participants.find((participant) => participant.badgeCode === badge.code)
    if (local) return checkIn(local, mode, 'qr')
    const elsewhere = await (await roster()).byBadgeCode(badge.code)
    const other = elsewhere.find((participant) => participant.eventId !== requireEvent().id)
    return other ? { kind: 'otherEvent', participant: other } : { kind: 'unknown' }
  }

  /** Cancels the person's latest in or out here, with a record of its own; returns what it cancelled. */
  async function undo(participantId: Id): Promise<CheckIn | null> {
    await loaded()
    await settled(participantId)
    const stop = stopId.value
    const target = stop ? latestUndoable(records.value, participantId, stop) : null
    if (!target) return null
    await append(await newRecord(participantId, 'undo', target.method, target.id))
    return target
  }

  async function addWalkIn(draft: ParticipantDraft): Promise<Result<Participant, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, { eventDate: requireEvent().date })
    if (!details.ok) return details
    const id = newId()
    const record = await newRecord(id, 'in', 'manual')
    const participant = await (await roster()).addAndCheckIn(
      requireEvent().id,
      { id, badgeCode: newBadgeCode(), details: details.value, source: 'manual' },
      record,
      nowIso(),
    )
    return ok(participant)
  }

  return { state, records, presence, count, retry, checkIn, scan, undo, addWalkIn }
}
