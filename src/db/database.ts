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
