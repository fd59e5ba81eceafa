import type { MetaEntry } from '@/domain/types'
import { metaKeys } from './metaKeys'

export const databaseName = 'photowalk'

/** What the app needs before its first screen, as stored (unchecked). */
export interface StartupMeta {
  language: unknown
  lock: unknown
}

const nothingStored: StartupMeta = { language: undefined, lock: undefined }

/**
 * Reads the saved language and the device lock straight from IndexedDB, without Dexie, in one
 * transaction: the first screen can be painted in the right language, and a locked phone opens on
 * its locked screen, while the database library is still downloading. Resolves to nothing stored
 * when there is no database yet (first run) or it cannot be read.
 */
export function readStartupMeta(factory: IDBFactory | null = globalThis.indexedDB ?? null): Promise<StartupMeta> {
  return new Promise((resolve) => {
    if (!factory) return resolve(nothingStored)
    let request: IDBOpenDBRequest
    try {
      request = factory.open(databaseName)
    } catch {
      return resolve(nothingStored)
    }
    // No database yet: opening without a version would create an empty one; abort so Dexie
    // creates it properly later.
    request.onupgradeneeded = () => request.transaction?.abort()
    request.onerror = (event) => {
      event.preventDefault()
      resolve(nothingStored)
    }
    request.onblocked = () => resolve(nothingStored)
    request.onsuccess = () => {
      const connection = request.result
      if (!connection.objectStoreNames.contains('meta')) {
        connection.close()
        return resolve(nothingStored)
      }
      const transaction = connection.transaction('meta', 'readonly')
      const store = transaction.objectStore('meta')
      const language = store.get(metaKeys.language)
      const lock = store.get(metaKeys.lock)
      transaction.oncomplete = () => {
        connection.close()
        resolve({
          language: (language.result as MetaEntry | undefined)?.value,
          lock: (lock.result as MetaEntry | undefined)?.value,
        })
      }
      transaction.onerror = (event) => event.preventDefault()
      transaction.onabort = () => {
        connection.close()
        resolve(nothingStored)
      }
    }
  })
}

/** The saved language alone (see `readStartupMeta`). */
export async function readSavedLanguageQuickly(factory: IDBFactory | null = globalThis.indexedDB ?? null): Promise<unknown> {
  return (await readStartupMeta(factory)).language
}
