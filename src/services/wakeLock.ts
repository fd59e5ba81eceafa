/**
 * Keeps the screen on with the Screen Wake Lock API where the browser has it (a browser releases
 * the lock whenever the page is hidden: it is asked for again each time the page comes back).
 * Returns a function that lets the screen sleep again. Where the API is missing, or refuses
 * (battery saver), the page simply works without it.
 */
export function keepScreenAwake(target: { navigator: Navigator; document: Document } = { navigator, document }): () => void {
  const wakeLock = (target.navigator as Navigator & { wakeLock?: WakeLock }).wakeLock
  if (!wakeLock) return () => undefined
  let sentinel: WakeLockSentinel | null = null
  let stopped = false

  const acquire = async () => {
    if (stopped || target.document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return
    try {
      sentinel = await wakeLock.request('screen')
      if (stopped) await sentinel.release()
    } catch {
      sentinel = null
    }
  }
  const onVisibility = () => void acquire()
  target.document.addEventListener('visibilitychange', onVisibility)
  void acquire()
  return () => {
    stopped = true
    target.document.removeEventListener('visibilitychange', onVisibility)
    void sentinel?.release().catch(() => undefined)
    sentinel = null
  }
}
