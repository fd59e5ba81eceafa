import { zonedDateTimeToEpochMs } from './time'
import type { LocalDate, ScheduleShift, Stop } from './types'

const minuteMs = 60_000

export interface EffectiveStop {
  stop: Stop
  plannedStartMs: number
  plannedEndMs: number
  startMs: number
  endMs: number
  /** Effective minus planned start, in minutes: positive when the day runs late, never negative. */
  delayMinutes: number
  /** Minutes the stop runs longer than planned: delays declared while it was under way. */
  extraMinutes: number
  /** For a fixed stop the group cannot reach in time: by how many minutes it will be late. */
  lateForFixedMinutes: number
  /** Minutes between the previous stop's effective end and this one's start; negative when they overlap. */
  gapBeforeMinutes: number | null
  /** The plans themselves overlap (a warning, not an error). */
  plannedOverlap: boolean
}

export interface DaySchedule {
  stops: EffectiveStop[]
  startMs: number | null
  endMs: number | null
  totalMinutes: number
  /** Fixed stops that the delays make the group miss. */
  conflicts: EffectiveStop[]
}

export interface ScheduleContext {
  date: LocalDate
  timeZone: string
}

/** Shifts still in force: every shift that no later record undoes. Undo records themselves carry no time. */
export function activeShifts(shifts: readonly ScheduleShift[]): ScheduleShift[] {
  const undone = new Set(shifts.filter((shift) => shift.undoesShiftId !== null).map((shift) => shift.undoesShiftId))
  return shifts.filter((shift) => shift.undoesShiftId === null && !undone.has(shift.id))
}

/**
 * The day in time order: a stop's place follows its planned start, so a stop added later lands
 * where its time puts it. The stored order only breaks ties between stops starting together.
 */
export function stopsInOrder(stops: readonly Stop[]): Stop[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return [...stops].sort((a, b) => byText(a.plannedStart, b.plannedStart) || a.order - b.order || byText(a.id, b.id))
}

/**
 * The day as it will actually run: planned times, moved by the shifts in force.
 *
 * A shift "from stop X on, N minutes" moves X and every later stop, up to the next fixed stop. A
 * fixed stop (a boat departure, a restaurant booking) never moves: the delay stops there, eaten
 * by the buffer before it, and if the buffer is too short the stop is reported as a conflict with
 * the minutes the group will be late. A shift declared from a fixed stop moves the stops after it.
 * A shift declared while X was under way lengthens X instead of moving its start (which is already
 * past), and moves the stops after it, fixed or not, as the group leaves X later.
 * No stop ever starts earlier than planned: catching up brings the day back to its plan, never
 * ahead of what participants were told.
 * Everything is computed in instants, so a day on which clocks change keeps true durations.
 */
export function effectiveSchedule(
  stops: readonly Stop[],
  shifts: readonly ScheduleShift[],
  context: ScheduleContext,
): DaySchedule {
  const ordered = stopsInOrder(stops)
  const orderOf = new Map(ordered.map((stop, index) => [stop.id, index]))
  const shiftAt = new Array<number>(ordered.length).fill(0)
  const lengthenAt = new Array<number>(ordered.length).fill(0)
  for (const shift of activeShifts(shifts)) {
    const index = orderOf.get(shift.fromStopId)
    // A shift whose stop has since been deleted has nothing left to move.
    if (index === undefined) continue
    if (shift.lengthensStop) lengthenAt[index] = (lengthenAt[index] ?? 0) + shift.minutes
    else shiftAt[index] = (shiftAt[index] ?? 0) + shift.minutes
  }
  let carried = 0
  const delays: number[] = []
  const extras: number[] = []
  ordered.forEach((stop, index) => {
    if (stop.isFixed) {
      // The delay stops here; what is declared from this stop on moves the stops after it.
      carried = shiftAt[index] ?? 0
      delays.push(0)
    } else {
      carried += shiftAt[index] ?? 0
      delays.push(Math.max(0, carried))
    }
    // A stop is never shortened below a minute; what it gains, the stops after it lose.
    const extra = Math.max(1 - stop.durationMinutes, lengthenAt[index] ?? 0)
    extras.push(extra)
    carried += extra
  })
  return scheduleWithDelays(ordered, delays, context, extras)
}

/**
 * Lays out stops, in the given order, each moved by its delay in minutes (and lengthened by its
 * extra minutes): effective times, gaps, planned overlaps, and how late the group reaches each
 * fixed stop.
 */
export function scheduleWithDelays(
  ordered: readonly Stop[],
  delays: readonly number[],
  context: ScheduleContext,
  extras: readonly number[] = [],
): DaySchedule {
  const result: EffectiveStop[] = []
  let previous: EffectiveStop | null = null
  ordered.forEach((stop, index) => {
    const plannedStartMs = zonedDateTimeToEpochMs(context.date, stop.plannedStart, context.timeZone)
    const plannedEndMs = plannedStartMs + stop.durationMinutes * minuteMs
    const delayMinutes = delays[index] ?? 0
    const extraMinutes = extras[index] ?? 0
    const startMs = plannedStartMs + delayMinutes * minuteMs
    let lateForFixedMinutes = 0
    if (stop.isFixed && previous) {
      const lateness = previous.endMs - startMs
      const plannedLateness = previous.plannedEndMs - plannedStartMs
      // Only what the delays add counts: a plan that already overlapped is a planning warning.
      lateForFixedMinutes = Math.max(0, Math.round((lateness - Math.max(0, plannedLateness)) / minuteMs))
    }
    const current: EffectiveStop = {
      stop,
      plannedStartMs,
      plannedEndMs,
      startMs,
      endMs: startMs + (stop.durationMinutes + extraMinutes) * minuteMs,
      delayMinutes,
      extraMinutes,
      lateForFixedMinutes,
      gapBeforeMinutes: previous ? Math.round((startMs - previous.endMs) / minuteMs) : null,
      plannedOverlap: previous ? plannedStartMs < previous.plannedEndMs : false,
    }
    result.push(current)
    previous = current
  })

  const startMs = result.length > 0 ? Math.min(...result.map((entry) => entry.startMs)) : null
  const endMs = result.length > 0 ? Math.max(...result.map((entry) => entry.endMs)) : null
  return {
    stops: result,
    startMs,
    endMs,
    totalMinutes: startMs !== null && endMs !== null ? Math.round((endMs - startMs) / minuteMs) : 0,
    conflicts: result.filter((entry) => entry.lateForFixedMinutes > 0),
  }
}

/** Conflicts worth an alert: fixed stops the group will be late for that are not over yet. */
export function conflictsAhead(schedule: DaySchedule, nowMs: number): EffectiveStop[] {
  return schedule.conflicts.filter((entry) => entry.endMs > nowMs)
}

/**
 * The shift to record when the organiser says "N minutes late from this stop" at `nowMs`: a stop
 * already under way (or over) is lengthened rather than moved, so no start moves into the past.
 */
export function newShift(
  schedule: DaySchedule,
  fromStopId: string,
  minutes: number,
  nowMs: number,
): { fromStopId: string; minutes: number; lengthensStop: boolean } | null {
  const entry = schedule.stops.find((candidate) => candidate.stop.id === fromStopId)
  if (!entry) return null
  return { fromStopId, minutes, lengthensStop: entry.startMs <= nowMs }
}

export type DayPhase = 'empty' | 'before' | 'during' | 'between' | 'after'

export interface NowAndNext {
  phase: DayPhase
  current: EffectiveStop | null
  next: EffectiveStop | null
  /** Whole minutes left in the current stop, rounded up. */
  minutesLeft: number | null
  /** Whole minutes until the next stop starts, rounded up. */
  minutesToNext: number | null
}

/** What is happening at `nowMs` and what comes next. A stop runs from its start, inclusive, to its end, exclusive. */
export function nowAndNext(schedule: DaySchedule, nowMs: number): NowAndNext {
  const stops = schedule.stops
  if (stops.length === 0) return { phase: 'empty', current: null, next: null, minutesLeft: null, minutesToNext: null }
  const running = stops.filter((entry) => entry.startMs <= nowMs && nowMs < entry.endMs)
  // When stops overlap, the one that started last is the one people are at.
  const current = running.reduce<EffectiveStop | null>(
    (latest, entry) => (latest === null || entry.startMs >= latest.startMs ? entry : latest),
    null,
  )
  const upcoming = stops
    .filter((entry) => entry.startMs > nowMs)
    .sort((a, b) => a.startMs - b.startMs)
  const next = upcoming[0] ?? null
  const minutesUntil = (ms: number) => Math.ceil((ms - nowMs) / minuteMs)
  let phase: DayPhase
  if (current) phase = 'during'
  else if (schedule.startMs !== null && nowMs < schedule.startMs) phase = 'before'
  else if (next) phase = 'between'
  else phase = 'after'
  return {
    phase,
    current,
    next,
    minutesLeft: current ? minutesUntil(current.endMs) : null,
    minutesToNext: next ? minutesUntil(next.startMs) : null,
  }
}

/** The stop a "running late" shift starts from unless the organiser picks another: the one under way, else the next. */
export function defaultShiftStop(schedule: DaySchedule, nowMs: number): Stop | null {
  const { current, next } = nowAndNext(schedule, nowMs)
  return current?.stop ?? next?.stop ?? schedule.stops[0]?.stop ?? null
}

export const maxShiftMinutes = 720

export type ShiftMinutesError = 'notAWholeNumber' | 'zero' | 'tooLarge'

/** Parses a custom delay; negative numbers are allowed, for when the group catches up. */
export function parseShiftMinutes(input: string): { ok: true; value: number } | { ok: false; error: ShiftMinutesError } {
  const compact = input.replace(/\s/gu, '').replace(/^\+/, '').replace(/^[−–]/u, '-')
  if (!/^-?\d+$/.test(compact)) return { ok: false, error: 'notAWholeNumber' }
  const minutes = Number(compact)
  if (minutes === 0) return { ok: false, error: 'zero' }
  if (Math.abs(minutes) > maxShiftMinutes) return { ok: false, error: 'tooLarge' }
  return { ok: true, value: minutes }
}
