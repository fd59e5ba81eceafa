import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPoller, type PollerEnvironment, type PollerState, type RoundResult } from './poller'

function fakeEnvironment() {
  const listeners = new Set<() => void>()
  const device = { online: true, visible: true }
  const environment: PollerEnvironment = {
    isOnline: () => device.online,
    isVisible: () => device.visible,
    watch(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
    now: () => Date.now(),
    random: () => 0.5,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  }
  const change = async (next: Partial<typeof device>) => {
    Object.assign(device, next)
    for (const listener of listeners) listener()
    await vi.advanceTimersByTimeAsync(0)
  }
  return { environment, change, listeners }
}

function setUp(results: RoundResult[] = []) {
  const { environment, change, listeners } = fakeEnvironment()
  const rounds: number[] = []
  const states: PollerState[] = []
  const poller = createPoller({
    round: async () => {
      rounds.push(Date.now())
      return results.shift() ?? { kind: 'ok' }
    },
    intervalSeconds: () => 60,
    onState: (state) => states.push(state),
    environment,
  })
  return { poller, rounds, states, change, listeners }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-07-26T10:00:00Z'))
})
afterEach(() => vi.useRealTimers())

describe('the poller', () => {
  it('polls at once, then every interval', async () => {
    const { poller, rounds } = setUp()
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(rounds).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(rounds).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(rounds).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(rounds).toHaveLength(4)
    poller.dispose()
  })

  it('makes no request while offline, and polls at once when the network comes back', async () => {
    const { poller, rounds, change } = setUp()
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    await change({ online: false })
    expect(poller.state().phase).toBe('paused')
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(rounds).toHaveLength(1)
    await change({ online: true })
    expect(rounds).toHaveLength(2)
    expect(poller.state().phase).toBe('waiting')
    poller.dispose()
  })

  it('makes no request while the page is hidden, and polls at once when it is shown', async () => {
    const { poller, rounds, change } = setUp()
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    await change({ visible: false })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(rounds).toHaveLength(1)
    await change({ visible: true })
    expect(rounds).toHaveLength(2)
    poller.dispose()
  })

  it('does not start with a request when it starts offline', async () => {
    const { poller, rounds, change } = setUp()
    await change({ online: false })
    poller.start()
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(rounds).toHaveLength(0)
    await change({ online: true })
    expect(rounds).toHaveLength(1)
    poller.dispose()
  })

  it('backs off twice as long after each failure, with jitter, and says when it tries next', async () => {
    const failure: RoundResult = { kind: 'retry', rateLimited: false }
    const { poller, rounds } = setUp([failure, failure, failure])
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    // Equal jitter with random 0.5: 3/4 of 60 s, then of 120 s, then of 240 s.
    expect(poller.state()).toMatchObject({ failures: 1, nextAt: Date.now() + 45_000 })
    await vi.advanceTimersByTimeAsync(45_000)
    expect(rounds).toHaveLength(2)
    expect(poller.state()).toMatchObject({ failures: 2, nextAt: Date.now() + 90_000 })
    await vi.advanceTimersByTimeAsync(90_000)
    expect(rounds).toHaveLength(3)
    expect(poller.state()).toMatchObject({ failures: 3, nextAt: Date.now() + 180_000 })
    await vi.advanceTimersByTimeAsync(180_000)
    expect(rounds).toHaveLength(4)
    expect(poller.state()).toMatchObject({ failures: 0, nextAt: Date.now() + 60_000 })
    poller.dispose()
  })

  it('keeps a rate limit’s wait even when the network or the page comes back', async () => {
    const { poller, rounds, change } = setUp([{ kind: 'retry', rateLimited: true }])
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    const nextAt = poller.state().nextAt
    await change({ online: false })
    await change({ online: true })
    await change({ visible: false })
    await change({ visible: true })
    expect(rounds).toHaveLength(1)
    expect(poller.state().nextAt).toBe(nextAt)
    await vi.advanceTimersByTimeAsync(45_000)
    expect(rounds).toHaveLength(2)
    poller.dispose()
  })

  it('retries at once when the network comes back after a network failure', async () => {
    const { poller, rounds, change } = setUp([{ kind: 'retry', rateLimited: false }])
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    await change({ online: false })
    await change({ online: true })
    expect(rounds).toHaveLength(2)
    poller.dispose()
  })

  it('stops on a problem only the organiser can solve, until restarted', async () => {
    const { poller, rounds } = setUp([{ kind: 'stop' }])
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(poller.state().phase).toBe('stopped')
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    expect(rounds).toHaveLength(1)
    poller.restart()
    await vi.advanceTimersByTimeAsync(0)
    expect(rounds).toHaveLength(2)
    expect(poller.state().phase).toBe('waiting')
    poller.dispose()
  })

  it('treats a round that throws as a failure to retry', async () => {
    const { environment } = fakeEnvironment()
    let calls = 0
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const poller = createPoller({
      round: () => {
        calls += 1
        return Promise.reject(new Error('boom'))
      },
      intervalSeconds: () => 60,
      onState: () => undefined,
      environment,
    })
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(poller.state()).toMatchObject({ phase: 'waiting', failures: 1 })
    expect(calls).toBe(1)
    poller.dispose()
    errors.mockRestore()
  })

  it('forgets its listeners and timers when disposed', async () => {
    const { poller, rounds, listeners } = setUp()
    poller.start()
    await vi.advanceTimersByTimeAsync(0)
    poller.dispose()
    expect(listeners.size).toBe(0)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(rounds).toHaveLength(1)
  })
})
