import { err, ok, type Result } from './result'

/**
 * The organiser's PIN: what it may look like, how it is kept, and how long a phone waits after wrong
 * tries. The PIN guards the hand-over mode (a participant holding the phone cannot leave their own
 * consent form) and the reception screen.
 */

export const shortestPin = 4
export const longestPin = 8

export type PinFormatProblem = 'required' | 'digitsOnly' | 'length'

/** What is wrong with a typed PIN, or null. Only ASCII digits: what a numeric keypad types. */
export function pinFormatProblem(pin: string): PinFormatProblem | null {
  if (pin === '') return 'required'
  if (!/^[0-9]+$/.test(pin)) return 'digitsOnly'
  if (pin.length < shortestPin || pin.length > longestPin) return 'length'
  return null
}

export type NewPinProblem = PinFormatProblem | 'mismatch'
export interface NewPinError {
  /** `pin`: the first entry; `repeat`: the second one, typed to confirm. */
  field: 'pin' | 'repeat'
  problem: NewPinProblem
}

/** A new PIN typed twice: the first entry must be a PIN, the second the same. */
export function validateNewPin(pin: string, repeated: string): Result<string, NewPinError[]> {
  const problem = pinFormatProblem(pin)
  if (problem) return err([{ field: 'pin', problem }])
  if (repeated === '') return err([{ field: 'repeat', problem: 'required' }])
  if (repeated !== pin) return err([{ field: 'repeat', problem: 'mismatch' }])
  return ok(pin)
}

/**
 * How the PIN is kept: a salted PBKDF2-SHA-256 hash (salt and hash in base64url), with the number
 * of iterations it was made with, so that a later version can raise it for new PINs.
 */
export interface PinSecret {
  algorithm: 'PBKDF2-SHA-256'
  iterations: number
  salt: string
  hash: string
}

/** A stored secret as the app wrote it, or null when anything in it is missing or of another kind. */
export function asPinSecret(value: unknown): PinSecret | null {
  if (!value || typeof value !== 'object') return null
  const { algorithm, iterations, salt, hash } = value as Partial<Record<keyof PinSecret, unknown>>
  if (algorithm !== 'PBKDF2-SHA-256') return null
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations) || iterations < 1) return null
  if (typeof salt !== 'string' || salt === '' || typeof hash !== 'string' || hash === '') return null
  return { algorithm, iterations, salt, hash }
}

// ---- Wrong tries ----

/** The wrong tries in a row since the last right PIN, and when the phone may be asked again. */
export interface PinAttempts {
  failures: number
  /** Epoch milliseconds; null while the tries are still free. */
  waitUntilMs: number | null
}

export const noPinAttempts: PinAttempts = { failures: 0, waitUntilMs: null }
/** Wrong tries that cost nothing: a PIN mistyped in the sun. */
export const freeWrongTries = 3
const firstWaitMs = 30_000
const longestWaitMs = 15 * 60_000

/** How long the phone waits after `failures` wrong tries in a row: 30 s after the third, doubling, at most 15 min. */
export function waitAfterFailures(failures: number): number {
  if (failures < freeWrongTries) return 0
  const doublings = failures - freeWrongTries
  // Past 5 doublings the cap is reached; stopping there keeps the power finite for any count.
  return Math.min(firstWaitMs * 2 ** Math.min(doublings, 5), longestWaitMs)
}

/** The attempts after a wrong PIN typed at `nowMs`. */
export function afterWrongPin(attempts: PinAttempts, nowMs: number): PinAttempts {
  const failures = attempts.failures + 1
  const waitMs = waitAfterFailures(failures)
  return { failures, waitUntilMs: waitMs > 0 ? nowMs + waitMs : null }
}

/**
 * How long before the PIN may be typed again. Never more than the current step's wait: a phone
 * whose clock is set back does not lock its organiser out for hours.
 */
export function remainingWaitMs(attempts: PinAttempts, nowMs: number): number {
  if (attempts.waitUntilMs === null) return 0
  return Math.max(0, Math.min(attempts.waitUntilMs - nowMs, waitAfterFailures(attempts.failures)))
}

/** Wrong tries left before the phone starts to wait. */
export function wrongTriesBeforeWait(attempts: PinAttempts): number {
  return Math.max(0, freeWrongTries - attempts.failures)
}

/** Stored attempts as the app wrote them; anything else counts as none. */
export function asPinAttempts(value: unknown): PinAttempts {
  if (!value || typeof value !== 'object') return noPinAttempts
  const { failures, waitUntilMs } = value as Partial<Record<keyof PinAttempts, unknown>>
  if (typeof failures !== 'number' || !Number.isSafeInteger(failures) || failures < 0) return noPinAttempts
  if (waitUntilMs !== null && (typeof waitUntilMs !== 'number' || !Number.isFinite(waitUntilMs))) return noPinAttempts
  return { failures, waitUntilMs }
}

/** A wait as the countdown shows it: "0:27". Rounded up, so it reads 0:00 only once over. */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** Why a typed PIN was not accepted. */
export type PinRefusal =
  /** Not a PIN at all: said, and not counted as a try. */
  | { reason: 'malformed'; problem: PinFormatProblem }
  /** The wrong PIN: counted. `waitMs` is the wait it started (0 while tries are free). */
  | { reason: 'wrong'; triesBeforeWait: number; waitMs: number }
  /** Too many wrong tries: nothing is checked until the wait is over. */
  | { reason: 'waiting'; waitMs: number }
  /** No PIN is set on this device. */
  | { reason: 'noPin' }
