import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { asDeviceLock, type DeviceLock } from '@/domain/lock'
import type { Result } from '@/domain/result'
import { loadDatabase } from './database'

export type StartLockRefusal = 'noPin' | 'alreadyLocked'

/** A request for the organiser's PIN: `then` is where to go once it is typed (null: back where the lock started). */
export interface PinRequest {
  then: string | null
}

const sameLock = (a: DeviceLock | null, b: DeviceLock | null) =>
  a === b || (a !== null && b !== null && a.path === b.path && a.startedAt === b.startedAt && a.kind === b.kind)

/**
 * The device lock's state, kept in the database so that a reload, a cold start or another tab of the
 * app finds it. Part of every start, so it holds only the state: checking the PIN and moving between
 * screens are `src/app/lock.ts`'s, loaded with the screens that need them.
 */
export const useLockStore = defineStore('lock', () => {
  const current = shallowRef<DeviceLock | null>(null)
  const pinRequest = shallowRef<PinRequest | null>(null)
  /** Counts the locks started in another tab of the app: the shell then shows their screen here too. */
  const startedElsewhere = shallowRef(0)
  /** The lock this tab is writing, so that its own write, seen by the live query, is not taken for another tab's. */
  let starting: DeviceLock | null = null

  function follow(next: DeviceLock | null) {
    if (sameLock(next, current.value)) return
    const arrived = next !== null && current.value === null && !sameLock(next, starting)
    current.value = next
    if (next === null) pinRequest.value = null
    if (arrived) startedElsewhere.value += 1
  }

  // Another tab that starts or ends a lock changes this one's.
  void loadDatabase()
    .then(({ observe, metaRepository }) => observe(() => metaRepository().lock()).subscribe({ next: follow, error: (error: unknown) => console.error(error) }))
    .catch((error: unknown) => console.error(error))

  /** The lock as read at start-up, before the first route is decided (see `readStartupMeta`). */
  function initialise(storedLock: unknown): void {
    current.value = asDeviceLock(storedLock)
  }

  /** Puts the phone under `lock`: refused without a PIN, or over a lock in force. */
  async function start(lock: DeviceLock): Promise<Result<null, StartLockRefusal>> {
    if (current.value) return { ok: false, error: 'alreadyLocked' }
    // Plain values only: IndexedDB cannot store Vue's proxies.
    const plain: DeviceLock = { ...lock }
    starting = plain
    try {
      const outcome = await (await loadDatabase()).metaRepository().startLock(plain)
      if (outcome !== 'started') return { ok: false, error: outcome }
      current.value = plain
      return { ok: true, value: null }
    } finally {
      starting = null
    }
  }

  /** Ends the lock, once the organiser's PIN has been checked. */
  async function end(): Promise<void> {
    await (await loadDatabase()).metaRepository().endLock()
    current.value = null
    pinRequest.value = null
  }

  /** Opens the PIN dialog: to leave the lock (then null), or to go where a blocked navigation went. */
  function askForPin(then: string | null): void {
    pinRequest.value = { then }
  }

  function dismissPinRequest(): void {
    pinRequest.value = null
  }

  return {
    lock: computed(() => current.value),
    pinRequest: computed(() => pinRequest.value),
    startedElsewhere: computed(() => startedElsewhere.value),
    initialise,
    start,
    end,
    askForPin,
    dismissPinRequest,
  }
})
