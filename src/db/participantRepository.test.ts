import { describe, expect, it } from 'vitest'
import { emptyParticipantDraft, validateParticipantDraft } from '@/domain/participant'
import { createParticipantRepository } from './participantRepository'
import { databasesClosedAfterEachTest, freshDatabase } from './testing'

const databases = databasesClosedAfterEachTest()

function details(firstName: string, email = '') {
  const result = validateParticipantDraft({ ...emptyParticipantDraft(), firstName, email }, { eventDate: '2027-07-24' })
  if (!result.ok) throw new Error('invalid fixture')
  return result.value
}

const now = '2027-07-24T08:00:00.000Z'

describe('participant repository', () => {
  it('adds, updates, finds by badge and removes', async () => {
    const db = freshDatabase()
    databases.keep(db)
    const roster = createParticipantRepository(db)
    await roster.add('e1', { id: 'p1', badgeCode: 'CODE000000000001', details: details('Ana'), source: 'manual' }, now)
    await roster.update('p1', details('Anna', 'anna@example.org'))
    expect(await roster.get('p1')).toMatchObject({ firstName: 'Anna', email: 'anna@example.org', badgeCode: 'CODE000000000001', eventId: 'e1' })
    expect((await roster.byBadgeCode('CODE000000000001')).map((person) => person.id)).toEqual(['p1'])
    await roster.remove('p1')
    expect(await roster.participants('e1')).toEqual([])
  })

  it('imports all rows or none', async () => {
    const db = freshDatabase()
    databases.keep(db)
    const roster = createParticipantRepository(db)
    const entry = (id: string, name: string) => ({ id, badgeCode: `CODE${id.padStart(12, '0')}`, details: details(name), source: 'import' as const })
    await roster.importParticipants('e1', { toAdd: [entry('1', 'A'), entry('2', 'B')], toUpdate: [] }, now)
    await expect(
      roster.importParticipants('e1', { toAdd: [entry('3', 'C')], toUpdate: [{ id: 'missing', details: details('X') }] }, now),
    ).rejects.toThrow()
    expect((await roster.participants('e1')).map((person) => person.id).sort()).toEqual(['1', '2'])
  })

  it('adds a walk-in together with their check-in', async () => {
    const db = freshDatabase()
    databases.keep(db)
    const roster = createParticipantRepository(db)
    const checkIn = { id: 'c1', eventId: 'e1', participantId: 'w1', stopId: 's1', action: 'in' as const, undoesId: null, at: now, deviceId: 'd', method: 'manual' as const }
    await roster.addAndCheckIn('e1', { id: 'w1', badgeCode: 'CODE000000000009', details: details('Walk'), source: 'manual' }, checkIn, now)
    expect(await roster.checkins('e1')).toEqual([checkIn])
    await expect(roster.appendCheckIn(checkIn)).rejects.toThrow()
    expect(await roster.checkins('e1')).toHaveLength(1)
  })
})
