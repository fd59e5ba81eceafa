import { describe, expect, it } from 'vitest'
import { createMetaRepository } from './metaRepository'
import { PhotowalkDatabase } from './schema'
import { databaseName, readSavedLanguageQuickly } from './startupSettings'

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
