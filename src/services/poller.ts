import { backoffSeconds } from '@/domain/postCount'

/** What a round of polling came to: fine, worth another try later, or nothing to do until settings change. */
export type RoundResult = { kind: 'ok' } | { kind: 'retry'; rateLimited: boolean } | { kind: 'stop' }

export interface PollerState {
  /**
   * `waiting` for the next round, `running` one, `paused` while offline or hidden (no request at
   * all), `stopped` until `restart()` (a token to renew, say), `idle` before `start()`.
   */
  phase: 'idle' | 'waiting' | 'running' | 'paused' | 'stopped'
  /** When the next round is due (epoch ms), null when none is planned. */
  nextAt: number | null
  /** Failed rounds in a row: more than zero means `nextAt` is a back-off. */
  failures: number
}

export interface PollerEnvironment {
  isOnline: () => boolean
  isVisible: () => boolean
  /** Subscribes to `online` and `visibilitychange`: called with nothing, the poller reads the state again. */
  watch: (onChange: () => void) => () => void
  now: () => number
  random: () => number
  setTimer: (callback: () => void, ms: number) => unknown
  clearTimer: (timer: unknown) => void
}

export function browserPollerEnvironment(): PollerEnvironment {
  return {
    isOnline: () => navigator.onLine,
    isVisible: () => document.visibilityState === 'visible',
    watch(onChange) {
      window.addEventListener('online', onChange)
      window.addEventListener('offline', onChange)
      document.addEventListener('visibilitychange', onChange)
      return () => {
        window.removeEventListener('online', onChange)
        window.removeEventListener('offline', onChange)
        document.removeEventListener('visibilitychange', onChange)
      }
    },
    now: () => Date.now(),
    random: () => Math.random(),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  }
}

export interface Poller {
  start(): void
  /** Starts again after a stop or at once (new settings, a new token): failures forgotten. */
  restart(): void
  dispose(): void
  state(): PollerState
}

/**
 * Runs `round` every `intervalSeconds()` while the device is online and the page visible, and never
 * otherwise; at once when the network comes back or the page is shown again. After a failure it
 * waits twice as long each time, with jitter; after a rate limit it keeps to that wait even if the
 * network or the page comes back meanwhile.
 */
export function createPoller(options: {
  round: () => Promise<RoundResult>
  intervalSeconds: () => number
  onState: (state: PollerState) => void
  environment?: PollerEnvironment
}): Poller {
  const env = options.environment ?? browserPollerEnvironment()
  let state: PollerState = { phase: 'idle', nextAt: null, failures: 0 }
  let timer: unknown = null
  let unwatch: (() => void) | null = null
  /** A rate limit's wait, kept through pauses: no request before it. */
  let notBefore: number | null = null
  let disposed = false

  const set = (next: Partial<PollerState>) => {
    state = { ...state, ...next }
    options.onState(state)
  }
  const cancelTimer = () => {
    if (timer !== null) env.clearTimer(timer)
    timer = null
  }
  const planIn = (ms: number) => {
    cancelTimer()
    const at = env.now() + ms
    timer = env.setTimer(() => {
      timer = null
      void runRound()
    }, ms)
    set({ phase: 'waiting', nextAt: at })
  }

  async function runRound(): Promise<void> {
    if (disposed || state.phase === 'running' || state.phase === 'stopped') return
    cancelTimer()
    if (!env.isOnline() || !env.isVisible()) {
      set({ phase: 'paused', nextAt: notBefore })
      return
    }
    if (notBefore !== null && env.now() < notBefore) {
      planIn(notBefore - env.now())
      return
    }
    notBefore = null
    set({ phase: 'running', nextAt: null })
    let result: RoundResult
    try {
      result = await options.round()
    } catch (error) {
      console.error(error)
      result = { kind: 'retry', rateLimited: false }
    }
    // Disposed while the round ran: nothing more to plan.
    if (disposed || (state as PollerState).phase !== 'running') return
    const interval = options.intervalSeconds()
    if (result.kind === 'ok') {
      set({ failures: 0 })
      planIn(interval * 1000)
    } else if (result.kind === 'stop') {
      set({ phase: 'stopped', nextAt: null })
    } else {
      const failures = state.failures + 1
      const waitMs = backoffSeconds(failures, interval, env.random()) * 1000
      if (result.rateLimited) notBefore = env.now() + waitMs
      set({ failures })
      planIn(waitMs)
    }
  }

  const onEnvironmentChange = () => {
    if (disposed || state.phase === 'stopped' || state.phase === 'running' || state.phase === 'idle') return
    if (!env.isOnline() || !env.isVisible()) {
      cancelTimer()
      set({ phase: 'paused', nextAt: notBefore })
      return
    }
    // Back online or shown again: refresh at once, unless a rate limit still asks to wait.
    if (state.phase === 'paused' || notBefore === null) void runRound()
  }

  return {
    start() {
      if (disposed || state.phase !== 'idle') return
      unwatch = env.watch(onEnvironmentChange)
      set({ phase: 'waiting' })
      void runRound()
    },
    restart() {
      if (disposed) return
      unwatch ??= env.watch(onEnvironmentChange)
      cancelTimer()
      notBefore = null
      if (state.phase === 'running') {
        // The round under way finishes and plans the next one.
        set({ failures: 0 })
        return
      }
      set({ phase: 'waiting', failures: 0, nextAt: null })
      void runRound()
    },
    dispose() {
      disposed = true
      cancelTimer()
      unwatch?.()
    },
    state: () => state,
  }
}
