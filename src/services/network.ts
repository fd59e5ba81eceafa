/** Follows the browser's idea of being online. Returns a function that stops following. */
export function watchOnlineStatus(
  onChange: (online: boolean) => void,
  target: Window = window,
): () => void {
  const handleOnline = () => onChange(true)
  const handleOffline = () => onChange(false)
  target.addEventListener('online', handleOnline)
  target.addEventListener('offline', handleOffline)
  onChange(target.navigator.onLine)
  return () => {
    target.removeEventListener('online', handleOnline)
    target.removeEventListener('offline', handleOffline)
  }
}
