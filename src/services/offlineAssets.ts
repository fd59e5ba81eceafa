import { organiserAssetsCacheName } from './organiserAssetsCache'

const cacheStorage = (): CacheStorage | null => (typeof caches === 'undefined' ? null : caches)
const absolute = (url: string) => new URL(url, location.href).href
/** Written by the build (vite.config.ts): the files only an organiser's device needs. */
const listUrl = () => absolute(`${import.meta.env.BASE_URL}organiser-assets.json`)

/**
 * This build's organiser-only files, as URLs: from the network when it answers (a new version of
 * the app lists new files), else the copy kept with them. Null when neither is there (a
 * development server has no list).
 */
export async function organiserAssetUrls(storage: CacheStorage | null = cacheStorage()): Promise<string[] | null> {
  const cache = storage ? await storage.open(organiserAssetsCacheName) : null
  let response: Response | undefined
  try {
    const fetched = await fetch(listUrl(), { cache: 'no-store' })
    if (fetched.ok) {
      response = fetched
      await cache?.put(listUrl(), fetched.clone())
    }
  } catch {
    // Offline: the kept copy says what is kept.
  }
  response ??= await cache?.match(listUrl())
  if (!response) return null
  const files: unknown = await response.json()
  if (!Array.isArray(files) || !files.every((file): file is string => typeof file === 'string')) return null
  return files.map((file) => absolute(`${import.meta.env.BASE_URL}${file}`))
}

/** Whether every one of these files of the app is kept for offline use on this device. */
export async function areKeptForOffline(urls: readonly string[], storage: CacheStorage | null = cacheStorage()): Promise<boolean> {
  if (!storage) return false
  const cache = await storage.open(organiserAssetsCacheName)
  const found = await Promise.all(urls.map((url) => cache.match(absolute(url))))
  return found.every((response) => response !== undefined)
}

/**
 * Downloads the files not yet kept and keeps them, and forgets those of earlier versions, so the
 * features that need them work offline. Resolves to whether all of them are kept; a failed download
 * (offline, storage full) leaves the others kept and is tried again the next time.
 */
export async function keepForOffline(urls: readonly string[], storage: CacheStorage | null = cacheStorage()): Promise<boolean> {
  if (!storage) return false
  const cache = await storage.open(organiserAssetsCacheName)
  const wanted = new Set([...urls.map(absolute), listUrl()])
  const outcomes = await Promise.allSettled(
    [...wanted].filter((href) => href !== listUrl()).map(async (href) => {
      if (!(await cache.match(href))) await cache.add(href)
    }),
  )
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request)
  return outcomes.every((outcome) => outcome.status === 'fulfilled')
}
