import { computed, type Ref } from 'vue'
import { ok, type Result } from '@/domain/result'
import { publicEventOf, type PublicEvent } from '@/domain/publicEvent'
import { moveInTime, swapWithNeighbour, type MoveRefusal } from '@/domain/dayOrder'
import { activeShifts, conflictsAhead, effectiveSchedule, newShift, nowAndNext } from '@/domain/schedule'
import { validateStopDraft, type StopDraft, type StopFieldError } from '@/domain/stop'
import type { Id, PhotowalkEvent, ScheduleShift, Stop } from '@/domain/types'
import { nowIso } from '@/services/clock'
import { newId } from '@/services/ids'
import { encodeShareFragment } from '@/services/shareLink'
import { useNow } from './clock'
import { loadDatabase } from './database'
import { liveQueryRef } from './live'
import { askForPersistenceOnFirstWrite } from './persistence'
import { useSettingsStore } from './settings'
import { signingKeyFor } from './signingKeys'

interface ItineraryData {
  stops: Stop[]
  shifts: ScheduleShift[]
}

const itinerary = async () => (await loadDatabase()).itineraryRepository()

/** The organiser's day: stops, delays and what they add up to, with the actions that change them. */
export function useItinerary(event: Ref<PhotowalkEvent | null>) {
  const settings = useSettingsStore()
  // The event object changes with every edit; the query depends on its id only.
  const eventId = computed(() => event.value?.id)
  const live = liveQueryRef<ItineraryData>(() => {
    const id = eventId.value
    if (!id) return null
    return async (db) => {
      const repository = db.itineraryRepository()
      const [stops, shifts] = await Promise.all([repository.stops(id), repository.shifts(id)])
      return { stops, shifts }
    }
  }, { stops: [], shifts: [] })

  const now = useNow()
  const stops = computed(() => live.value.value.stops)
  const shifts = computed(() => live.value.value.shifts)
  const schedule = computed(() =>
    event.value ? effectiveSchedule(stops.value, shifts.value, event.value) : effectiveSchedule([], [], { date: '2000-01-01', timeZone: 'UTC' }),
  )
  const current = computed(() => nowAndNext(schedule.value, now.value))
  /** Fixed stops the group will be late for, leaving out those already over. */
  const conflicts = computed(() => conflictsAhead(schedule.value, now.value))
  /** Shifts in force, newest first, for the history the organiser can undo from. */
  const shiftHistory = computed(() => activeShifts(shifts.value).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)))

  function requireEvent(): PhotowalkEvent {
    if (!event.value) throw new Error('no event is selected')
    return event.value
  }

  async function addStop(draft: StopDraft): Promise<Result<Stop, StopFieldError[]>> {
    const target = requireEvent()
    const details = validateStopDraft(draft, target)
    if (!details.ok) return details
    const stop = await (await itinerary()).addStop(target.id, details.value, { id: newId(), now: nowIso() })
    await askForPersistenceOnFirstWrite()
    return ok(stop)
  }

  async function updateStop(id: Id, draft: StopDraft): Promise<Result<Id, StopFieldError[]>> {
    const details = validateStopDraft(draft, requireEvent())
    if (!details.ok) return details
    await (await itinerary()).updateStop(id, details.value, nowIso())
    return ok(id)
  }

  const removeStop = async (id: Id) => (await itinerary()).removeStop(id, nowIso())
  const getStop = async (id: Id) => (await itinerary()).getStop(id)
  /** The stops as stored now, without waiting for the live query's first answer. */
  const loadStops = async () => (event.value ? (await itinerary()).stops(event.value.id) : [])

  /** Moves a stop to another place of the day, which moves it in time; a fixed stop refuses. */
  async function moveTo(id: Id, targetIndex: number): Promise<Result<void, MoveRefusal>> {
    const target = requireEvent()
    const moved = moveInTime(await loadStops(), id, targetIndex, target)
    if (!moved.ok) return moved
    if (moved.value.length > 0) await (await itinerary()).retime(target.id, moved.value, nowIso())
    return ok(undefined)
  }

  /** Moves a stop one place earlier (-1) or later (+1): it swaps time slots with that neighbour. */
  async function move(id: Id, offset: -1 | 1): Promise<Result<void, MoveRefusal>> {
    const target = requireEvent()
    const moved = swapWithNeighbour(await loadStops(), id, offset, target)
    if (!moved.ok) return moved
    await (await itinerary()).retime(target.id, moved.value, nowIso())
    return ok(undefined)
  }

  /** "N minutes late from this stop": a stop already under way runs longer instead of moving. */
  async function shiftFrom(fromStopId: Id, minutes: number): Promise<ScheduleShift> {
    const deviceId = await settings.ensureDeviceId()
    const at = nowIso()
    const shift = newShift(schedule.value, fromStopId, minutes, Date.parse(at))
    if (!shift) throw new Error(`stop ${fromStopId} is not in the day`)
    const record: ScheduleShift = { id: newId(), eventId: requireEvent().id, ...shift, undoesShiftId: null, at, deviceId }
    await (await itinerary()).appendShift(record)
    return record
  }

  async function undoShift(shift: ScheduleShift) {
    const deviceId = await settings.ensureDeviceId()
    await (await itinerary()).appendShift({
      id: newId(),
      eventId: shift.eventId,
      fromStopId: shift.fromStopId,
      minutes: 0,
      undoesShiftId: shift.id,
      lengthensStop: false,
      at: nowIso(),
      deviceId,
    })
  }

  /**
   * The public part of the event as stored right now, read afresh rather than from the live view,
   * so a link made just after a change already carries it.
   */
  async function currentPublicEvent(): Promise<PublicEvent> {
    const db = await loadDatabase()
    const id = requireEvent().id
    const [stored, storedStops, storedShifts] = await Promise.all([
      db.eventRepository().get(id),
      db.itineraryRepository().stops(id),
      db.itineraryRepository().shifts(id),
    ])
    if (!stored) throw new Error(`event ${id} no longer exists`)
    return publicEventOf(stored, storedStops, storedShifts)
  }

  /** The link's fragment, signed with the event's key. */
  async function shareFragment(): Promise<string> {
    const publicEvent = await currentPublicEvent()
    return encodeShareFragment(publicEvent, await signingKeyFor(publicEvent.id))
  }

  return {
    ready: live.ready,
    stops,
    shifts,
    shiftHistory,
    schedule,
    current,
    conflicts,
    now,
    currentPublicEvent,
    addStop,
    updateStop,
    removeStop,
    getStop,
    loadStops,
    moveTo,
    move,
    shiftFrom,
    undoShift,
    shareFragment,
  }
}
