import { describe, expect, it } from 'vitest'
import { storageProblemOf } from './database'

const error = (name: string, inner?: unknown) => Object.assign(new Error(name), { name, inner })

describe('why storage cannot be used', () => {
  it('looks inside the errors Dexie wraps around the browser’s', () => {
    expect(storageProblemOf(error('OpenFailedError', error('InvalidStateError')))).toBe('denied')
    expect(storageProblemOf(error('OpenFailedError', error('VersionError')))).toBe('newerVersion')
    expect(storageProblemOf(error('AbortError', error('QuotaExceededError')))).toBe('full')
    expect(storageProblemOf(error('MissingAPIError'))).toBe('unsupported')
    expect(storageProblemOf(error('SecurityError'))).toBe('denied')
    expect(storageProblemOf(new Error('disk on fire'))).toBe('unknown')
    expect(storageProblemOf('not even an error')).toBe('unknown')
  })
})
