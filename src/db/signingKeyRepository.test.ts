import { describe, expect, it } from 'vitest'
import { validateEventDraft } from '@/domain/event'
import { buildSampleEvent } from '@/domain/sampleEvent'
import type { EcPrivateJwk } from '@/domain/types'
import { createEventRepository } from './eventRepository'
import { createSigningKeyRepository } from './signingKeyRepository'
import { databasesClosedAfterEachTest } from './testing'

const databases = databasesClosedAfterEachTest()
const open = databases.open

const now = '2026-11-26T12:00:00.000Z'
const privateKey = (letter: string): EcPrivateJwk => ({ kty: 'EC', crv: 'P-256', x: letter.repeat(43), y: letter.repeat(43), d: letter.repeat(43) })
const pair = (letter: string) => ({ publicKey: `B${letter.repeat(86)}`, privateKey: privateKey(letter) })

function details() {
  const result = validateEventDraft({ name: 'Photowalk', date: '2027-07-24', timeZone: 'Europe/Paris', hashtags: [], meetingPoint: '', organisation: '', goal: '' })
  if (!result.ok) throw new Error('fixture draft is invalid')
  return result.value
}

describe('signing keys', () => {
  it('are written with the event they sign, in the same transaction', async () => {
    const db = open()
    const events = createEventRepository(db)
    await events.create(details(), { id: 'e1', now, signingKey: pair('a') })
    expect(await createSigningKeyRepository(db).get('e1')).toEqual({ eventId: 'e1', ...pair('a'), createdAt: now })
    // The event id is taken: neither the event nor its key is written.
    await expect(events.create(details(), { id: 'e1', now, signingKey: pair('b') })).rejects.toThrow()
    expect((await createSigningKeyRepository(db).get('e1'))?.publicKey).toBe(pair('a').publicKey)
  })

  it('are written with the sample day', async () => {
    const db = open()
    let n = 0
    const day = buildSampleEvent({ today: '2026-11-26', now, language: 'fr', newId: () => `s-${++n}`, newBadgeCode: () => `B${String(++n).padStart(15, '0')}` })
    await createEventRepository(db).saveSample(day, pair('c'))
    expect((await createSigningKeyRepository(db).get(day.event.id))?.publicKey).toBe(pair('c').publicKey)
  })

  it('are made once for an older event: two first shares at once keep one key', async () => {
    const db = open()
    await createEventRepository(db).create(details(), { id: 'e1', now })
    const keys = createSigningKeyRepository(db)
    expect(await keys.get('e1')).toBeUndefined()
    const [first, second] = await Promise.all([
      keys.keep({ eventId: 'e1', ...pair('d'), createdAt: now }),
      keys.keep({ eventId: 'e1', ...pair('e'), createdAt: now }),
    ])
    expect(first).toEqual(second)
    expect(await keys.get('e1')).toEqual(first)
    expect(await keys.keep({ eventId: 'e1', ...pair('f'), createdAt: now })).toEqual(first)
  })

  it('are deleted with their event', async () => {
    const db = open()
    const events = createEventRepository(db)
    await events.create(details(), { id: 'e1', now, signingKey: pair('a') })
    await events.create(details(), { id: 'e2', now, signingKey: pair('b') })
    expect((await events.contents('e1')).signingKeys).toBe(1)
    await events.remove('e1')
    expect(await createSigningKeyRepository(db).get('e1')).toBeUndefined()
    expect(await createSigningKeyRepository(db).get('e2')).toBeDefined()
  })
})
