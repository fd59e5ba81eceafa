import { describe, expect, it } from 'vitest'
import { afterUpgradeTo, fixturesByVersion, inStableOrder, readAll, writeFixtures } from './fixtures'
import { currentSchemaVersion, PhotowalkDatabase, schemaVersions } from './schema'
import { databasesClosedAfterEachTest, freshDatabase } from './testing'

const databases = databasesClosedAfterEachTest()

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
  async function writeAtVersion(fixtures: Record<string, unknown[]>) {
    const older = freshDatabase(schemaVersions.filter((entry) => entry.version <= version))
    await writeFixtures(older, fixtures)
    older.close()
    return older.name
  }

  function inOrder(fixtures: Record<string, unknown[]>) {
    return Object.fromEntries(Object.entries(fixtures).map(([table, rows]) => [table, inStableOrder(rows)]))
  }

  it('is found intact by the next schema version', async () => {
    const fixtures = fixturesByVersion[version]
    if (!fixtures) throw new Error(`no fixtures for schema version ${version}`)
    const next = schemaVersions.find((entry) => entry.version > version)
    const name = await writeAtVersion(fixtures)
    const upgraded = new PhotowalkDatabase(name, schemaVersions.filter((entry) => entry.version <= (next?.version ?? version)))
    databases.keep(upgraded)
    await upgraded.open()
    const upgrade = next ? afterUpgradeTo[next.version] : undefined
    if (next && !upgrade) throw new Error(`no upgrade expectation for schema version ${next.version}`)
    const expected = upgrade ? upgrade(fixtures) : fixtures
    expect(await readAll(upgraded, Object.keys(fixtures))).toEqual(inOrder(expected))
  })

  it('is found intact by the current schema', async () => {
    const fixtures = fixturesByVersion[version]
    if (!fixtures) throw new Error(`no fixtures for schema version ${version}`)
    const name = await writeAtVersion(fixtures)
    const current = new PhotowalkDatabase(name)
    databases.keep(current)
    await current.open()
    expect(current.verno).toBe(currentSchemaVersion)
    let expected = fixtures
    for (const entry of schemaVersions.filter((candidate) => candidate.version > version)) {
      expected = afterUpgradeTo[entry.version]?.(expected) ?? expected
    }
    expect(await readAll(current, Object.keys(fixtures))).toEqual(inOrder(expected))
  })
})
