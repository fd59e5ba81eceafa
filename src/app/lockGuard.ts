import { watch } from 'vue'
import { START_LOCATION, stringifyQuery, type LocationQuery, type RouteLocationNormalized, type Router } from 'vue-router'
import type { DeviceLock } from '@/domain/lock'
import type { useLockStore } from '@/stores/lock'

type LockStore = ReturnType<typeof useLockStore>

function sortedQuery(query: LocationQuery): LocationQuery {
  return Object.fromEntries(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** Whether `to` is the locked screen: the same path and query (an anchor within it is not leaving it). */
function isLockedScreen(router: Router, to: RouteLocationNormalized, lock: DeviceLock): boolean {
  const locked = router.resolve(lock.path)
  return to.path === locked.path && stringifyQuery(sortedQuery(to.query)) === stringifyQuery(sortedQuery(locked.query))
}

/**
 * While a lock is in force, every navigation away from its screen (a link, the back button, an
 * address typed, a reload elsewhere) is cancelled and the PIN is asked for; the first route of a
 * (re)started app is the locked screen. A lock started in another tab brings this tab to its screen.
 */
export function installLockGuard(router: Router, store: LockStore): void {
  router.beforeEach((to, from) => {
    const lock = store.lock
    if (!lock || isLockedScreen(router, to, lock)) return true
    store.askForPin(to.fullPath)
    return from === START_LOCATION ? lock.path : false
  })
  watch(
    () => store.startedElsewhere,
    () => {
      const lock = store.lock
      if (lock && !isLockedScreen(router, router.currentRoute.value, lock)) void router.replace(lock.path)
    },
  )
}
