import { toRaw, watch, type Ref } from 'vue'
import { loadDatabase } from './database'

/**
 * Keeps a form's draft in the database while it is being typed, and restores it on the next
 * visit, so a reload or a killed tab loses nothing. Each change is written at once; while a
 * write is in flight, later changes wait and only the latest is written next.
 */
export function usePersistedDraft<T extends object>(name: Ref<string>, draft: Ref<T>) {
  let active = false
  let writing: Promise<void> | null = null
  let dirty = false

  async function flush(): Promise<void> {
    const { metaRepository } = await loadDatabase()
    while (dirty && active) {
      dirty = false
      // IndexedDB cannot clone Vue's reactive proxies: store a plain copy.
      await metaRepository().writeDraft(name.value, plainCopy(draft.value))
    }
  }

  function scheduleWrite() {
    dirty = true
    writing ??= flush()
      .catch((error: unknown) => console.error(error))
      .finally(() => (writing = null))
  }

  watch(draft, () => active && scheduleWrite(), { deep: true })

  return {
    async restore(): Promise<boolean> {
      const { metaRepository } = await loadDatabase()
      const saved = await metaRepository().readDraft<T>(name.value)
      if (saved) draft.value = saved
      active = true
      return saved !== undefined
    },
    /** Forgets the draft; best effort, since what it kept has been saved or abandoned. */
    async discard(): Promise<void> {
      active = false
      try {
        await writing
        const { metaRepository } = await loadDatabase()
        await metaRepository().clearDraft(name.value)
      } catch (error) {
        console.error(error)
      }
    },
  }
}

function plainCopy<T>(value: T): T {
  const raw = toRaw(value)
  if (Array.isArray(raw)) return raw.map((item) => plainCopy(item)) as T
  if (raw && typeof raw === 'object') {
    return Object.fromEntries(Object.entries(raw).map(([key, item]) => [key, plainCopy(item)])) as T
  }
  return raw
}
