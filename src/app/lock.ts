import { computed, type ComputedRef } from 'vue'
import { useRouter, type Router } from 'vue-router'
import { newDeviceLock, type DeviceLock, type LockRequest } from '@/domain/lock'
import type { PinRefusal } from '@/domain/pin'
import { ok, type Result } from '@/domain/result'
import { nowIso } from '@/services/clock'
import { useLockStore, type StartLockRefusal } from '@/stores/lock'
import { usePinStore } from '@/stores/pin'

export type { DeviceLock, LockRequest, PinRefusal, StartLockRefusal }

/** What features call to keep the phone on one screen until the organiser's PIN is typed. */
export interface LockControls {
  /** The lock in force, or null. */
  lock: ComputedRef<DeviceLock | null>
  /**
   * Keeps the phone on `request.path` (query included) and goes there. Refused with `'noPin'` when
   * no PIN is set (the organiser sets one in the settings), or `'alreadyLocked'`.
   */
  startLock(request: LockRequest): Promise<Result<null, StartLockRefusal>>
  /**
   * Ends the lock if `pin` is the organiser's, then goes where a blocked navigation was going, or
   * back where the lock started. Refused when the PIN is wrong or malformed, or while the phone waits.
   */
  leaveLock(pin: string): Promise<Result<null, PinRefusal>>
}

export function lockControls(router: Router, store: ReturnType<typeof useLockStore>, pins: ReturnType<typeof usePinStore>): LockControls {
  return {
    lock: computed(() => store.lock),
    async startLock(request) {
      const lock = newDeviceLock(request, router.currentRoute.value.fullPath, nowIso())
      if (!lock) throw new Error(`A lock keeps the phone on a path of the app, not on “${request.path}”.`)
      const started = await store.start(lock)
      if (!started.ok) return started
      await router.push(lock.path)
      return ok(null)
    },
    async leaveLock(pin) {
      const lock = store.lock
      if (!lock) return ok(null)
      const then = store.pinRequest?.then ?? null
      const checked = await pins.check(pin)
      // With no PIN left on the device (the app never allows it while locked; damaged storage
      // might), nothing could ever end the lock: it ends.
      if (!checked.ok && checked.error.reason !== 'noPin') return checked
      await store.end()
      await router.push(then ?? lock.returnTo)
      return ok(null)
    },
  }
}

/** The device lock, for a component: `const { startLock } = useLock()`. */
export function useLock(): LockControls {
  return lockControls(useRouter(), useLockStore(), usePinStore())
}
