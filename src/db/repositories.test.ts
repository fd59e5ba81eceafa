import { describe, expect, it } from 'vitest'
import { validateEventDraft, type EventDetails } from '@/domain/event'
import { buildSampleEvent } from '@/domain/sampleEvent'
import { createEventRepository } from './eventRepository'
import { createItineraryRepository } from './itineraryRepository'
import { createParticipantRepository } from './participantRepository'
import { fixturesByVersion, writeFixtures } from './fixtures'
import { createMetaRepository } from './metaRepository'
import { databasesClosedAfterEachTest } from './testing'

const databases = databasesClosedAfterEachTest()
const open = databases.open

function details(overrides: Partial<EventDetails> = {}): EventDetails {
  const result = validateEventDraft({
    name: 'Photowalk',
    date: '2027-07-24',
    timeZone: 'Europe/Paris',
    hashtags: ['#PHOTOWALKXERRE'],
    meetingPoint: '',
    organisation: '',
    goal: '',
  })
  if (!result.ok) throw new Error('fixture draft is invalid')
  return { ...result.value, ...overrides }
}

function sample(prefix: string) {
  let n = 0
  return buildSampleEvent({
    today: '2026-11-26',
    now: '2026-11-26T12:00:00.000Z',
    language: 'fr',
    newId: () => `${prefix}-${++n}`,
    newBadgeCode: () => `${prefix}${String(++n).padStart(14, '0')}`.slice(-16),
  })
}

describe('event repository', () => {
  it('creates, reads back and makes the new event current', async () => {
    const db = open()
    const events = createEventRepository(db)
    const created = await events.create(details(), { id: 'e1', now: '2026-11-26T12:00:00.000Z' })
    expect(await events.get('e1')).toEqual(created)
    expect(created).toMatchObject({ isSample: false, consentTemplateId: null, hashtags: ['PHOTOWALKXERRE'] })
    expect(await createMetaRepository(db).currentEventId()).toBe('e1')
  })

  it('updates details and keeps the creation time', async () => {
    const db = open()
    const events = createEventRepository(db)
    await events.create(details(), { id: 'e1', now: '2026-11-26T12:00:00.000Z' })
    await events.update('e1', details({ name: 'Renamed', goal: 200 }), '2026-11-27T08:00:00.000Z')
    expect(await events.get('e1')).toMatchObject({
      name: 'Renamed',
      goal: 200,
      createdAt: '2026-11-26T12:00:00.000Z',
      updatedAt: '2026-11-27T08:00:00.000Z',
    })
    await expect(events.update('missing', details(), '2026-11-27T08:00:00.000Z')).rejects.toThrow()
  })

  it('lists the most recent day first', async () => {
    const db = open()
    const events = createEventRepository(db)
    await events.create(details({ date: '2026-07-25' }), { id: 'old', now: '2026-01-01T00:00:00.000Z' })
    await events.create(details({ date: '2027-07-24' }), { id: 'new', now: '2026-01-01T00:00:00.000Z' })
    expect((await events.list()).map((event) => event.id)).toEqual(['new', 'old'])
  })

  it('stores a sample day whole and counts what it holds', async () => {
    const db = open()
    const events = createEventRepository(db)
    const day = sample('a')
    await events.saveSample(day)
    const contents = await events.contents(day.event.id)
    expect(contents).toMatchObject({ stops: 9, participants: 12, checkins: 0, consents: 0 })
    expect((await createItineraryRepository(db).stops(day.event.id)).map((stop) => stop.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(await createParticipantRepository(db).participants(day.event.id)).toHaveLength(12)
  })

  it('writes nothing of a sample when one record fails', async () => {
    const db = open()
    const events = createEventRepository(db)
    const day = sample('b')
    const duplicateStop = { ...day.stops[1]!, id: day.stops[0]!.id }
    await expect(events.saveSample({ ...day, stops: [...day.stops.slice(0, 1), duplicateStop] })).rejects.toThrow()
    expect(await db.events.count()).toBe(0)
    expect(await db.stops.count()).toBe(0)
    expect(await db.participants.count()).toBe(0)
  })

  it('deletes an event with everything recorded for it, and nothing of other events', async () => {
    const db = open()
    await writeFixtures(db, fixturesByVersion[1]!)
    const events = createEventRepository(db)
    const other = sample('c')
    await events.saveSample(other)
    await createMetaRepository(db).setCurrentEventId('e1')
    await events.remove('e1')
    expect(await events.get('e1')).toBeUndefined()
    expect(Object.values(await events.contents('e1')).every((count) => count === 0)).toBe(true)
    expect(await events.contents(other.event.id)).toMatchObject({ stops: 9, participants: 12 })
    expect(await createMetaRepository(db).currentEventId()).toBeNull()
  })
})

describe('meta repository', () => {
  it('creates the device id once', async () => {
    const db = open()
    const meta = createMetaRepository(db)
    let calls = 0
    const newId = () => `device-${++calls}`
    expect(await meta.ensureDeviceId(newId)).toBe('device-1')
    expect(await meta.ensureDeviceId(newId)).toBe('device-1')
    expect(await meta.deviceId()).toBe('device-1')
    expect(calls).toBe(1)
  })

  it('remembers the language and whether persistence was asked for', async () => {
    const db = open()
    const meta = createMetaRepository(db)
    expect(await meta.language()).toBeUndefined()
    await meta.setLanguage('en')
    expect(await meta.language()).toBe('en')
    expect(await meta.markPersistenceRequested()).toBe(false)
    expect(await meta.markPersistenceRequested()).toBe(true)
  })
})
