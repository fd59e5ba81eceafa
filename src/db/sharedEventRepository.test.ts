import { describe, expect, it } from 'vitest'
import type { PublicEvent } from '@/domain/publicEvent'
import { createSharedEventRepository } from './sharedEventRepository'
import { databasesClosedAfterEachTest } from './testing'

const databases = databasesClosedAfterEachTest()
const open = databases.open

/** Raw uncompressed P-256 points in base64url have 87 characters, the first a B. */
const genuine = `B${'g'.repeat(86)}`
const forger = `B${'h'.repeat(86)}`

describe('shared event repository', () => {
  const event = (revision: number, name = 'Photowalk'): PublicEvent => ({
    id: '0b9f1c2e-0000-4000-8000-000000000001',
    revision,
    name,
    date: '2027-07-24',
    timeZone: 'Europe/Paris',
    hashtags: [],
    meetingPoint: '',
    organisation: '',
    stops: [],
  })

  it('stores a new event, updates it with a newer link and ignores an older one', async () => {
    const shared = createSharedEventRepository(open())
    expect((await shared.receive(event(2), genuine, '2027-07-20T10:00:00.000Z')).outcome).toBe('stored')
    expect((await shared.receive(event(2), genuine, '2027-07-20T11:00:00.000Z')).outcome).toBe('unchanged')
    expect((await shared.receive(event(5, 'Renamed'), genuine, '2027-07-21T10:00:00.000Z')).outcome).toBe('updated')
    const older = await shared.receive(event(3, 'Old'), genuine, '2027-07-22T10:00:00.000Z')
    expect(older).toMatchObject({ outcome: 'olderIgnored', kept: { revision: 5, event: { name: 'Renamed' } } })
    const stored = await shared.get(event(1).id)
    expect(stored).toMatchObject({ revision: 5, receivedAt: '2027-07-21T10:00:00.000Z', event: { name: 'Renamed' }, signerKey: genuine })
    expect((await shared.latest())?.event.name).toBe('Renamed')
  })

  it('refuses a link signed by another key, however new, and still takes the organiser’s next one', async () => {
    const shared = createSharedEventRepository(open())
    await shared.receive(event(2), genuine, '2027-07-20T10:00:00.000Z')
    const forged = await shared.receive(event(999_999, 'Cancelled!'), forger, '2027-07-20T11:00:00.000Z')
    expect(forged).toMatchObject({ outcome: 'otherSigner', kept: { revision: 2, event: { name: 'Photowalk' }, signerKey: genuine } })
    expect(await shared.get(event(1).id)).toMatchObject({ revision: 2, receivedAt: '2027-07-20T10:00:00.000Z' })
    expect((await shared.receive(event(3, 'Moved'), genuine, '2027-07-20T12:00:00.000Z')).outcome).toBe('updated')
    expect(await shared.get(event(1).id)).toMatchObject({ revision: 3, event: { name: 'Moved' } })
  })

  it('lets a copy kept before links were signed take the first signed link, and then that key only', async () => {
    const db = open()
    const shared = createSharedEventRepository(db)
    await db.sharedEvents.put({ id: event(1).id, revision: 4, receivedAt: '2027-07-19T10:00:00.000Z', event: event(4, 'Kept'), signerKey: null })
    expect(await shared.receive(event(4), genuine, '2027-07-20T10:00:00.000Z')).toMatchObject({ outcome: 'unchanged', kept: { signerKey: genuine } })
    expect((await shared.receive(event(9), forger, '2027-07-20T11:00:00.000Z')).outcome).toBe('otherSigner')
    expect(await shared.get(event(1).id)).toMatchObject({ revision: 4, event: { name: 'Kept' }, signerKey: genuine })
  })

  it('forgets a kept schedule, and only that one', async () => {
    const shared = createSharedEventRepository(open())
    await shared.receive(event(2), genuine, '2027-07-20T10:00:00.000Z')
    await shared.receive({ ...event(1), id: '0b9f1c2e-0000-4000-8000-000000000002' }, forger, '2027-07-19T10:00:00.000Z')
    expect(await shared.forget(event(1).id)).toBe(true)
    expect(await shared.get(event(1).id)).toBeUndefined()
    expect(await shared.forget(event(1).id)).toBe(false)
    expect((await shared.latest())?.id).toBe('0b9f1c2e-0000-4000-8000-000000000002')
    // Forgotten, the schedule is a stranger again: any signed link may bring it back.
    expect((await shared.receive(event(1), forger, '2027-07-21T10:00:00.000Z')).outcome).toBe('stored')
  })
})
