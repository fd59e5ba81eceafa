import { getCurrentScope, onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'
import { loadDatabase, type DatabaseModule } from './database'

export type LiveQuery<T> = (db: DatabaseModule) => Promise<T>

export interface LiveRef<T> {
  value: ShallowRef<T>
  /** False until the first result arrives, so screens can tell "loading" from "empty". */
  ready: ShallowRef<boolean>
  error: ShallowRef<unknown>
}

/**
 * Keeps a ref equal to the latest result of a live database query, re-run whenever the data it
 * read changes (in this tab or another). `source` is re-evaluated when the reactive values it
 * reads change (the current event, say), which re-subscribes.
 */
export function liveQueryRef<T>(source: () => LiveQuery<T> | null, initial: T): LiveRef<T> {
  const value = shallowRef<T>(initial)
  const ready = shallowRef(false)
  const error = shallowRef<unknown>(null)
  let unsubscribe: (() => void) | null = null
  let generation = 0

  const stop = watch(
    source,
    async (query) => {
      const current = ++generation
      unsubscribe?.()
      unsubscribe = null
      ready.value = false
      if (!query) {
        value.value = initial
        ready.value = true
        return
      }
      const db = await loadDatabase()
      if (current !== generation) return
      const subscription = db.observe(() => query(db)).subscribe({
        next: (next) => {
          value.value = next
          error.value = null
          ready.value = true
        },
        error: (failure) => {
          console.error(failure)
          error.value = failure
          ready.value = true
        },
      })
      unsubscribe = () => subscription.unsubscribe()
    },
    { immediate: true },
  )

  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      generation += 1
      unsubscribe?.()
    })
  }
  return { value, ready, error }
}
