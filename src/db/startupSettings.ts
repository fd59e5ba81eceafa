import type { MetaEntry } from '@/domain/types'
import { metaKeys } from './metaKeys'

export const databaseName = 'photowalk'

/**
 * Reads the saved language straight from IndexedDB, without Dexie, so the first screen can be
 * painted in the right language while the database library is still downloading. Resolves to
 * undefined when there is no database yet (first run) or it cannot be read.
 */
export function readSavedLanguageQuickly(factory: IDBFactory | null = globalThis.indexedDB ?? null): Promise<unknown> {
  return new Promise((resolve) => {
    if (!factory) return resolve(undefined)
    let request: IDBOpenDBRequest
    try {
      request = factory.open(databaseName)
    } catch {
      return resolve(undefined)
    }
    // No database yet: opening without a version would create an empty one; abort so Dexie
    // creates it properly later.
    request.onupgradeneeded = () => request.transaction?.abort()
    request.onerror = (event) => {
      event.preventDefault()
      resolve(undefined)
    }
    request.onblocked = () => resolve(undefined)
    request.onsuccess = () => {
      const connection = request.result
      if (!connection.objectStoreNames.contains('meta')) {
        connection.close()
        return resolve(undefined)
      }
      const read = connection.transaction('meta', 'readonly').objectStore('meta').get(metaKeys.language)
      read.onsuccess = () => {
        connection.close()
        resolve((read.result as MetaEntry | undefined)?.value)
      }
      read.onerror = () => {
        connection.close()
        resolve(undefined)
      }
    }
  })
}
