import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalBytes } from './canonicalJson'
import {
  ageOnEventDay,
  compactSignature,
  consentRecordContent,
  consentStatus,
  consentTemplateContent,
  defaultConsentText,
  signatureRule,
  validateConsentDraft,
  validateConsentTemplate,
  verifyConsentRegister,
  type ConsentDraft,
} from './consent'
import type { ConsentPersonalData, ConsentRecord, ConsentTemplate, DrawnSignature } from './types'

const digest = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const eventDate = '2027-07-24'
const context = { organisation: 'Office de tourisme d’Auxerre', eventName: 'Photowalk Auxerre', eventDate, hashtags: ['PHOTOWALKXERRE'], contact: 'photowalk@example.org' }
const texts = { fr: defaultConsentText('fr', context), en: defaultConsentText('en', context) }
const items = texts.fr.items
const signature: DrawnSignature = { width: 300, height: 150, strokes: [{ points: [[10.04, 20.06], [10.1, 20.1], [40.44, 60.55]] }] }

async function template(version = 1): Promise<ConsentTemplate> {
  const body = { eventId: 'e1', version, organisation: context.organisation, contact: context.contact, texts }
  return { ...body, id: `t${version}`, hash: await digest(canonicalBytes(consentTemplateContent(body))), createdAt: '2027-07-01T08:00:00.000Z' }
}

describe('the default form', () => {
  it('asks for three separate permissions, the same in French and English, none of them ticked', () => {
    expect(texts.fr.items.map((item) => [item.id, item.kind])).toEqual([
      ['photo-reuse', 'photoReuse'],
      ['image-rights', 'imageRights'],
      ['contact', 'contact'],
    ])
    expect(texts.en.items.map((item) => item.id)).toEqual(texts.fr.items.map((item) => item.id))
  })

  it('names the channels, the place, the duration and the credit line of the photo reuse; says how to withdraw and how long proof is kept', () => {
    const [reuse] = texts.fr.items
    expect(reuse?.label).toMatch(/site internet.*réseaux sociaux.*imprimés/)
    expect(reuse?.label).toContain('dans le monde entier, pendant 5 ans')
    expect(reuse?.label).toContain('© mon nom / @mon compte')
    expect(reuse?.label).toContain('#PHOTOWALKXERRE')
    expect(texts.fr.body).toContain('aussi simplement que vous l’avez donnée')
    expect(texts.fr.body).toContain('photowalk@example.org')
    expect(texts.fr.body).toContain('puis cinq ans')
    expect(texts.en.items[0]?.label).toContain('worldwide, for 5 years')
    expect(defaultConsentText('en', { ...context, reuseYears: 3 }).items[0]?.label).toContain('for 3 years')
  })

  it('is a valid template as it comes', () => {
    expect(validateConsentTemplate({ organisation: context.organisation, contact: context.contact, texts }).ok).toBe(true)
  })
})

describe('editing a template', () => {
  it('refuses empty texts, a missing contact and items that differ between the languages', () => {
    const result = validateConsentTemplate({
      organisation: ' ',
      contact: '',
      texts: { fr: { ...texts.fr, title: '' }, en: { ...texts.en, items: texts.en.items.slice(0, 2) } },
    })
    expect(result.ok ? [] : result.error).toEqual([
      { field: 'organisation', code: 'required' },
      { field: 'contact', code: 'required' },
      { field: 'title', language: 'fr', code: 'required' },
      { field: 'items', code: 'notTheSameInBothLanguages' },
    ])
  })
})

describe('a template’s hash', () => {
  it('covers its canonical form: the same text hashes alike whatever its id or save time, any change hashes otherwise', async () => {
    const first = await template()
    const copy = { ...first, id: 'other', createdAt: '2030-01-01T00:00:00.000Z' }
    expect(await digest(canonicalBytes(consentTemplateContent(copy)))).toBe(first.hash)
    const edited = { ...first, texts: { ...texts, fr: { ...texts.fr, title: `${texts.fr.title}.` } } }
    expect(await digest(canonicalBytes(consentTemplateContent(edited)))).not.toBe(first.hash)
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('age on the event’s day', () => {
  it('is exact with a date: 18 on the very day is 18', () => {
    expect(ageOnEventDay({ birthDate: '2009-07-24', birthYear: 2009 }, eventDate)).toEqual({ kind: 'exact', years: 18 })
    expect(ageOnEventDay({ birthDate: '2009-07-25', birthYear: 2009 }, eventDate)).toEqual({ kind: 'exact', years: 17 })
    expect(ageOnEventDay({ birthDate: '2012-07-24', birthYear: 2012 }, eventDate)).toEqual({ kind: 'exact', years: 15 })
  })

  it('is a range of two with a year alone, unknown without either', () => {
    expect(ageOnEventDay({ birthDate: null, birthYear: 2012 }, eventDate)).toEqual({ kind: 'range', min: 14, max: 15 })
    expect(ageOnEventDay({ birthDate: null, birthYear: null }, eventDate)).toEqual({ kind: 'unknown' })
  })
})

describe('who signs', () => {
  const grantAll = { 'photo-reuse': true, 'image-rights': true, contact: true }
  const contactOnly = { 'photo-reuse': false, 'image-rights': false, contact: true }
  const person = (birthDate: string | null, birthYear: number | null, isMinor = false) => ({ birthDate, birthYear, isMinor })

  it('under 15: a parent or guardian signs whatever is granted', () => {
    expect(signatureRule(person('2013-01-01', 2013, true), eventDate, items, contactOnly).guardian).toBe('under15')
    // Born in 2012, the person is 14 or 15 on the day: the unknown birthday errs on their side.
    expect(signatureRule(person(null, 2012, true), eventDate, items, contactOnly).guardian).toBe('under15')
    // Turning 15 on the event's day: 15.
    expect(signatureRule(person('2012-07-24', 2012, true), eventDate, items, contactOnly).guardian).toBe(null)
  })

  it('under 18: a parent signs for image rights and photo reuse only', () => {
    expect(signatureRule(person('2010-03-01', 2010, true), eventDate, items, grantAll).guardian).toBe('minorImageOrPhotos')
    expect(signatureRule(person('2010-03-01', 2010, true), eventDate, items, contactOnly).guardian).toBe(null)
    // 18 on the day itself: an adult.
    expect(signatureRule(person('2009-07-24', 2009, false), eventDate, items, grantAll).guardian).toBe(null)
    expect(signatureRule(person(null, 2009, true), eventDate, items, grantAll).guardian).toBe('minorImageOrPhotos')
  })

  it('an adult signs alone; a minor with no birth data at all is treated as under 15', () => {
    expect(signatureRule(person(null, 1990), eventDate, items, grantAll).guardian).toBe(null)
    expect(signatureRule(person(null, null, true), eventDate, items, contactOnly).guardian).toBe('under15')
  })
})

describe('a consent form filled in', () => {
  const draft = (changes: Partial<ConsentDraft> = {}): ConsentDraft => ({
    language: 'fr',
    choices: { 'photo-reuse': true, 'image-rights': false },
    signerName: '  Łucja   Wąsowska ',
    signature,
    guardianName: '',
    guardianRelationship: '',
    guardianSignature: null,
    ...changes,
  })

  it('records every item, an unticked one as refused, and the name as typed, tidied', () => {
    const result = validateConsentDraft(draft(), { texts }, { guardian: null, age: { kind: 'unknown' } })
    expect(result.ok && result.value.choices).toEqual({ 'photo-reuse': true, 'image-rights': false, contact: false })
    expect(result.ok && result.value.personal.signerName).toBe('Łucja Wąsowska')
    expect(result.ok && result.value.personal.guardian).toBeNull()
  })

  it('is refused without a name or a signature', () => {
    const result = validateConsentDraft(draft({ signerName: ' ', signature: { width: 300, height: 150, strokes: [] } }), { texts }, { guardian: null, age: { kind: 'unknown' } })
    expect(result.ok ? [] : result.error).toEqual([
      { field: 'signerName', code: 'required' },
      { field: 'signature', code: 'required' },
    ])
  })

  it('for a minor, is refused without the guardian’s name, relationship and signature', () => {
    const rule = { guardian: 'minorImageOrPhotos' as const, age: { kind: 'exact' as const, years: 16 } }
    const refused = validateConsentDraft(draft(), { texts }, rule)
    expect(refused.ok ? [] : refused.error.map((error) => error.field)).toEqual(['guardianName', 'guardianRelationship', 'guardianSignature'])
    const signed = validateConsentDraft(draft({ guardianName: 'Anna Wąsowska', guardianRelationship: 'mère', guardianSignature: signature }), { texts }, rule)
    expect(signed.ok && signed.value.personal.guardian).toMatchObject({ name: 'Anna Wąsowska', relationship: 'mère' })
  })

  it('stores signatures rounded, without points that do not show', () => {
    expect(compactSignature(signature)).toEqual({ width: 300, height: 150, strokes: [{ points: [[10, 20.1], [40.4, 60.6]] }] })
  })
})

// ---- Records and the register ----

const personal: ConsentPersonalData = { signerName: 'Nguyễn Thị Hà', signature, guardian: null }

async function chain(definitions: Array<Partial<ConsentRecord> & Pick<ConsentRecord, 'kind' | 'participantId' | 'choices'>>, deviceId = 'd1') {
  const used = await template()
  const records: ConsentRecord[] = []
  for (const [index, definition] of definitions.entries()) {
    const recordPersonal = definition.kind === 'erasure' ? null : (definition.personal ?? personal)
    const body: Omit<ConsentRecord, 'hash'> = {
      id: `${deviceId}-r${index + 1}`,
      eventId: 'e1',
      templateId: used.id,
      templateHash: used.hash,
      language: 'fr',
      request: null,
      at: `2027-07-24T0${index}:00:00.000Z`,
      deviceId,
      sequence: index + 1,
      previousHash: records.at(-1)?.hash ?? null,
      ...definition,
      personal: recordPersonal,
      personalHash: recordPersonal ? await digest(canonicalBytes(recordPersonal)) : '',
    }
    records.push({ ...body, hash: await digest(canonicalBytes(consentRecordContent(body))) })
  }
  return { template: used, records }
}

describe('a participant’s consent as it stands', () => {
  it('none, granted, partial or refused, from the latest grant', async () => {
    expect(consentStatus([]).overall).toBe('none')
    const { records } = await chain([
      { kind: 'grant', participantId: 'p1', choices: { a: true, b: false } },
      { kind: 'grant', participantId: 'p1', choices: { a: true, b: true } },
    ])
    expect(consentStatus(records.slice(0, 1)).overall).toBe('partial')
    expect(consentStatus([...records].reverse())).toMatchObject({ overall: 'granted', grant: { id: 'd1-r2' } })
    const refused = await chain([{ kind: 'grant', participantId: 'p1', choices: { a: false, b: false } }])
    expect(consentStatus(refused.records).overall).toBe('refused')
  })

  it('a withdrawal of one item shows as withdrawn, with the history; a new grant starts afresh', async () => {
    const { records } = await chain([
      { kind: 'grant', participantId: 'p1', choices: { a: true, b: true } },
      { kind: 'withdrawal', participantId: 'p1', choices: { a: false }, request: { channel: 'email', note: 'Courriel du 2 août' } },
      { kind: 'grant', participantId: 'p1', choices: { a: false, b: true } },
    ])
    const withdrawn = consentStatus(records.slice(0, 2))
    expect(withdrawn).toMatchObject({ overall: 'withdrawn', items: { a: 'withdrawn', b: 'granted' } })
    expect(withdrawn.withdrawals.map((record) => record.id)).toEqual(['d1-r2'])
    expect(consentStatus(records)).toMatchObject({ overall: 'partial', items: { a: 'refused', b: 'granted' }, withdrawals: [] })
    expect(consentStatus(records).history).toHaveLength(3)
  })

  it('once erased on request, says so and when', async () => {
    const { records } = await chain([
      { kind: 'grant', participantId: 'p1', choices: { a: true } },
      { kind: 'erasure', participantId: 'p1', choices: {}, request: { channel: 'letter', note: '' } },
    ])
    expect(consentStatus(records)).toMatchObject({ overall: 'erased', erasedAt: records[1]?.at })
  })
})

describe('verifying the register', () => {
  const twoPeople = () =>
    chain([
      { kind: 'grant', participantId: 'p1', choices: { a: true } },
      { kind: 'grant', participantId: 'p2', choices: { a: false } },
      { kind: 'withdrawal', participantId: 'p1', choices: { a: false }, request: { channel: 'inPerson', note: '' } },
      { kind: 'grant', participantId: 'p3', choices: { a: true } },
    ])
  const verify = (templates: ConsentTemplate[], records: ConsentRecord[]) => verifyConsentRegister(templates, records, digest, canonicalBytes)

  it('finds an intact register intact', async () => {
    const { template: used, records } = await twoPeople()
    const other = await chain([{ kind: 'grant', participantId: 'p9', choices: { a: true } }], 'd2')
    expect(await verify([used], [...records, ...other.records])).toEqual({ templates: 1, records: 5, devices: 2, findings: [], erasures: [] })
  })

  it('names a record with one character changed', async () => {
    const { template: used, records } = await twoPeople()
    const tampered = records.map((record) => (record.id === 'd1-r2' ? { ...record, choices: { a: true } } : record))
    expect((await verify([used], tampered)).findings).toEqual([{ kind: 'recordAltered', record: tampered[1] }])
    const renamed = records.map((record) => (record.id === 'd1-r1' && record.personal ? { ...record, personal: { ...record.personal, signerName: 'Nguyen Thi Ha' } } : record))
    expect((await verify([used], renamed)).findings).toEqual([{ kind: 'personalAltered', record: renamed[0] }])
  })

  it('names a deleted record by the gap it leaves', async () => {
    const { template: used, records } = await twoPeople()
    const findings = (await verify([used], records.filter((record) => record.id !== 'd1-r2'))).findings
    expect(findings).toEqual([{ kind: 'missing', deviceId: 'd1', fromSequence: 2, toSequence: 2 }])
  })

  it('names two records put in each other’s place', async () => {
    const { template: used, records } = await twoPeople()
    const [first, second, ...rest] = records
    if (!first || !second) throw new Error('no records')
    const swapped = [{ ...first, sequence: 2 }, { ...second, sequence: 1 }, ...rest]
    const kinds = (await verify([used], swapped)).findings.map((finding) => [finding.kind, 'record' in finding ? finding.record.id : ''])
    expect(kinds).toEqual(expect.arrayContaining([['recordAltered', 'd1-r2'], ['recordAltered', 'd1-r1'], ['outOfOrder', 'd1-r2'], ['outOfOrder', 'd1-r3']]))
  })

  it('names an altered template, and records pointing to another text', async () => {
    const { template: used, records } = await twoPeople()
    const altered = { ...used, contact: 'someone-else@example.org' }
    expect((await verify([altered], records)).findings).toEqual([{ kind: 'templateAltered', templateId: 't1', version: 1 }])
    expect((await verify([], records)).findings.filter((finding) => finding.kind === 'templateMismatch')).toHaveLength(4)
  })

  it('tells an erasure on request from tampering', async () => {
    const { template: used, records } = await chain([
      { kind: 'grant', participantId: 'p1', choices: { a: true } },
      { kind: 'withdrawal', participantId: 'p1', choices: { a: false }, request: { channel: 'email', note: '' } },
      { kind: 'erasure', participantId: 'p1', choices: {}, request: { channel: 'email', note: '' } },
      { kind: 'grant', participantId: 'p2', choices: { a: true } },
    ])
    const erased = records.map((record) => (record.participantId === 'p1' ? { ...record, personal: null } : record))
    expect(await verify([used], erased)).toMatchObject({ findings: [], erasures: [{ participantId: 'p1', at: records[2]?.at }] })
    // Personal data removed without an erasure on request is tampering, and named.
    const stripped = records.map((record) => (record.participantId === 'p2' ? { ...record, personal: null } : record))
    expect((await verify([used], stripped)).findings).toEqual([{ kind: 'personalMissing', record: stripped[3] }])
  })
})
