import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue'

/**
 * The current time in epoch milliseconds, refreshed every `intervalMs` while the caller lives.
 * Ours rather than VueUse's `useNow`: this one also refreshes the moment a sleeping phone shows the
 * page again, ticks coarsely (a schedule needs minutes, not animation frames), and keeps a
 * dependency off the participant's first paint.
 */
export function useNow(intervalMs = 15_000): ShallowRef<number> {
  const now = shallowRef(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), intervalMs)
  const refresh = () => (now.value = Date.now())
  // A phone that wakes up should not show the time it went to sleep with.
  document.addEventListener('visibilitychange', refresh)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    })
  }
  return now
}
