import type { CounterSettings } from '@/domain/counterSources'
import type { Id, Language } from '@/domain/types'
import { metaKeys } from './metaKeys'
import type { PhotowalkDatabase } from './schema'

export { metaKeys }

export function createMetaRepository(db: PhotowalkDatabase) {
  async function read<T>(key: string): Promise<T | undefined> {
    return (await db.meta.get(key))?.value as T | undefined
  }

  async function write(key: string, value: unknown): Promise<void> {
    await db.meta.put({ key, value })
  }

  return {
    /** The id of this device, created once on first run and kept for good. */
    async ensureDeviceId(newId: () => Id): Promise<Id> {
      return db.transaction('rw', db.meta, async () => {
        const existing = await read<Id>(metaKeys.deviceId)
        if (existing) return existing
        const created = newId()
        await write(metaKeys.deviceId, created)
        return created
      })
    },
    deviceId: () => read<Id>(metaKeys.deviceId),
    currentEventId: () => read<Id>(metaKeys.currentEventId),
    setCurrentEventId: (eventId: Id | null) => write(metaKeys.currentEventId, eventId),
    /** The counter's sources as stored (checked by the caller: stored data may be anything). */
    counterSettings: () => read<unknown>(metaKeys.counterSettings),
    setCounterSettings: (settings: CounterSettings) => write(metaKeys.counterSettings, settings),
    instagramToken: async (): Promise<string | null> => {
      const token = await read<unknown>(metaKeys.instagramToken)
      return typeof token === 'string' && token !== '' ? token : null
    },
    setInstagramToken: (token: string) => write(metaKeys.instagramToken, token),
    deleteInstagramToken: () => db.meta.delete(metaKeys.instagramToken),
    language: () => read<Language>(metaKeys.language),
    setLanguage: (language: Language) => write(metaKeys.language, language),
    /** A form's unsaved content, kept so that a reload or a killed tab loses nothing typed. */
    readDraft: <T>(name: string) => read<T>(metaKeys.draftPrefix + name),
    writeDraft: (name: string, value: unknown) => write(metaKeys.draftPrefix + name, value),
    clearDraft: (name: string) => db.meta.delete(metaKeys.draftPrefix + name),
    /** Records that persistent storage was asked for, and answers whether it had been before. */
    async markPersistenceRequested(): Promise<boolean> {
      return db.transaction('rw', db.meta, async () => {
        const before = (await read<boolean>(metaKeys.persistenceRequested)) === true
        if (!before) await write(metaKeys.persistenceRequested, true)
        return before
      })
    },
  }
}

export type MetaRepository = ReturnType<typeof createMetaRepository>
