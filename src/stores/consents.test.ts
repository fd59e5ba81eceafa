import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, effectScope, type EffectScope } from 'vue'
import type * as DatabaseLayer from '@/db'
import type { ConsentDraft } from '@/domain/consent'
import { buildSampleEvent } from '@/domain/sampleEvent'
import type { DrawnSignature, Participant } from '@/domain/types'

vi.mock('./database', async () => {
  const real = await vi.importActual<typeof DatabaseLayer>('@/db')
  return { loadDatabase: async () => real }
})

const { useConsents } = await import('./consents')
const { useEventsStore } = await import('./events')
const db = await import('@/db')

let scope: EffectScope
let sampleIds = 0
const sample = buildSampleEvent({
  today: '2027-01-10',
  now: '2027-01-10T10:00:00.000Z',
  language: 'fr',
  newId: () => `00000000-0000-4000-8000-${String((sampleIds += 1)).padStart(12, '0')}`,
  newBadgeCode: () => `BADGE${String(sampleIds).padStart(11, '0')}`,
})
const adult = { ...(sample.participants[0] as Participant), isMinor: false, birthYear: 1980, birthDate: null }
const signature: DrawnSignature = { width: 300, height: 150, strokes: [{ points: [[10, 10], [40.04, 60.06], [80, 20]] }] }

function draft(choices: Record<string, boolean>, overrides: Partial<ConsentDraft> = {}): ConsentDraft {
  return { language: 'fr', choices, signerName: 'Hélène Martin', signature, guardianName: '', guardianRelationship: '', guardianSignature: null, ...overrides }
}

async function open() {
  setActivePinia(createPinia())
  scope = effectScope()
  const events = useEventsStore()
  const event = computed(() => events.currentEvent)
  const consents = scope.run(() => useConsents(event))
  if (!consents) throw new Error('no store')
  await vi.waitFor(() => expect(events.currentEvent?.id).toBe(sample.event.id), { timeout: 5000 })
  await vi.waitFor(() => expect(consents.ready.value).toBe(true))
  return consents
}

beforeEach(async () => {
  await db.eventRepository().saveSample(structuredClone({ ...sample, participants: [adult, ...sample.participants.slice(1)] }))
})

afterEach(async () => {
  scope.stop()
  await db.eventRepository().remove(sample.event.id)
})

describe('the consent register of an event', () => {
  it('signs on the default form, derives the status, and verifies', async () => {
    const consents = await open()
    const template = await consents.ensureTemplate()
    expect(template.version).toBe(1)
    expect(template.hash).toMatch(/^[0-9a-f]{64}$/)
    const ids = template.texts.fr.items.map((item) => item.id)
    const saved = await consents.grant(adult, template, draft({ [ids[0] ?? '']: true, [ids[1] ?? '']: true }))
    expect(saved.ok).toBe(true)
    await vi.waitFor(() => expect(consents.statusOf(adult.id)?.overall).toBe('partial'))

    const withdrawn = await consents.withdraw(adult.id, [ids[0] ?? ''], { channel: 'email', note: 'mail of 3 May' }, 'Camille')
    expect(withdrawn.ok).toBe(true)
    await vi.waitFor(() => expect(consents.statusOf(adult.id)?.overall).toBe('withdrawn'))
    const report = await consents.verifyRegister()
    expect(report.findings).toEqual([])
    expect(report.records).toBe(2)
  })

  it('writes nothing for a form without a signature, and says so', async () => {
    const consents = await open()
    const template = await consents.ensureTemplate()
    const refused = await consents.grant(adult, template, draft({}, { signature: null, signerName: ' ' }))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.map((error) => error.field).sort()).toEqual(['signature', 'signerName'])
    expect(await db.consentRepository().records(sample.event.id)).toHaveLength(0)
  })

  it('never changes a used form: a change is a new version, and unchanged text writes nothing', async () => {
    const consents = await open()
    const first = await consents.ensureTemplate()
    const edited = { ...first, contact: 'photo@office.example' }
    const replaced = await consents.saveTemplate(edited)
    // Nobody signed yet: the same version, its hash anew.
    expect(replaced.ok && replaced.value.version).toBe(1)
    expect(replaced.ok && replaced.value.hash).not.toBe(first.hash)
    if (!replaced.ok) return
    await vi.waitFor(() => expect(consents.currentTemplate.value?.hash).toBe(replaced.value.hash))
    await consents.grant(adult, replaced.value, draft({}))
    const second = await consents.saveTemplate({ ...edited, contact: 'consent@office.example' })
    expect(second.ok && second.value.version).toBe(2)
    const stored = await db.consentRepository().templates(sample.event.id)
    expect(stored.map((template) => [template.version, template.contact])).toEqual([
      [1, 'photo@office.example'],
      [2, 'consent@office.example'],
    ])
    await vi.waitFor(() => expect(consents.currentTemplate.value?.version).toBe(2))
    const again = await consents.saveTemplate({ ...edited, contact: 'consent@office.example' })
    expect(again.ok && again.value.version).toBe(2)
    expect(await db.consentRepository().templates(sample.event.id)).toHaveLength(2)
  })

  it('erases on request: the person is gone, the register still verifies and names the erasure', async () => {
    const consents = await open()
    const template = await consents.ensureTemplate()
    await consents.grant(adult, template, draft({}))
    await consents.erase(adult, { channel: 'letter', note: '' }, 'fr')
    expect(await db.participantRepository().get(adult.id)).toBeUndefined()
    const records = await db.consentRepository().recordsOf(adult.id)
    expect(records.map((record) => record.personal)).toEqual([null, null])
    const report = await consents.verifyRegister()
    expect(report.findings).toEqual([])
    expect(report.erasures).toEqual([{ participantId: adult.id, at: expect.any(String) }])
  })

  it('chains records written by two tabs of one device without a break', async () => {
    const consents = await open()
    const template = await consents.ensureTemplate()
    const other = sample.participants[1] as Participant
    await Promise.all([consents.grant(adult, template, draft({})), consents.grant({ ...other, isMinor: false, birthYear: 1990, birthDate: null }, template, draft({}))])
    const records = await db.consentRepository().records(sample.event.id)
    expect(records.map((record) => record.sequence).sort()).toEqual([1, 2])
    expect((await consents.verifyRegister()).findings).toEqual([])
  })

  describe('tampered with in the database', () => {
    async function threeSigned() {
      const consents = await open()
      const template = await consents.ensureTemplate()
      const people = sample.participants.slice(0, 3).map((person) => ({ ...person, isMinor: false, birthYear: 1985, birthDate: null }))
      for (const person of people) await consents.grant(person, template, draft({}, { signerName: `${person.firstName} ${person.lastName}` }))
      const stored = (await db.consentRepository().records(sample.event.id)).sort((a, b) => a.sequence - b.sequence)
      return { consents, stored }
    }
    const table = async () => (await import('@/db/database')).database().consents

    it('finds a stored record with one byte changed, and names it', async () => {
      const { consents, stored } = await threeSigned()
      const second = stored[1]
      if (!second?.personal) throw new Error('no second record')
      await (await table()).put({ ...second, personal: { ...second.personal, signerName: second.personal.signerName.replace(/^./, 'X') } })
      const findings = (await consents.verifyRegister()).findings
      expect(findings).toEqual([{ kind: 'personalAltered', record: expect.objectContaining({ id: second.id }) }])
    })

    it('finds a deleted record by the gap it leaves', async () => {
      const { consents, stored } = await threeSigned()
      await (await table()).delete(stored[1]?.id ?? '')
      const findings = (await consents.verifyRegister()).findings
      expect(findings).toContainEqual({ kind: 'missing', deviceId: stored[0]?.deviceId, fromSequence: 2, toSequence: 2 })
    })

    it('finds two records put in each other’s place', async () => {
      const { consents, stored } = await threeSigned()
      const [first, second] = stored
      if (!first || !second) throw new Error('records missing')
      await (await table()).bulkPut([
        { ...first, sequence: second.sequence },
        { ...second, sequence: first.sequence },
      ])
      const findings = (await consents.verifyRegister()).findings
      expect(findings.map((finding) => finding.kind)).toContain('outOfOrder')
      expect(findings.length).toBeGreaterThan(0)
    })
  })
})
