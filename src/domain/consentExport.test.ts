import { createHash } from 'node:crypto'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { canonicalBytes } from './canonicalJson'
import { verifyConsentRegister } from './consent'
import {
  accessExportDocument,
  accessExportFileName,
  consentCsvRows,
  consentPdfFileNames,
  consentsCsv,
  consentsJsonDocument,
  consentZipName,
  creditLine,
  formatInstantInZone,
  formatInstantUtc,
  reusablePhotoRows,
  reusablePhotosCsv,
  sha256SumsText,
  slugify,
} from './consentExport'
import { consentDocumentTexts } from './consentExportTexts'
import { consentFixture } from './fixtures/consents'
import type { CheckIn, ConsentRecord, Stop } from './types'

const digest = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const fixture = await consentFixture(digest)

const rowOf = (rows: string[][], id: string) => rows.find((row) => row[0] === id)
const column = (rows: string[][], header: string) => {
  const index = rows[0]?.indexOf(header) ?? -1
  if (index < 0) throw new Error(`no column ${header}`)
  return index
}

describe('consents.csv', () => {
  const rows = consentCsvRows(fixture, 'en')

  it('has one row per participant on the roster, then the erased person, under a header naming each item', () => {
    expect(rows[0]).toEqual([
      'Id',
      'First name',
      'Last name',
      'Instagram',
      'Status',
      'Photo reuse',
      'Image rights',
      'Future contact',
      'Signed by',
      'Form version',
      'Form fingerprint (SHA-256)',
      'Signed at (event time)',
      'Signed at (UTC)',
      'Withdrawn at',
      'Parent or guardian',
      'Relationship',
      'Record fingerprint (SHA-256)',
    ])
    expect(rows).toHaveLength(1 + fixture.participants.length + 1)
    expect(rows.at(-1)?.[0]).toBe('p-gone')
  })

  it('gives each item’s current state, the form version and hash, when it was signed in the event’s zone and in UTC, and the record hash', () => {
    const ha = rowOf(rows, 'p-ha')
    const grant = fixture.records.find((record) => record.participantId === 'p-ha')
    expect(ha).toEqual([
      'p-ha',
      'Thị Hà',
      'Nguyễn',
      'ha_nguyen',
      'partly granted',
      'granted',
      'granted',
      'refused',
      'Nguyễn Thị Hà',
      '1',
      fixture.template.hash,
      '2027-07-24 09:35 (Europe/Paris, UTC+02:00)',
      '2027-07-24 07:35:00 UTC',
      '',
      '',
      '',
      grant?.hash,
    ])
  })

  it('shows a withdrawal: the item withdrawn, the overall status and when', () => {
    const alex = rowOf(rows, 'p-alex')
    expect(alex?.[column(rows, 'Status')]).toBe('withdrawn')
    expect(alex?.[column(rows, 'Photo reuse')]).toBe('withdrawn')
    expect(alex?.[column(rows, 'Image rights')]).toBe('granted')
    expect(alex?.[column(rows, 'Withdrawn at')]).toBe('2027-08-02 11:00 (Europe/Paris, UTC+02:00)')
  })

  it('names the guardian of a minor and their relationship', () => {
    const minor = rowOf(rows, 'p-minor')
    expect(minor?.[column(rows, 'Parent or guardian')]).toBe('Claire Martin')
    expect(minor?.[column(rows, 'Relationship')]).toBe('mère')
  })

  it('someone with no consent yet has the status none and empty columns', () => {
    const none = rowOf(rows, 'p-none')
    expect(none?.slice(4)).toEqual(['none', ...Array(12).fill('')])
  })

  it('shows an erased person by id only, with "erased on <date>", and no name anywhere in the row', () => {
    const gone = rowOf(rows, 'p-gone')
    expect(gone?.[column(rows, 'Status')]).toBe('erased on 2027-08-03 12:00 (Europe/Paris, UTC+02:00)')
    expect(gone?.filter((cell) => cell !== '')).toEqual(['p-gone', 'erased on 2027-08-03 12:00 (Europe/Paris, UTC+02:00)'])
    expect(consentsCsv(fixture, 'en')).not.toContain('Effacé')
  })

  it('speaks French with semicolons for a French reader', () => {
    const french = consentCsvRows(fixture, 'fr')
    expect(french[0]?.slice(4, 8)).toEqual(['État', 'Réutilisation des photos', 'Droit à l’image', 'Être recontacté'])
    expect(rowOf(french, 'p-gone')?.[4]).toMatch(/^effacé le 2027-08-03/)
    expect(consentsCsv(fixture, 'fr').split('\r\n')[0]).toContain(';État;')
  })

  it('is UTF-8 with a BOM and CRLF, quotes what needs it and neutralises formula-like cells', () => {
    const text = consentsCsv(fixture, 'en')
    expect(text.startsWith('\uFEFFId,First name,')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    const parsed = Papa.parse<string[]>(text.slice(1).trimEnd(), { delimiter: ',', newline: '\r\n' }).data
    const formula = parsed.find((row) => row[0] === 'p-formula')
    expect(formula?.[1]).toBe(`'=HYPERLINK("http://x")`)
    expect(formula?.[2]).toBe(`'+Dupont`)
    expect(formula?.[8]).toBe(`'=HYPERLINK("http://x") +Dupont`)
    expect(parsed.find((row) => row[0] === 'p-lucja')?.slice(1, 3)).toEqual(['Łucja', 'Wąsowska'])
  })
})

describe('reusable-photos.csv', () => {
  it('lists handle and credit line of everyone granting photo reuse now: not withdrawn, not erased, not refused', () => {
    const rows = reusablePhotoRows(fixture, 'en')
    expect(rows[0]).toEqual(['Instagram', 'Credit line', 'First name', 'Last name', 'Profile'])
    expect(rows.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['', '© =HYPERLINK("http://x") +Dupont'],
      ['zoe.m', '© Zoé Martin / @zoe.m'],
      ['ha_nguyen', '© Thị Hà Nguyễn / @ha_nguyen'],
      ['lucja.w', '© Łucja Wąsowska / @lucja.w'],
      ['layla.h', '© ليلى حداد / @layla.h'],
    ])
    expect(rows.flat()).not.toContain('alex.papa')
    expect(rows[2]?.[4]).toBe('https://www.instagram.com/zoe.m/')
  })

  it('leaves out someone whose grant refused photo reuse', async () => {
    const refusing = { ...fixture, records: fixture.records.map((record): ConsentRecord => (record.participantId === 'p-lucja' ? { ...record, choices: { ...record.choices, 'photo-reuse': false } } : record)) }
    expect(reusablePhotoRows(refusing, 'en').flat()).not.toContain('lucja.w')
  })

  it('is a CSV with a BOM whose first cells are never formulas', () => {
    const text = reusablePhotosCsv(fixture, 'fr')
    expect(text.startsWith('\uFEFFInstagram;Mention de crédit;')).toBe(true)
    expect(text).not.toMatch(/(^|;|\n)[=+\-@]/)
  })

  it('credits a person without a handle by name alone', () => {
    expect(creditLine({ firstName: 'Ana', lastName: 'Lima', instagram: '' })).toBe('© Ana Lima')
    expect(creditLine({ firstName: 'Ana', lastName: 'Lima', instagram: 'ana' })).toBe('© Ana Lima / @ana')
  })
})

describe('consents.json', () => {
  it('holds the format version, the event, the templates and every record with its strokes, and verifies again as it is', async () => {
    const document = consentsJsonDocument(fixture, '2027-09-01T10:00:00.000Z')
    const reread = JSON.parse(JSON.stringify(document)) as typeof document
    expect(reread).toMatchObject({ format: 'photowalk-consents', formatVersion: 1, event: { name: 'Photowalk Auxerre — été', timeZone: 'Europe/Paris' } })
    expect(reread.records).toHaveLength(fixture.records.length)
    expect(reread.records[0]?.personal?.signature?.strokes[0]?.points.length).toBe(24)
    expect(reread.participants.map((participant) => participant.id)).not.toContain('p-gone')
    const report = await verifyConsentRegister(reread.templates, reread.records, digest, canonicalBytes)
    expect(report.findings).toEqual([])
    expect(report.erasures).toEqual([{ participantId: 'p-gone', at: '2027-08-03T10:00:00.000Z' }])
  })
})

describe('SHA256SUMS', () => {
  const a = 'a'.repeat(64)
  const b = '0123456789abcdef'.repeat(4)

  it('is one "<hash>  <name>" line per file, two spaces, sorted by name, newline-terminated', () => {
    expect(sha256SumsText([{ name: 'register.pdf', sha256: a }, { name: 'consents.csv', sha256: b }, { name: 'pdfs/x.pdf', sha256: a }])).toBe(
      `${b}  consents.csv\n${a}  pdfs/x.pdf\n${a}  register.pdf\n`,
    )
    expect(sha256SumsText([])).toBe('')
  })

  it('refuses a hash that is not 64 lowercase hex digits, and a name with a line break', () => {
    expect(() => sha256SumsText([{ name: 'x', sha256: 'A'.repeat(64) }])).toThrow()
    expect(() => sha256SumsText([{ name: 'x', sha256: 'a'.repeat(63) }])).toThrow()
    expect(() => sha256SumsText([{ name: 'x\ny', sha256: a }])).toThrow()
  })
})

describe('file names', () => {
  it('the ZIP is <event-name>-<date>-consents.zip', () => {
    expect(consentZipName(fixture.event)).toBe('photowalk-auxerre-ete-2027-07-24-consents.zip')
    expect(consentZipName({ name: '***', date: '2027-07-24' })).toBe('photowalk-2027-07-24-consents.zip')
  })

  it('slugs keep letters of any script, drop accents and everything else', () => {
    expect(slugify('Łucja Wąsowska')).toBe('lucja-wasowska')
    expect(slugify('Nguyễn Thị Hà / Đà Nẵng')).toBe('nguyen-thi-ha-da-nang')
    expect(slugify('../../etc/passwd')).toBe('etc-passwd')
    expect(slugify('Παπαδόπουλος')).toBe('παπαδοπουλος')
  })

  it('one safe, unique PDF name per record, in pdfs/, the erased person by id only', () => {
    const names = consentPdfFileNames(fixture.records, fixture.participants)
    expect(new Set(names.values()).size).toBe(fixture.records.length)
    for (const name of names.values()) expect(name).toMatch(/^pdfs\/2027-0\d-\d\d-[\p{L}\p{N}-]+-(grant|withdrawal|erasure)-[0-9a-f]{8}(-\d+)?\.pdf$/u)
    expect(names.get(fixture.records[0]!.id)).toBe(`pdfs/2027-07-24-wasowska-lucja-grant-${fixture.records[0]!.hash.slice(0, 8)}.pdf`)
    const erased = [...fixture.records.filter((record) => record.participantId === 'p-gone')].map((record) => names.get(record.id))
    for (const name of erased) expect(name).toContain('erased-p-gone')
    // Two records that share time, person, kind and hash start still get two names.
    const twin = { ...fixture.records[0]!, id: 'twin' }
    const twins = consentPdfFileNames([fixture.records[0]!, twin], fixture.participants)
    expect(twins.get('twin')).toMatch(/-2\.pdf$/)
  })

  it('a participant’s own export is named after them', () => {
    expect(accessExportFileName({ firstName: 'Łucja', lastName: 'Wąsowska' }, fixture.event, 'pdf')).toBe('lucja-wasowska-2027-07-24-data.pdf')
  })
})

describe('times', () => {
  it('in the event’s zone with its offset, and in UTC', () => {
    expect(formatInstantInZone('2027-01-10T23:30:00.000Z', 'Europe/Paris')).toBe('2027-01-11 00:30 (Europe/Paris, UTC+01:00)')
    expect(formatInstantInZone('2027-07-24T07:00:00.000Z', 'America/St_Johns')).toBe('2027-07-24 04:30 (America/St_Johns, UTC-02:30)')
    expect(formatInstantUtc('2027-07-24T07:00:05.123Z')).toBe('2027-07-24 07:00:05 UTC')
  })
})

describe('everything about one participant (right of access)', () => {
  it('their details, their check-ins with the stop and local time, and their consent history only', () => {
    const stop = { id: 's1', title: 'Bateau' } as Stop
    const checkin = (id: string, participantId: string, at: string): CheckIn => ({ id, eventId: 'event-1', participantId, stopId: 's1', action: 'in', undoesId: null, at, deviceId: 'd', method: 'qr' })
    const participant = fixture.participants.find((person) => person.id === 'p-alex')!
    const document = accessExportDocument(
      { event: fixture.event, participant, checkins: [checkin('c2', 'p-alex', '2027-07-24T09:00:00.000Z'), checkin('c1', 'p-alex', '2027-07-24T08:00:00.000Z'), checkin('c3', 'p-ha', '2027-07-24T08:00:00.000Z')], stops: [stop], templates: fixture.templates, records: fixture.records },
      '2027-09-01T10:00:00.000Z',
    )
    expect(document.participant).toMatchObject({ id: 'p-alex', firstName: 'Αλέξανδρος', instagram: 'alex.papa' })
    expect(document.checkins.map((entry) => [entry.id, entry.stop, entry.atLocal])).toEqual([
      ['c1', 'Bateau', '2027-07-24 10:00 (Europe/Paris, UTC+02:00)'],
      ['c2', 'Bateau', '2027-07-24 11:00 (Europe/Paris, UTC+02:00)'],
    ])
    expect(document.consent.status).toBe('withdrawn')
    expect(document.consent.history.map((record) => record.kind)).toEqual(['grant', 'withdrawal'])
    expect(document.consent.templates.map((template) => template.hash)).toEqual([fixture.template.hash])
    expect(JSON.stringify(document)).not.toContain('Nguyễn')
  })
})

describe('document texts', () => {
  it('the README says how to check the sums with both tools, in each language', () => {
    for (const texts of Object.values(consentDocumentTexts)) {
      const readme = texts.readme({ eventName: 'X', zipName: 'x.zip', pdfCount: 3 })
      expect(readme).toContain('sha256sum -c SHA256SUMS')
      expect(readme).toContain('shasum -a 256 -c SHA256SUMS')
      expect(readme).toContain('previousHash')
    }
  })
})
