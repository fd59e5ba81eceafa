import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { StorageProblem } from '@/db'

export type { StorageProblem }
import { loadDatabase } from './database'

/** What went wrong outside any screen's own handling, in terms of what the person can do. */
export type AppProblem =
  /** A part of the app could not be downloaded: usually a new version was deployed meanwhile. */
  | 'appPartMissing'
  /** The device has no space left for the app's data. */
  | 'storageFull'
  /** The database was closed under the app (another tab upgraded it). */
  | 'storageClosed'
  | 'unexpected'

function namesAndMessages(error: unknown): string[] {
  const found: string[] = []
  let current: unknown = error
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { name, message, inner, cause } = current as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown }
    if (typeof name === 'string') found.push(name)
    if (typeof message === 'string') found.push(message)
    current = inner ?? cause
  }
  return found
}

export function appProblemOf(error: unknown): AppProblem {
  const found = namesAndMessages(error)
  if (found.includes('QuotaExceededError')) return 'storageFull'
  if (found.includes('DatabaseClosedError')) return 'storageClosed'
  // Chromium, Firefox and Safari word a failed dynamic import differently.
  if (found.some((text) => /dynamically imported module|Importing a module script failed|Failed to load module script/i.test(text))) {
    return 'appPartMissing'
  }
  return 'unexpected'
}

/**
 * Problems every screen must show rather than stay blank: the storage that cannot be opened, and
 * errors no screen caught.
 */
export const useProblemsStore = defineStore('problems', () => {
  const storage = shallowRef<StorageProblem | null>(null)
  const latest = shallowRef<AppProblem | null>(null)

  /** Opens the database once at start-up (and on demand): a failure is shown on every screen. */
  async function checkStorage(): Promise<void> {
    try {
      storage.value = await (await loadDatabase()).openDatabase()
    } catch (error) {
      // The database code itself could not be loaded.
      report(error)
    }
  }

  function report(error: unknown): void {
    console.error(error)
    latest.value = appProblemOf(error)
  }

  const dismiss = () => (latest.value = null)

  return { storage, latest, checkStorage, report, dismiss }
})
