import { describe, expect, it } from 'vitest'
import { buildSampleEvent } from '@/domain/sampleEvent'
import { createEventRecordsRepository } from './eventRecordsRepository'
import { createEventRepository } from './eventRepository'
import { databasesClosedAfterEachTest } from './testing'

const databases = databasesClosedAfterEachTest()

describe('event records', () => {
  it('reads every record of the events asked for, and nothing of another event', async () => {
    const db = databases.open()
    const first = sampleWithIds('a')
    const second = sampleWithIds('b')
    await createEventRepository(db).saveSample(first)
    await createEventRepository(db).saveSample(second)

    const records = await createEventRecordsRepository(db).read([first.event.id])

    expect(records.events).toEqual([first.event])
    expect(records.stops).toHaveLength(first.stops.length)
    expect(records.participants.map((person) => person.id).sort()).toEqual(first.participants.map((person) => person.id).sort())
    expect(records.checkins).toEqual([])
  })
})

function sampleWithIds(prefix: string) {
  let next = 0
  const newId = () => `${prefix}-${(next += 1)}`
  return buildSampleEvent({ today: '2026-06-01', now: '2026-06-01T08:00:00.000Z', language: 'fr', newId, newBadgeCode: newId })
}
