import { afterEach } from 'vitest'
import { PhotowalkDatabase, type SchemaVersion } from './schema'

let counter = 0

/** A fresh database (fake-indexeddb in unit tests), optionally with only some schema versions. */
export function freshDatabase(versions?: readonly SchemaVersion[]): PhotowalkDatabase {
  counter += 1
  return new PhotowalkDatabase(`photowalk-test-${counter}-${Math.random().toString(36).slice(2)}`, versions)
}

/**
 * Databases opened by one test file's tests, closed and deleted after each test so that every test
 * starts from nothing. Call at the top level of a test file.
 */
export function databasesClosedAfterEachTest() {
  const opened: PhotowalkDatabase[] = []
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close()
      await db.delete()
    }
  })
  /** Takes charge of a database opened elsewhere. */
  const keep = <T extends PhotowalkDatabase>(db: T): T => {
    opened.push(db)
    return db
  }
  return { keep, open: (versions?: readonly SchemaVersion[]) => keep(freshDatabase(versions)) }
}
