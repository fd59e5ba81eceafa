import { describe, expect, it } from 'vitest'
import { appProblemOf } from './problems'

const error = (name: string, message = '', inner?: unknown) => Object.assign(new Error(message), { name, inner })

describe('what an uncaught error means for the person', () => {
  it('a missing part of the app, as each browser words it', () => {
    expect(appProblemOf(new TypeError('Failed to fetch dynamically imported module: https://x/assets/a.js'))).toBe('appPartMissing')
    expect(appProblemOf(new TypeError('error loading dynamically imported module'))).toBe('appPartMissing')
    expect(appProblemOf(new TypeError('Importing a module script failed.'))).toBe('appPartMissing')
  })

  it('storage that is full or was closed, even inside Dexie’s errors', () => {
    expect(appProblemOf(error('AbortError', 'aborted', error('QuotaExceededError')))).toBe('storageFull')
    expect(appProblemOf(error('DatabaseClosedError'))).toBe('storageClosed')
  })

  it('anything else', () => {
    expect(appProblemOf(new RangeError('oops'))).toBe('unexpected')
    expect(appProblemOf(undefined)).toBe('unexpected')
  })
})
