import { asDeviceLock, type DeviceLock } from '@/domain/lock'
import { afterWrongPin, asPinAttempts, asPinSecret, type PinAttempts, type PinSecret } from '@/domain/pin'
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

    // ---- The organiser's PIN (a device secret) and the device lock ----

    pinSecret: async (): Promise<PinSecret | null> => asPinSecret(await read(metaKeys.pinSecret)),
    /** Whether a PIN is set, and the wrong tries since the last right one: what the PIN screens show. */
    async pinStatus(): Promise<{ pinSet: boolean; attempts: PinAttempts }> {
      return db.transaction('r', db.meta, async () => ({
        pinSet: asPinSecret(await read(metaKeys.pinSecret)) !== null,
        attempts: asPinAttempts(await read(metaKeys.pinAttempts)),
      }))
    },
    /** Sets the first PIN; a PIN already set (by another tab, say) is changed only knowing it. */
    async createPinSecret(secret: PinSecret): Promise<'saved' | 'alreadySet'> {
      return db.transaction('rw', db.meta, async () => {
        if (asPinSecret(await read(metaKeys.pinSecret))) return 'alreadySet'
        await write(metaKeys.pinSecret, secret)
        await db.meta.delete(metaKeys.pinAttempts)
        return 'saved'
      })
    },
    /** Replaces the PIN, once the current one has been typed right. */
    async replacePinSecret(secret: PinSecret): Promise<void> {
      await db.transaction('rw', db.meta, async () => {
        await write(metaKeys.pinSecret, secret)
        await db.meta.delete(metaKeys.pinAttempts)
      })
    },
    /** Removes the PIN, once typed right; never while a lock is in force, which could then not be left. */
    async removePinSecret(): Promise<'removed' | 'locked'> {
      return db.transaction('rw', db.meta, async () => {
        if (asDeviceLock(await read(metaKeys.lock))) return 'locked'
        await db.meta.bulkDelete([metaKeys.pinSecret, metaKeys.pinAttempts])
        return 'removed'
      })
    },
    /** Counts a wrong PIN typed at `nowMs`, and answers the attempts as they now stand. */
    async recordWrongPin(nowMs: number): Promise<PinAttempts> {
      return db.transaction('rw', db.meta, async () => {
        const next = afterWrongPin(asPinAttempts(await read(metaKeys.pinAttempts)), nowMs)
        await write(metaKeys.pinAttempts, next)
        return next
      })
    },
    lock: async (): Promise<DeviceLock | null> => asDeviceLock(await read(metaKeys.lock)),
    /** Puts the phone under `lock`: only with a PIN to leave it by, and never over a lock already in force. */
    async startLock(lock: DeviceLock): Promise<'started' | 'noPin' | 'alreadyLocked'> {
      return db.transaction('rw', db.meta, async () => {
        if (!asPinSecret(await read(metaKeys.pinSecret))) return 'noPin'
        if (asDeviceLock(await read(metaKeys.lock))) return 'alreadyLocked'
        await write(metaKeys.lock, lock)
        return 'started'
      })
    },
    /** Ends the lock, once the right PIN has been typed: the count of wrong tries starts again. */
    async endLock(): Promise<void> {
      await db.transaction('rw', db.meta, () => db.meta.bulkDelete([metaKeys.lock, metaKeys.pinAttempts]))
    },
  }
}

export type MetaRepository = ReturnType<typeof createMetaRepository>
