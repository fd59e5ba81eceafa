import type * as DatabaseLayer from '@/db'

type DatabaseModule = typeof DatabaseLayer

let loading: Promise<DatabaseModule> | undefined

/**
 * The database layer (and Dexie with it) is loaded on demand rather than bundled with the first
 * screen: the shell paints while it downloads. Call early to start the download.
 */
export function loadDatabase(): Promise<DatabaseModule> {
  loading ??= import('@/db')
  return loading
}

export type { DatabaseModule }
