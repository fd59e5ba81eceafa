import { err, ok, type Result } from './result'
import { stopsInOrder } from './schedule'
import { addDays, epochMsToZoned, zonedDateTimeToEpochMs } from './time'
import type { Id, LocalDate, LocalTime, Stop } from './types'

/** A stop's new place in the day: its start and its tie-breaking order. */
export interface StopTiming {
  id: Id
  plannedStart: LocalTime
  order: number
}

export type MoveRefusal =
  /** Nothing before the first stop or after the last one to swap with. */
  | { kind: 'edge' }
  /** A fixed stop (a boat departure, a booking) is in the way or is the one being moved. */
  | { kind: 'fixed'; stopId: Id }
  /** The new times would leave the event's day. */
  | { kind: 'outsideDay' }

interface Day {
  date: LocalDate
  timeZone: string
}

const minuteMs = 60_000

/**
 * Swaps the time slots of two neighbouring stops, earlier first: the later one takes the earlier
 * one's start, the gap between them is kept, and each keeps its duration, so the pair ends when it
 * ended before. Computed in instants, so a day on which clocks change keeps true durations.
 */
function swapSlots(earlier: Stop, later: Stop, day: Day): Result<[Stop, Stop], MoveRefusal> {
  if (earlier.isFixed) return err({ kind: 'fixed', stopId: earlier.id })
  if (later.isFixed) return err({ kind: 'fixed', stopId: later.id })
  const startOf = (stop: Stop) => zonedDateTimeToEpochMs(day.date, stop.plannedStart, day.timeZone)
  const earlierStart = startOf(earlier)
  const gap = startOf(later) - (earlierStart + earlier.durationMinutes * minuteMs)
  const movedDownStart = earlierStart + later.durationMinutes * minuteMs + gap
  const dayStart = zonedDateTimeToEpochMs(day.date, '00:00', day.timeZone)
  const dayEnd = zonedDateTimeToEpochMs(addDays(day.date, 1), '00:00', day.timeZone)
  if (movedDownStart < dayStart || movedDownStart + earlier.durationMinutes * minuteMs > dayEnd) return err({ kind: 'outsideDay' })
  return ok([
    { ...later, plannedStart: earlier.plannedStart, order: earlier.order },
    { ...earlier, plannedStart: epochMsToZoned(movedDownStart, day.timeZone).time, order: later.order },
  ])
}

/**
 * Moves a stop to another place of the day (a drag): it swaps time slots with each neighbour on
 * the way. Returns the stops whose start or order changed, in their new time order.
 */
export function moveInTime(stops: readonly Stop[], id: Id, targetIndex: number, day: Day): Result<StopTiming[], MoveRefusal> {
  const working = stopsInOrder(stops)
  let index = working.findIndex((stop) => stop.id === id)
  if (index < 0 || targetIndex < 0 || targetIndex >= working.length) return err({ kind: 'edge' })
  const changed = new Set<Id>()
  while (index !== targetIndex) {
    const step = targetIndex < index ? -1 : 1
    const [earlierIndex, laterIndex] = step < 0 ? [index - 1, index] : [index, index + 1]
    const earlier = working[earlierIndex] as Stop
    const later = working[laterIndex] as Stop
    const swapped = swapSlots(earlier, later, day)
    if (!swapped.ok) return swapped
    working[earlierIndex] = swapped.value[0]
    working[laterIndex] = swapped.value[1]
    changed.add(earlier.id).add(later.id)
    index += step
  }
  return ok(
    stopsInOrder(working)
      .filter((stop) => changed.has(stop.id))
      .map((stop) => ({ id: stop.id, plannedStart: stop.plannedStart, order: stop.order })),
  )
}

/** Moves a stop one place earlier (-1) or later (+1) in the day, swapping time slots with that neighbour. */
export function swapWithNeighbour(stops: readonly Stop[], id: Id, direction: -1 | 1, day: Day): Result<StopTiming[], MoveRefusal> {
  const index = stopsInOrder(stops).findIndex((stop) => stop.id === id)
  if (index < 0) return err({ kind: 'edge' })
  return moveInTime(stops, id, index + direction, day)
}
