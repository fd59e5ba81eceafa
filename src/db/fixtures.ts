import type { PhotowalkDatabase } from './schema'

/**
 * One record for every table, in the shape each schema version stored. Each version's migration
 * test writes the fixtures of the version before it and reads them back through the new one.
 */
type Fixtures = Record<string, unknown[]>

const version1: Fixtures = {
    events: [
      {
        id: 'e1',
        name: 'Photowalk',
        date: '2027-07-24',
        timeZone: 'Europe/Paris',
        hashtags: ['PHOTOWALKXERRE', 'SecretsAuxerre'],
        meetingPoint: 'Office de tourisme',
        organisation: 'Office',
        goal: 140,
        consentTemplateId: 't1',
        isSample: false,
        createdAt: '2026-11-26T10:00:00.000Z',
        updatedAt: '2026-11-26T10:00:00.000Z',
      },
    ],
    stops: [
      {
        id: 's1',
        eventId: 'e1',
        order: 0,
        kind: 'boat',
        title: 'Bateau',
        plannedStart: '10:00',
        durationMinutes: 90,
        place: { name: 'Halte', address: 'Quai', lat: 47.79, lng: 3.57, detail: 'Ponton 2' },
        capacity: 14,
        isCheckpoint: true,
        isFixed: true,
        partner: '',
        notes: '',
        toBring: 'Chapeau',
      },
    ],
    scheduleShifts: [
      {
        id: 'sh1',
        eventId: 'e1',
        fromStopId: 's1',
        minutes: 10,
        undoesShiftId: null,
        at: '2027-07-24T08:05:00.000Z',
        deviceId: 'd1',
      },
    ],
    participants: [
      {
        id: 'p1',
        eventId: 'e1',
        firstName: 'Hélène',
        lastName: 'Exemple',
        instagram: 'helene',
        email: 'helene@example.org',
        phone: '+33 1 99 00 00 00',
        role: 'iger',
        isMinor: true,
        birthYear: 2011,
        companionOf: null,
        notes: '',
        badgeCode: '0123456789ABCDEF',
        source: 'manual',
        createdAt: '2026-11-26T10:00:00.000Z',
      },
    ],
    checkins: [
      {
        id: 'c1',
        eventId: 'e1',
        participantId: 'p1',
        stopId: 's1',
        action: 'in',
        undoesId: null,
        at: '2027-07-24T08:01:00.000Z',
        deviceId: 'd1',
        method: 'qr',
      },
    ],
    consentTemplates: [
      {
        id: 't1',
        eventId: 'e1',
        version: 1,
        texts: {
          fr: { title: 'Autorisation', body: 'Texte', items: [{ id: 'reuse', label: 'Réutiliser' }] },
          en: { title: 'Consent', body: 'Text', items: [{ id: 'reuse', label: 'Reuse' }] },
        },
        hash: 'ab'.repeat(32),
        createdAt: '2026-11-26T10:00:00.000Z',
      },
    ],
    consents: [
      {
        id: 'k1',
        eventId: 'e1',
        participantId: 'p1',
        templateId: 't1',
        templateHash: 'ab'.repeat(32),
        kind: 'grant',
        choices: { reuse: true },
        signerName: 'Hélène Exemple',
        signature: [{ points: [[0, 0], [10, 12]] }],
        guardianName: 'Parent Exemple',
        at: '2027-07-24T07:40:00.000Z',
        deviceId: 'd1',
        previousHash: null,
        hash: 'cd'.repeat(32),
      },
    ],
    hashtagSamples: [
      { id: 'h1', eventId: 'e1', hashtag: 'PHOTOWALKXERRE', provider: 'manual', count: 12, at: '2027-07-24T09:00:00.000Z' },
    ],
    hashtagMedia: [
      {
        provider: 'instagram',
        mediaId: '17895695668004550',
        eventId: 'e1',
        hashtag: 'PHOTOWALKXERRE',
        postedAt: '2027-07-24T09:10:00.000Z',
        seenAt: '2027-07-24T09:12:00.000Z',
      },
    ],
    meta: [
      { key: 'deviceId', value: 'd1' },
      { key: 'currentEventId', value: 'e1' },
      { key: 'settings.language', value: 'en' },
    ],
}

const sharedEventFixture = {
  id: 'e9',
  revision: 4,
  receivedAt: '2027-07-20T18:00:00.000Z',
  event: {
    id: 'e9',
    revision: 4,
    name: 'Photowalk',
    date: '2027-07-24',
    timeZone: 'Europe/Paris',
    hashtags: ['PHOTOWALKXERRE'],
    meetingPoint: 'Office de tourisme',
    organisation: 'Office',
    stops: [
      {
        key: 's1',
        kind: 'boat',
        title: 'Bateau',
        plannedStart: '10:00',
        durationMinutes: 90,
        delayMinutes: 0,
        isFixed: true,
        place: { name: 'Halte', address: 'Quai', lat: 47.79, lng: 3.57, detail: 'Ponton 2' },
        toBring: 'Chapeau',
        partner: '',
      },
    ],
  },
}

const withEventRevision = (fixtures: Fixtures, revision: number): Fixtures => ({
  ...fixtures,
  events: (fixtures.events ?? []).map((event) => ({ ...(event as object), revision })),
})

const withFields = (fixtures: Fixtures, table: string, fields: Record<string, unknown>): Fixtures => {
  const rows = fixtures[table]
  return rows ? { ...fixtures, [table]: rows.map((row) => ({ ...(row as object), ...fields })) } : fixtures
}

/** Version 3's new fields, with the values its migration gives older records. */
/** A kept schedule's stops, each with the given extra minutes. */
const withStopsExtra = (shared: unknown, extraMinutes: number) => {
  const row = shared as { event: { stops: object[] } }
  return { ...row, event: { ...row.event, stops: row.event.stops.map((stop) => ({ ...stop, extraMinutes })) } }
}

const withVersion3Defaults = (fixtures: Fixtures): Fixtures => {
  const upgraded = withFields(
    withFields(withFields(fixtures, 'participants', { bookedBy: '' }), 'scheduleShifts', { lengthensStop: false }),
    'sharedEvents',
    { signerKey: null },
  )
  const shared = upgraded.sharedEvents
  return shared ? { ...upgraded, sharedEvents: shared.map((row) => withStopsExtra(row, 0)) } : upgraded
}

const version2: Fixtures = { ...withEventRevision(version1, 3), sharedEvents: [sharedEventFixture] }

const version3: Fixtures = {
  ...withFields(
    withFields(withFields(version2, 'participants', { bookedBy: 'Paul Exemple <paul@example.org>' }), 'scheduleShifts', {
      lengthensStop: true,
    }),
    'sharedEvents',
    { signerKey: 'BP'.padEnd(87, 'x') },
  ),
  sharedEvents: [withStopsExtra({ ...sharedEventFixture, signerKey: 'BP'.padEnd(87, 'x') }, 15)],
  signingKeys: [
    {
      eventId: 'e1',
      publicKey: 'BP'.padEnd(87, 'x'),
      privateKey: { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43), d: 'd'.repeat(43) },
      createdAt: '2026-11-26T10:00:00.000Z',
    },
  ],
}

/** Version 4's shapes, as its migration gives them to older records. */
const withVersion4Defaults = (fixtures: Fixtures): Fixtures => {
  const upgraded = withFields(fixtures, 'participants', { birthDate: null })
  const templates = upgraded.consentTemplates?.map((row) => {
    const template = row as { texts: Record<string, { items: object[] }> }
    const texts = Object.fromEntries(
      Object.entries(template.texts).map(([language, text]) => [language, { ...text, items: text.items.map((item) => ({ ...item, kind: 'other' })) }]),
    )
    return { ...template, organisation: '', contact: '', texts }
  })
  const consents = upgraded.consents?.map((row) => {
    const { signerName, signature, guardianName, ...rest } = row as { signerName: string; signature: unknown[]; guardianName: string | null }
    return {
      ...rest,
      personal: {
        signerName,
        signature: signature.length > 0 ? { width: 0, height: 0, strokes: signature } : null,
        guardian: guardianName ? { name: guardianName, relationship: '', signature: { width: 0, height: 0, strokes: [] } } : null,
      },
      personalHash: '',
      language: 'fr',
      request: null,
      sequence: 0,
    }
  })
  return { ...upgraded, ...(templates ? { consentTemplates: templates } : {}), ...(consents ? { consents } : {}) }
}

const version4: Fixtures = {
  ...withFields(version3, 'participants', { birthDate: '2011-03-14' }),
  consentTemplates: [
    {
      id: 't1',
      eventId: 'e1',
      version: 2,
      organisation: 'Office',
      contact: 'office@example.org',
      texts: {
        fr: { title: 'Autorisation', body: 'Texte', items: [{ id: 'reuse', kind: 'photoReuse', label: 'Réutiliser' }] },
        en: { title: 'Consent', body: 'Text', items: [{ id: 'reuse', kind: 'photoReuse', label: 'Reuse' }] },
      },
      hash: 'ab'.repeat(32),
      createdAt: '2026-11-26T10:00:00.000Z',
    },
  ],
  consents: [
    {
      id: 'k1',
      eventId: 'e1',
      participantId: 'p1',
      templateId: 't1',
      templateHash: 'ab'.repeat(32),
      kind: 'grant',
      language: 'en',
      choices: { reuse: true },
      request: null,
      personal: {
        signerName: 'Hélène Exemple',
        signature: { width: 300, height: 150, strokes: [{ points: [[0, 0], [10, 12]] }] },
        guardian: { name: 'Parent Exemple', relationship: 'mère', signature: { width: 300, height: 150, strokes: [{ points: [[1, 1]] }] } },
      },
      personalHash: 'ef'.repeat(32),
      at: '2027-07-24T07:40:00.000Z',
      deviceId: 'd1',
      sequence: 1,
      previousHash: null,
      hash: 'cd'.repeat(32),
    },
  ],
}

const withVersion5Defaults = (fixtures: Fixtures): Fixtures => ({
  ...fixtures,
  hashtagSamples: (fixtures.hashtagSamples ?? []).map((sample) => {
    const old = sample as { provider: string }
    return { kind: old.provider === 'manual' ? 'total' : 'reading', note: '', deviceId: '', ...old }
  }),
  hashtagMedia: (fixtures.hashtagMedia ?? []).map((media) => ({ permalink: null, ...(media as object) })),
})

const version5: Fixtures = {
  ...version4,
  hashtagSamples: [
    { id: 'h1', eventId: 'e1', hashtag: '', provider: 'manual', kind: 'plusOne', count: 1, note: '', at: '2027-07-24T09:00:00.000Z', deviceId: 'd1' },
    { id: 'h2', eventId: 'e1', hashtag: 'photowalkxerre', provider: 'instagram', kind: 'reading', count: 41, note: '', at: '2027-07-24T09:05:00.000Z', deviceId: 'd1' },
  ],
  hashtagMedia: [
    {
      provider: 'fediverse',
      mediaId: 'https://pixelfed.example/p/ana/7',
      eventId: 'e1',
      hashtag: 'photowalkxerre',
      postedAt: '2027-07-24T09:10:00.000Z',
      permalink: 'https://pixelfed.example/p/ana/7',
      seenAt: '2027-07-24T09:12:00.000Z',
    },
  ],
  hashtagLookups: [{ accountId: '17841400000000000', hashtag: 'photowalkxerre', hashtagId: '17843857450040591', firstAt: '2027-07-20T08:00:00.000Z' }],
}

/**
 * One record for every table, in the shape each schema version stored. Each version's migration
 * test writes the fixtures of the version before it and checks them against `afterUpgradeTo`.
 */
export const fixturesByVersion: Record<number, Fixtures> = {
  1: version1,
  2: version2,
  3: version3,
  4: version4,
  5: version5,
}

/** What the previous version's fixtures must look like once upgraded to each version. */
export const afterUpgradeTo: Record<number, (previous: Fixtures) => Fixtures> = {
  2: (previous) => withEventRevision(previous, 1),
  3: withVersion3Defaults,
  4: withVersion4Defaults,
  5: withVersion5Defaults,
}

export async function writeFixtures(db: PhotowalkDatabase, fixtures: Record<string, unknown[]>): Promise<void> {
  await db.transaction('rw', Object.keys(fixtures), async () => {
    for (const [table, rows] of Object.entries(fixtures)) await db.table(table).bulkAdd(rows)
  })
}

export async function readAll(db: PhotowalkDatabase, tables: string[]): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    tables.map(async (table) => [table, inStableOrder(await db.table(table).toArray())] as const),
  )
  return Object.fromEntries(entries)
}

/** Rows in an order that does not depend on how a table's keys sort. */
export function inStableOrder(rows: unknown[]): unknown[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}
