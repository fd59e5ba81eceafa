import { describe, expect, it, vi } from 'vitest'
import { keepScreenAwake } from './wakeLock'

function fakePage(withApi = true) {
  const listeners = new Set<() => void>()
  const sentinels: { released: boolean; release: () => Promise<void> }[] = []
  const page = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }
  const request = vi.fn(() => {
    const sentinel = {
      released: false,
      release: () => {
        sentinel.released = true
        return Promise.resolve()
      },
    }
    sentinels.push(sentinel)
    return Promise.resolve(sentinel)
  })
  const target = { navigator: (withApi ? { wakeLock: { request } } : {}) as unknown as Navigator, document: page as unknown as Document }
  const show = async (state: DocumentVisibilityState) => {
    page.visibilityState = state
    for (const listener of listeners) listener()
    await Promise.resolve()
  }
  return { target, request, sentinels, show, listeners }
}

describe('keeping the screen awake', () => {
  it('asks for the lock, asks again when the page comes back after the browser released it, and lets go', async () => {
    const page = fakePage()
    const release = keepScreenAwake(page.target)
    await Promise.resolve()
    expect(page.request).toHaveBeenCalledTimes(1)
    // The browser releases the lock when the page is hidden.
    await page.sentinels[0]?.release()
    await page.show('hidden')
    expect(page.request).toHaveBeenCalledTimes(1)
    await page.show('visible')
    expect(page.request).toHaveBeenCalledTimes(2)
    release()
    expect(page.sentinels[1]?.released).toBe(true)
    expect(page.listeners.size).toBe(0)
  })

  it('does nothing where the browser has no Wake Lock API', () => {
    const page = fakePage(false)
    expect(() => keepScreenAwake(page.target)()).not.toThrow()
  })
})
