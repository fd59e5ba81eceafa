import { afterEach, describe, expect, it } from 'vitest'
import { fixturesByVersion, inStableOrder, readAll, writeFixtures } from './fixtures'
import { currentSchemaVersion, PhotowalkDatabase, schemaVersions } from './schema'
import { freshDatabase } from './testing'

const opened: PhotowalkDatabase[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
})

describe('schema history', () => {
  it('lists versions in increasing order, ending with the current one', () => {
    const versions = schemaVersions.map((entry) => entry.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    expect(currentSchemaVersion).toBe(versions.at(-1))
  })

  it('has fixtures for every version, covering every table of that version', () => {
    for (const { version } of schemaVersions) {
      const tables = schemaVersions
        .filter((entry) => entry.version <= version)
        .reduce<Set<string>>((all, entry) => {
          for (const [table, definition] of Object.entries(entry.stores)) {
            if (definition === null) all.delete(table)
            else all.add(table)
          }
          return all
        }, new Set())
      expect(Object.keys(fixturesByVersion[version] ?? {}).sort(), `fixtures of v${version}`).toEqual([...tables].sort())
    }
  })
})

describe.each(schemaVersions.map((entry) => entry.version))('data written by schema version %i', (version) => {
  it('is found intact by the current schema', async () => {
    const fixtures = fixturesByVersion[version]
    if (!fixtures) throw new Error(`no fixtures for schema version ${version}`)
    const older = freshDatabase(schemaVersions.filter((entry) => entry.version <= version))
    await writeFixtures(older, fixtures)
    const name = older.name
    older.close()

    const current = new PhotowalkDatabase(name)
    opened.push(current)
    await current.open()
    expect(current.verno).toBe(currentSchemaVersion)
    const expected = version === currentSchemaVersion ? fixtures : (fixturesByVersion[currentSchemaVersion] ?? {})
    const expectedInOrder = Object.fromEntries(
      Object.entries(expected).map(([table, rows]) => [table, inStableOrder(rows)]),
    )
    expect(await readAll(current, Object.keys(fixtures))).toEqual(expectedInOrder)
  })
})
