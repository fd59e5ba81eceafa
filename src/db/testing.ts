import { PhotowalkDatabase, type SchemaVersion } from './schema'

let counter = 0

/** A fresh database (fake-indexeddb in unit tests), optionally with only some schema versions. */
export function freshDatabase(versions?: readonly SchemaVersion[]): PhotowalkDatabase {
  counter += 1
  return new PhotowalkDatabase(`photowalk-test-${counter}-${Math.random().toString(36).slice(2)}`, versions)
}
