import { describe, expect, it, vi } from 'vitest'
import { readStorageStatus, requestPersistentStorage } from './storage'

function fakeStorage(overrides: Partial<StorageManager> = {}): StorageManager {
  return {
    estimate: vi.fn(async () => ({ usage: 2048, quota: 1_000_000 })),
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => true),
    getDirectory: vi.fn(),
    ...overrides,
  } as StorageManager
}

describe('storage status', () => {
  it('reads usage, quota and persistence', async () => {
    expect(await readStorageStatus(fakeStorage())).toEqual({
      supported: true,
      persisted: false,
      usageBytes: 2048,
      quotaBytes: 1_000_000,
    })
  })

  it('says so when the browser has no storage manager', async () => {
    expect(await readStorageStatus(null)).toEqual({
      supported: false,
      persisted: null,
      usageBytes: null,
      quotaBytes: null,
    })
  })

  it('asks for persistence and reports a refusal as false', async () => {
    expect(await requestPersistentStorage(fakeStorage())).toBe(true)
    const refusing = fakeStorage({ persist: vi.fn(async () => Promise.reject(new Error('denied'))) })
    expect(await requestPersistentStorage(refusing)).toBe(false)
    expect(await requestPersistentStorage(null)).toBeNull()
  })
})
