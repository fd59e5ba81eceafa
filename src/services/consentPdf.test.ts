import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it, vi } from 'vitest'
import { accessExportDocument } from '@/domain/consentExport'
import { consentFixture } from '@/domain/fixtures/consents'
import { accessExportPdf, consentRecordPdf, consentRegisterPdf, fontRuns, frequentNameCharacters, type PdfFonts } from './consentPdf'

// Building and reading back PDFs with embedded fonts takes seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000 })

const digest = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const fixture = await consentFixture(digest)
const fonts: PdfFonts = {
  regular: new Uint8Array(readFileSync(new URL('../../public/fonts/NotoSans-Regular.ttf', import.meta.url))),
  arabic: new Uint8Array(readFileSync(new URL('../../public/fonts/NotoSansArabic-Regular.ttf', import.meta.url))),
}

/** Every page's text, lines joined by spaces: what a reader (or a search) finds in the PDF. */
async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number; fonts: string[] }> {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  const pages: string[] = []
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  const text = pages.join('\n').replace(/\s+/g, ' ')
  return { text, pages: document.numPages, fonts: [] }
}

/** The base names of the fonts a PDF embeds (pdf-lib names a subset after its font, with a number). */
async function embeddedFonts(bytes: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(bytes)
  const names = new Set<string>()
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font')) {
      const base = object.get(PDFName.of('BaseFont'))
      if (base instanceof PDFName && object.get(PDFName.of('Subtype')) === PDFName.of('Type0')) names.add(base.decodeText())
    }
  }
  return [...names]
}

const participant = (id: string) => fixture.participants.find((person) => person.id === id) ?? null
const recordOf = (participantId: string, kind = 'grant') => {
  const record = fixture.records.find((entry) => entry.participantId === participantId && entry.kind === kind)
  if (!record) throw new Error(`no ${kind} for ${participantId}`)
  return record
}
const context = (participantId: string) => ({ event: fixture.event, participant: participant(participantId), template: fixture.template })
const squeeze = (text: string) => text.replace(/\s+/g, '')

describe('a consent’s PDF', () => {
  it('prints Polish, Vietnamese and Greek names, the form’s text, the choices, and the template and record hashes', async () => {
    for (const [id, name] of [
      ['p-lucja', 'Łucja Wąsowska'],
      ['p-ha', 'Nguyễn Thị Hà'],
      ['p-alex', 'Αλέξανδρος Παπαδόπουλος'],
    ] as const) {
      const record = recordOf(id)
      const { text } = await pdfText(await consentRecordPdf(record, context(id), fonts))
      expect(text).toContain(name)
      expect(squeeze(text)).toContain(fixture.template.hash)
      expect(squeeze(text)).toContain(record.hash)
    }
  })

  it('shows the text as signed, in the signer’s language, and each choice granted or refused', async () => {
    const { text } = await pdfText(await consentRecordPdf(recordOf('p-ha'), context('p-ha'), fonts))
    expect(text).toContain('Signed consent')
    expect(text).toContain('Permissions — Photowalk Auxerre — été')
    expect(text).toContain('as easily as you gave it')
    expect(text.match(/Granted/g)).toHaveLength(2)
    expect(text.match(/Refused/g)).toHaveLength(1)
    expect(text).toContain('2027-07-24 09:35 (Europe/Paris, UTC+02:00)')
    expect(text).toContain('2027-07-24 07:35:00 UTC')
  })

  it('names the guardian of a minor and their relationship, with two signatures drawn as vector paths', async () => {
    const bytes = await consentRecordPdf(recordOf('p-minor'), context('p-minor'), fonts)
    const { text } = await pdfText(bytes)
    expect(text).toContain('Claire Martin')
    expect(text).toContain('mère')
    expect(text).toContain('Signature de Zoé Martin')
    expect(text).toContain('Signature de Claire Martin')
  })

  it('embeds the subset of Noto Sans every PDF of the export shares, another for letters beyond it, and Noto Sans Arabic for an Arabic name', async () => {
    const zoe = await consentRecordPdf(recordOf('p-minor'), context('p-minor'), fonts)
    expect(await embeddedFonts(zoe)).toEqual([expect.stringMatching(/^NotoSans-Regular-\d+$/)])
    // "Ł" and "ą" are in neither the form nor ASCII: the Polish name's PDF subsets them apart…
    const lucja = await consentRecordPdf(recordOf('p-lucja'), context('p-lucja'), fonts)
    expect(await embeddedFonts(lucja)).toEqual([expect.stringMatching(/^NotoSans-Regular-\d+$/), expect.stringMatching(/^NotoSans-Regular-\d+$/)])
    // …unless many of the export's names have them, when they join the shared subset.
    const shared = await consentRecordPdf(recordOf('p-lucja'), { ...context('p-lucja'), frequentCharacters: 'ŁąWsw' }, fonts)
    expect(await embeddedFonts(shared)).toEqual([expect.stringMatching(/^NotoSans-Regular-\d+$/)])
    expect((await pdfText(shared)).text).toContain('Łucja Wąsowska')
    const arabic = await consentRecordPdf(recordOf('p-layla'), context('p-layla'), fonts)
    expect((await embeddedFonts(arabic)).map((name) => name.replace(/-\d+$/, '')).sort()).toEqual(['NotoSans-Regular', 'NotoSansArabic-Regular'])
    // Subsets keep the files small: the fonts alone weigh 750 kB.
    expect(arabic.length).toBeLessThan(120_000)
    const { text } = await pdfText(arabic)
    expect(text).toContain('Signature de')
  })

  it('a withdrawal says which items, how it was asked and who recorded it', async () => {
    const { text } = await pdfText(await consentRecordPdf(recordOf('p-alex', 'withdrawal'), context('p-alex'), fonts))
    expect(text).toContain('Retrait de consentement')
    expect(text).toContain('Αλέξανδρος Παπαδόπουλος')
    expect(text).toContain('par e-mail')
    expect(text).toContain('Courriel du 2 août')
    expect(text).toContain('Organisatrice')
  })

  it('an erasure names nobody: the person’s id and what happened', async () => {
    const { text } = await pdfText(await consentRecordPdf(recordOf('p-gone', 'erasure'), context('p-gone'), fonts))
    expect(text).toContain('Effacement sur demande')
    expect(text).toContain('p-gone')
    expect(text).not.toContain('Jean')
  })

  it('wraps a very long name instead of running off the page', async () => {
    const long = { ...participant('p-lucja')!, firstName: 'Łucja'.repeat(30), lastName: 'Wąsowska-'.repeat(20) }
    const record = recordOf('p-lucja')
    const bytes = await consentRecordPdf(record, { ...context('p-lucja'), participant: long }, fonts)
    const document = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise
    const content = await (await document.getPage(1)).getTextContent()
    for (const item of content.items) if ('transform' in item) expect(item.transform[4] + item.width).toBeLessThanOrEqual(595.28 - 47)
  })
})

describe('fontRuns', () => {
  it('switches to the Arabic font for Arabic letters only, spaces joining their run', () => {
    expect(fontRuns('Signature de ليلى حداد')).toEqual([
      { text: 'Signature de ', arabic: false },
      { text: 'ليلى حداد', arabic: true },
    ])
    expect(fontRuns('ليلى حداد / @layla')).toEqual([
      { text: 'ليلى حداد', arabic: true },
      { text: ' / @layla', arabic: false },
    ])
  })
})

describe('the register PDF', () => {
  it('lists every record in a table, paginated, with short hashes', async () => {
    const many = Array.from({ length: 8 }, () => fixture.records).flat()
    const bytes = await consentRegisterPdf({ ...fixture, records: many }, 'en', fonts, new Date('2027-09-01T10:00:00.000Z'))
    const { text, pages } = await pdfText(bytes)
    expect(pages).toBeGreaterThan(1)
    expect(text).toContain('Consent register')
    expect(text).toContain('Łucja Wąsowska')
    expect(text).toContain('Thị Hà Nguyễn')
    expect(text).toContain(fixture.records[0]!.hash.slice(0, 16))
    expect(text).toContain(`Page 1 of ${pages}`)
    expect(text).not.toContain('Jean Effacé')
  })
})

describe('the right-of-access PDF', () => {
  it('has the person’s details, check-ins and each of their records', async () => {
    const person = participant('p-alex')!
    const document = accessExportDocument({ event: fixture.event, participant: person, checkins: [], stops: [], templates: fixture.templates, records: fixture.records }, '2027-09-01T10:00:00.000Z')
    const { text } = await pdfText(await accessExportPdf(document, fixture.event, person, 'fr', fonts))
    expect(text).toContain('Données d’un participant')
    expect(text).toContain('Αλέξανδρος')
    expect(text).toContain('Aucun pointage.')
    expect(text).toContain('Consentement signé')
    expect(text).toContain('Retrait de consentement')
    expect(squeeze(text)).toContain(fixture.template.hash)
  })
})

describe('the letters an export’s PDFs share', () => {
  it('are those beyond ASCII that many records’ names have, not those of a few names', () => {
    const people = Array.from({ length: 100 }, (_, index) => ({ ...fixture.participants[0]!, id: `p-${index}`, firstName: index < 10 ? 'Łucja' : 'Anna', lastName: index === 0 ? 'Ørsted' : 'Nowak' }))
    const records = people.map((person) => ({ ...recordOf('p-minor'), participantId: person.id, personal: null }))
    const characters = frequentNameCharacters(records, people)
    expect(characters).toContain('Ł')
    expect(characters).not.toContain('Ø')
  })
})
