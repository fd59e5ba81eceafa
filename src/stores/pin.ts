import { defineStore } from 'pinia'
import { computed } from 'vue'
import {
  noPinAttempts,
  pinFormatProblem,
  remainingWaitMs,
  validateNewPin,
  wrongTriesBeforeWait,
  type NewPinError,
  type PinRefusal,
} from '@/domain/pin'
import { err, ok, type Result } from '@/domain/result'
import { nowMs } from '@/services/clock'
import { hashPin, pinMatches } from '@/services/pinHash'
import { loadDatabase } from './database'
import { liveQueryRef } from './live'

/** Why an action that needs the current PIN was refused: the PIN itself, or a lock in force. */
export type PinActionRefusal = PinRefusal | { reason: 'locked' }
export type SetPinRefusal = { reason: 'invalid'; errors: NewPinError[] } | { reason: 'alreadySet' }
export type ChangePinRefusal = PinRefusal | { reason: 'invalid'; errors: NewPinError[] }

/**
 * The organiser's PIN on this device: set, changed and removed from the settings, checked by the
 * device lock. Every check of a typed PIN goes through `check`, which counts wrong tries and makes
 * the phone wait after three (the count is kept in the database: a reload does not reset it).
 */
export const usePinStore = defineStore('pin', () => {
  const status = liveQueryRef(() => (db) => db.metaRepository().pinStatus(), null)
  /** Null until read. */
  const pinSet = computed(() => status.value.value?.pinSet ?? null)
  const attempts = computed(() => status.value.value?.attempts ?? noPinAttempts)

  // Checks run one after the other: guesses fired together would each pass the wait before any
  // of them was counted.
  let queue: Promise<unknown> = Promise.resolve()
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  async function verify(pin: string): Promise<Result<null, PinRefusal>> {
    const meta = (await loadDatabase()).metaRepository()
    const secret = await meta.pinSecret()
    if (!secret) return err({ reason: 'noPin' })
    const waitMs = remainingWaitMs((await meta.pinStatus()).attempts, nowMs())
    if (waitMs > 0) return err({ reason: 'waiting', waitMs })
    // Not a PIN at all cannot be the PIN: said, and not counted against the organiser.
    const problem = pinFormatProblem(pin)
    if (problem) return err({ reason: 'malformed', problem })
    if (await pinMatches(pin, secret)) return ok(null)
    const now = nowMs()
    const after = await meta.recordWrongPin(now)
    return err({ reason: 'wrong', triesBeforeWait: wrongTriesBeforeWait(after), waitMs: remainingWaitMs(after, now) })
  }

  /**
   * Whether `pin` is the organiser's. A right PIN writes nothing here: the action it allows (a
   * change, a removal, the end of a lock) starts the count again in its own transaction.
   */
  const check = (pin: string) => oneAtATime(() => verify(pin))

  /** Sets the first PIN, typed twice. */
  async function setPin(pin: string, repeated: string): Promise<Result<null, SetPinRefusal>> {
    const valid = validateNewPin(pin, repeated)
    if (!valid.ok) return err({ reason: 'invalid', errors: valid.error })
    const secret = await hashPin(valid.value)
    const saved = await (await loadDatabase()).metaRepository().createPinSecret(secret)
    return saved === 'saved' ? ok(null) : err({ reason: 'alreadySet' })
  }

  /** Replaces the PIN: the new one typed twice, and the current one first. */
  function changePin(current: string, pin: string, repeated: string): Promise<Result<null, ChangePinRefusal>> {
    return oneAtATime(async () => {
      // A new PIN mistyped costs no try of the current one.
      const valid = validateNewPin(pin, repeated)
      if (!valid.ok) return err({ reason: 'invalid', errors: valid.error })
      const checked = await verify(current)
      if (!checked.ok) return checked
      const secret = await hashPin(valid.value)
      await (await loadDatabase()).metaRepository().replacePinSecret(secret)
      return ok(null)
    })
  }

  /** Removes the PIN, knowing it; never while a lock is in force. */
  function removePin(current: string): Promise<Result<null, PinActionRefusal>> {
    return oneAtATime(async () => {
      const checked = await verify(current)
      if (!checked.ok) return checked
      const removed = await (await loadDatabase()).metaRepository().removePinSecret()
      return removed === 'removed' ? ok(null) : err({ reason: 'locked' as const })
    })
  }

  return { pinSet, attempts, ready: status.ready, check, setPin, changePin, removePin }
})
