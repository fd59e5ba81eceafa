import { describe, expect, it } from 'vitest'
import {
  afterWrongPin,
  asPinAttempts,
  asPinSecret,
  formatWait,
  freeWrongTries,
  noPinAttempts,
  pinFormatProblem,
  remainingWaitMs,
  validateNewPin,
  waitAfterFailures,
  wrongTriesBeforeWait,
  type PinAttempts,
} from './pin'

const second = 1000
const minute = 60 * second

describe('the format of a PIN', () => {
  it.each(['1234', '0000', '98765432', '00001'])('accepts %j: 4 to 8 digits', (pin) => {
    expect(pinFormatProblem(pin)).toBeNull()
  })

  it.each([
    ['', 'required'],
    ['123', 'length'],
    ['123456789', 'length'],
    ['12a4', 'digitsOnly'],
    ['12 34', 'digitsOnly'],
    [' 1234', 'digitsOnly'],
    ['12.4', 'digitsOnly'],
    ['-123', 'digitsOnly'],
    // Digits of other scripts are not what the numeric keypad types, nor what the organiser will retype.
    ['١٢٣٤', 'digitsOnly'],
  ])('refuses %j (%s)', (pin, problem) => {
    expect(pinFormatProblem(pin)).toBe(problem)
  })
})

describe('a new PIN, typed twice', () => {
  it('is accepted when both entries are the same valid PIN', () => {
    expect(validateNewPin('482913', '482913')).toEqual({ ok: true, value: '482913' })
  })

  it('is refused when the entries differ, the second entry saying so', () => {
    expect(validateNewPin('482913', '482912')).toEqual({ ok: false, error: [{ field: 'repeat', problem: 'mismatch' }] })
  })

  it('is refused when the second entry is missing', () => {
    expect(validateNewPin('482913', '')).toEqual({ ok: false, error: [{ field: 'repeat', problem: 'required' }] })
  })

  it('speaks about the first entry alone when it is not a PIN', () => {
    expect(validateNewPin('12', '12')).toEqual({ ok: false, error: [{ field: 'pin', problem: 'length' }] })
    expect(validateNewPin('12ab', '1234')).toEqual({ ok: false, error: [{ field: 'pin', problem: 'digitsOnly' }] })
    expect(validateNewPin('', '')).toEqual({ ok: false, error: [{ field: 'pin', problem: 'required' }] })
  })
})

describe('waiting after wrong PINs', () => {
  it('lets the first three wrong tries go free', () => {
    expect(freeWrongTries).toBe(3)
    expect(waitAfterFailures(0)).toBe(0)
    expect(waitAfterFailures(1)).toBe(0)
    expect(waitAfterFailures(2)).toBe(0)
  })

  it('then waits 30 s, doubling with each further wrong try, never more than 15 min', () => {
    expect(waitAfterFailures(3)).toBe(30 * second)
    expect(waitAfterFailures(4)).toBe(60 * second)
    expect(waitAfterFailures(5)).toBe(2 * minute)
    expect(waitAfterFailures(6)).toBe(4 * minute)
    expect(waitAfterFailures(7)).toBe(8 * minute)
    expect(waitAfterFailures(8)).toBe(15 * minute)
    expect(waitAfterFailures(9)).toBe(15 * minute)
    expect(waitAfterFailures(1000)).toBe(15 * minute)
  })

  it('counts each wrong try and sets the end of the wait from the moment of the try', () => {
    const now = Date.UTC(2027, 6, 24, 10, 0, 0)
    let attempts: PinAttempts = noPinAttempts
    attempts = afterWrongPin(attempts, now)
    attempts = afterWrongPin(attempts, now + second)
    expect(attempts).toEqual({ failures: 2, waitUntilMs: null })
    expect(remainingWaitMs(attempts, now + second)).toBe(0)
    expect(wrongTriesBeforeWait(attempts)).toBe(1)

    attempts = afterWrongPin(attempts, now + 2 * second)
    expect(attempts).toEqual({ failures: 3, waitUntilMs: now + 32 * second })
    expect(wrongTriesBeforeWait(attempts)).toBe(0)
    expect(remainingWaitMs(attempts, now + 5 * second)).toBe(27 * second)
    expect(remainingWaitMs(attempts, now + 32 * second)).toBe(0)
    expect(remainingWaitMs(attempts, now + 40 * second)).toBe(0)

    // The next wrong try, once the wait is over, waits twice as long.
    attempts = afterWrongPin(attempts, now + 40 * second)
    expect(attempts).toEqual({ failures: 4, waitUntilMs: now + 100 * second })
    expect(remainingWaitMs(attempts, now + 40 * second)).toBe(60 * second)
  })

  it('never waits longer than the current step, even when the phone’s clock is set back', () => {
    const now = Date.UTC(2027, 6, 24, 10, 0, 0)
    const attempts: PinAttempts = { failures: 3, waitUntilMs: now + 30 * second }
    expect(remainingWaitMs(attempts, now - 24 * 60 * minute)).toBe(30 * second)
  })

  it('reads stored attempts warily: anything malformed counts as none, never as a reason to unlock', () => {
    expect(asPinAttempts({ failures: 4, waitUntilMs: 1234 })).toEqual({ failures: 4, waitUntilMs: 1234 })
    expect(asPinAttempts({ failures: 2, waitUntilMs: null })).toEqual({ failures: 2, waitUntilMs: null })
    expect(asPinAttempts(undefined)).toEqual(noPinAttempts)
    expect(asPinAttempts({ failures: -1, waitUntilMs: null })).toEqual(noPinAttempts)
    expect(asPinAttempts({ failures: 1.5, waitUntilMs: null })).toEqual(noPinAttempts)
    expect(asPinAttempts({ failures: 3, waitUntilMs: 'soon' })).toEqual(noPinAttempts)
    expect(asPinAttempts('3')).toEqual(noPinAttempts)
  })
})

describe('the countdown', () => {
  it('shows minutes and seconds, rounding up so that it never shows 0:00 while waiting', () => {
    expect(formatWait(27 * second)).toBe('0:27')
    expect(formatWait(26_001)).toBe('0:27')
    expect(formatWait(30 * second)).toBe('0:30')
    expect(formatWait(60 * second)).toBe('1:00')
    expect(formatWait(15 * minute)).toBe('15:00')
    expect(formatWait(1)).toBe('0:01')
    expect(formatWait(0)).toBe('0:00')
    expect(formatWait(-5)).toBe('0:00')
  })
})

describe('a stored PIN secret', () => {
  const secret = { algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA', hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g' }

  it('is read when whole', () => {
    expect(asPinSecret(secret)).toEqual(secret)
  })

  it('is nothing when any part is missing or of another kind', () => {
    expect(asPinSecret(undefined)).toBeNull()
    expect(asPinSecret({ ...secret, algorithm: 'MD5' })).toBeNull()
    expect(asPinSecret({ ...secret, iterations: 0 })).toBeNull()
    expect(asPinSecret({ ...secret, salt: 42 })).toBeNull()
    expect(asPinSecret({ ...secret, hash: '' })).toBeNull()
  })
})
