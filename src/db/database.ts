import { liveQuery, type Observable } from 'dexie'
import { PhotowalkDatabase } from './schema'

let shared: PhotowalkDatabase | undefined

/** The app's one database connection, opened on first use. */
export function database(): PhotowalkDatabase {
  shared ??= new PhotowalkDatabase()
  return shared
}

/**
 * Runs `query` now and again whenever the data it read changes, in this tab or another.
 * Stores subscribe to it so the screen is always derived from what is stored.
 */
export function observe<T>(query: () => Promise<T>): Observable<T> {
  return liveQuery(query)
}

export type { Observable }

/** Why the app's storage cannot be used, in the terms a person can act on. */
export type StorageProblem =
  /** The browser has no IndexedDB at all. */
  | 'unsupported'
  /** Private browsing, storage disabled by a setting or a policy. */
  | 'denied'
  /** Another tab of the app, still open on an older version, holds the database. */
  | 'blocked'
  /** The data was written by a newer version of the app than this one. */
  | 'newerVersion'
  /** No space left on the device. */
  | 'full'
  | 'unknown'

const errorNamesOf = (error: unknown): string[] => {
  const names: string[] = []
  let current: unknown = error
  // Dexie wraps the browser's error (OpenFailedError around an InvalidStateError, say): look inside.
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { name, inner } = current as { name?: unknown; inner?: unknown }
    if (typeof name === 'string') names.push(name)
    current = inner
  }
  return names
}

export function storageProblemOf(error: unknown): StorageProblem {
  const names = errorNamesOf(error)
  if (names.includes('MissingAPIError')) return 'unsupported'
  if (names.includes('VersionError')) return 'newerVersion'
  if (names.includes('QuotaExceededError')) return 'full'
  if (names.some((name) => ['InvalidStateError', 'SecurityError', 'UnknownError', 'NotAllowedError'].includes(name))) return 'denied'
  return 'unknown'
}

/** How long an upgrade may wait for other tabs before the person is asked to close them. */
const blockedAfterMs = 3000

/**
 * Opens the database, or says why it cannot be: the app shows that instead of screens that would
 * otherwise stay blank or claim there is nothing.
 */
export async function openDatabase(): Promise<StorageProblem | null> {
  const db = database()
  let blocked = false
  const onBlocked = () => (blocked = true)
  db.on('blocked', onBlocked)
  try {
    const opened = db.open().then(() => null)
    const waited = new Promise<'blocked'>((resolve) => setTimeout(() => blocked && resolve('blocked'), blockedAfterMs))
    return await Promise.race([opened, waited])
  } catch (error) {
    console.error(error)
    return storageProblemOf(error)
  } finally {
    db.on('blocked').unsubscribe(onBlocked)
  }
}
