import { describe, expect, it } from 'vitest'
import { createMetaRepository } from './metaRepository'
import { PhotowalkDatabase } from './schema'
import { databaseName, readSavedLanguageQuickly, readStartupMeta } from './startupSettings'

describe('readSavedLanguageQuickly', () => {
  it('finds nothing on first run and leaves no empty database behind', async () => {
    expect(await readSavedLanguageQuickly()).toBeUndefined()
    const names = (await indexedDB.databases()).map((info) => info.name)
    expect(names).not.toContain(databaseName)
  })

  it('reads the language the app saved, and the database still opens normally afterwards', async () => {
    const db = new PhotowalkDatabase()
    await createMetaRepository(db).setLanguage('en')
    db.close()
    expect(await readSavedLanguageQuickly()).toBe('en')
    const reopened = new PhotowalkDatabase()
    expect(await createMetaRepository(reopened).language()).toBe('en')
    reopened.close()
    await reopened.delete()
  })

  it('copes with a browser without IndexedDB', async () => {
    expect(await readSavedLanguageQuickly(null)).toBeUndefined()
  })
})

describe('readStartupMeta', () => {
  it('reads the language and the device lock in one go, before the first route is decided', async () => {
    const db = new PhotowalkDatabase()
    const meta = createMetaRepository(db)
    await meta.setLanguage('en')
    await meta.createPinSecret({ algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA', hash: 'aGFzaA' })
    const lock = { kind: 'handover', path: '/consent/p1/sign', label: 'Rendre', returnTo: '/', startedAt: '2027-07-24T08:00:00.000Z' } as const
    await meta.startLock(lock)
    db.close()
    expect(await readStartupMeta()).toEqual({ language: 'en', lock })
    await db.delete()
  })

  it('finds nothing on first run, or without IndexedDB', async () => {
    expect(await readStartupMeta()).toEqual({ language: undefined, lock: undefined })
    expect(await readStartupMeta(null)).toEqual({ language: undefined, lock: undefined })
  })
})
