import { describe, expect, it } from 'vitest'
import { buildSampleEvent } from '@/domain/sampleEvent'
import type { CheckIn, ConsentRecord, ConsentTemplate } from '@/domain/types'
import { ConsentChainMovedError, ConsentTemplateUsedError, createConsentRepository } from './consentRepository'
import { createEventRepository } from './eventRepository'
import { createParticipantRepository } from './participantRepository'
import { databasesClosedAfterEachTest } from './testing'

const databases = databasesClosedAfterEachTest()
const now = '2026-11-26T12:00:00.000Z'

async function withSample() {
  const db = databases.open()
  let n = 0
  const day = buildSampleEvent({ today: '2026-11-26', now, language: 'fr', newId: () => `id-${++n}`, newBadgeCode: () => `B${String(++n).padStart(15, '0')}` })
  await createEventRepository(db).saveSample(day)
  return { db, day, consents: createConsentRepository(db) }
}

const template = (eventId: string, id = 't1', version = 1): ConsentTemplate => ({
  id,
  eventId,
  version,
  organisation: 'Office',
  contact: 'office@example.org',
  texts: {
    fr: { title: 'Autorisations', body: 'Texte', items: [{ id: 'a', kind: 'photoReuse', label: 'Photos' }] },
    en: { title: 'Permissions', body: 'Text', items: [{ id: 'a', kind: 'photoReuse', label: 'Photos' }] },
  },
  hash: String(version).repeat(64),
  createdAt: now,
})

function record(eventId: string, participantId: string, sequence: number, previousHash: string | null, kind: ConsentRecord['kind'] = 'grant'): ConsentRecord {
  return {
    id: `r${sequence}`,
    eventId,
    participantId,
    templateId: 't1',
    templateHash: '1'.repeat(64),
    kind,
    language: 'fr',
    choices: kind === 'erasure' ? {} : { a: true },
    request: kind === 'grant' ? null : { channel: 'email', note: '' },
    personal: kind === 'erasure' ? null : { signerName: 'Hélène Exemple', signature: null, guardian: null },
    personalHash: kind === 'erasure' ? '' : 'p'.repeat(64),
    at: now,
    deviceId: 'd1',
    sequence,
    previousHash,
    hash: `h${sequence}`,
  }
}

describe('consent forms', () => {
  it('a new version becomes the event’s form; a version signed on cannot be changed in place', async () => {
    const { db, day, consents } = await withSample()
    await consents.addTemplate(template(day.event.id), now)
    expect((await db.events.get(day.event.id))?.consentTemplateId).toBe('t1')
    await consents.replaceUnusedTemplate({ ...template(day.event.id), contact: 'new@example.org' })
    expect((await consents.template('t1'))?.contact).toBe('new@example.org')

    await consents.append(record(day.event.id, day.participants[0]!.id, 1, null))
    await expect(consents.replaceUnusedTemplate({ ...template(day.event.id), contact: 'other@example.org' })).rejects.toBeInstanceOf(ConsentTemplateUsedError)
    expect((await consents.template('t1'))?.contact).toBe('new@example.org')
    await consents.addTemplate(template(day.event.id, 't2', 2), now)
    expect((await consents.templates(day.event.id)).map((each) => each.version)).toEqual([1, 2])
    expect((await db.events.get(day.event.id))?.consentTemplateId).toBe('t2')
  })
})

describe('the consent register', () => {
  it('appends only a record that follows the device’s latest, else writes nothing', async () => {
    const { day, consents } = await withSample()
    const person = day.participants[0]!.id
    await consents.append(record(day.event.id, person, 1, null))
    await consents.append(record(day.event.id, person, 2, 'h1'))
    // Built on record 1 while another tab appended record 2: refused.
    await expect(consents.append({ ...record(day.event.id, person, 2, 'h1'), id: 'late' })).rejects.toBeInstanceOf(ConsentChainMovedError)
    await expect(consents.append(record(day.event.id, person, 3, 'h1'))).rejects.toBeInstanceOf(ConsentChainMovedError)
    expect((await consents.records(day.event.id)).map((each) => each.id).sort()).toEqual(['r1', 'r2'])
    expect((await consents.lastOfDevice('d1'))?.sequence).toBe(2)
  })

  it('erases a person’s data on request, all or nothing: personal parts, the roster entry; check-ins and hashes stay', async () => {
    const { db, day, consents } = await withSample()
    const [person, other] = day.participants
    const checkIn: CheckIn = { id: 'c1', eventId: day.event.id, participantId: person!.id, stopId: day.stops[0]!.id, action: 'in', undoesId: null, at: now, deviceId: 'd1', method: 'qr' }
    await createParticipantRepository(db).appendCheckIn(checkIn)
    await consents.append(record(day.event.id, person!.id, 1, null))
    await consents.append({ ...record(day.event.id, other!.id, 2, 'h1'), id: 'r2' })

    // An erasure built on a stale chain changes nothing at all.
    await expect(consents.erase({ ...record(day.event.id, person!.id, 2, 'h1', 'erasure'), id: 'stale' })).rejects.toBeInstanceOf(ConsentChainMovedError)
    expect((await consents.recordsOf(person!.id))[0]?.personal).not.toBeNull()
    expect(await db.participants.get(person!.id)).toBeDefined()

    await consents.erase({ ...record(day.event.id, person!.id, 3, 'h2', 'erasure'), id: 'erasure' })
    const theirs = (await consents.recordsOf(person!.id)).sort((a, b) => a.sequence - b.sequence)
    expect(theirs.map((each) => [each.kind, each.personal, each.hash])).toEqual([
      ['grant', null, 'h1'],
      ['erasure', null, 'h3'],
    ])
    expect(await db.participants.get(person!.id)).toBeUndefined()
    expect(await db.checkins.get('c1')).toBeDefined()
    expect((await consents.recordsOf(other!.id))[0]?.personal?.signerName).toBe('Hélène Exemple')
  })
})

describe('what the post-event ZIP is made from', () => {
  it('is the event, its roster, its forms and its register, read together; nothing once the event is gone', async () => {
    const { db, day, consents } = await withSample()
    const eventId = day.event.id
    const person = day.participants[0]!
    await consents.addTemplate(template(eventId), now)
    await consents.append(record(eventId, person.id, 1, null))

    const input = await consents.exportInput(eventId)

    expect(input?.event.id).toBe(eventId)
    expect(input?.participants).toHaveLength(day.participants.length)
    expect(input?.templates.map((form) => form.id)).toEqual(['t1'])
    expect(input?.records.map((entry) => entry.id)).toEqual(['r1'])
    await createEventRepository(db).remove(eventId)
    expect(await consents.exportInput(eventId)).toBeNull()
  })
})
