import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  candidatesFrom,
  decodeImportFile,
  detectDelimiter,
  detectHeaderRow,
  guessMapping,
  maxImportBytes,
  readImportFile,
  roleFromText,
  type ImportCandidate,
} from './csvImport'
import { toCsv } from './csvWrite'
import { planImport } from './importPlan'
import type { Participant } from './types'

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/imports/${name}`, import.meta.url)))
const context = { eventDate: '2027-07-24' }

function importOf(name: string): ImportCandidate[] {
  const read = readImportFile(fixture(name))
  if (!read.ok) throw new Error(`${name}: ${read.error}`)
  return candidatesFrom(read.value, read.value.mapping, context)
}

const summary = (candidates: ImportCandidate[]) =>
  candidates.map((candidate) => candidate.details && [candidate.details.firstName, candidate.details.lastName, candidate.details.email, candidate.details.instagram, candidate.details.role])

describe('reading the files organisers export', () => {
  it('HelloAsso: UTF-8 with BOM, semicolons; the payer’s email is the participant’s only when they booked for themselves', () => {
    const read = readImportFile(fixture('helloasso.csv'))
    expect(read.ok && [read.value.encoding, read.value.delimiter]).toEqual(['utf-8-bom', ';'])
    const candidates = importOf('helloasso.csv')
    expect(summary(candidates)).toEqual([
      ['Hélène', 'Exemple', 'helene.exemple@example.org', 'helene.exemple', 'iger'],
      ['Lucas', 'Fictif', 'lucas-fictif@example.org', 'lucas_fictif', 'press'],
      ['Chloé', 'Démo', '', 'chloe.demo', 'ambassador'],
    ])
    // Paul paid for Chloé: his email is who booked, not Chloé's.
    expect(candidates[2]?.details).toMatchObject({ isMinor: true, birthYear: 2011, bookedBy: 'Paul Démo <chloe.demo@example.org>' })
    expect(candidates[1]?.details?.phone).toBe('+33 6 99 00 11 21')
  })

  it('Weezevent: title lines above the header', () => {
    const read = readImportFile(fixture('weezevent.csv'))
    expect(read.ok && read.value.headerIndex).toBe(1)
    expect(importOf('weezevent.csv').map((candidate) => candidate.line)).toEqual([4, 5])
    expect(summary(importOf('weezevent.csv'))).toEqual([
      ['Inès', 'Imaginaire', 'ines.imaginaire@example.org', '', 'iger'],
      ['Théo', 'Modèle', 'theo.modele@example.org', '', 'partner'],
    ])
  })

  it('Eventbrite: commas, quoted cells, attendee columns before buyer ones', () => {
    expect(summary(importOf('eventbrite.csv'))).toEqual([
      ['Zoé', 'Essai', 'zoe.essai@example.org', 'zoe_essai', 'iger'],
      ['Noémie, dite Mimi', 'Spécimen', 'noemie.specimen@example.org', 'noemie.specimen', 'press'],
    ])
  })

  it('pretix: given and family names win over the full name', () => {
    const read = readImportFile(fixture('pretix.csv'))
    expect(read.ok && read.value.mapping).toEqual(['ignore', 'ignore', 'firstName', 'lastName', 'email', 'phone', 'role', 'ignore'])
    expect(summary(importOf('pretix.csv'))).toEqual([
      ['Mathis', 'Prototype', 'mathis.prototype@example.org', '', 'ambassador'],
      ['Léa', 'Brouillon', 'lea.brouillon@example.org', '', 'staff'],
    ])
  })

  it('Google Forms: long questions as headers; an unknown question is left for the organiser to map', () => {
    const read = readImportFile(fixture('google-forms.csv'))
    expect(read.ok && read.value.mapping).toEqual(['ignore', 'email', 'firstName', 'lastName', 'instagram', 'ignore', 'phone'])
    expect(summary(importOf('google-forms.csv'))[0]).toEqual(['Jules', 'Maquette', 'jules.maquette@example.org', 'jules_maquette', 'iger'])
    if (!read.ok) return
    const mapping = [...read.value.mapping]
    mapping[5] = 'role'
    const remapped = candidatesFrom(read.value, mapping, context)
    expect(remapped.map((candidate) => candidate.details?.role)).toEqual(['ambassador', 'press'])
  })

  it('Excel “CSV (séparateur : point-virgule)”: Windows-1252 accents come out right', () => {
    const read = readImportFile(fixture('excel-fr.csv'))
    expect(read.ok && [read.value.encoding, read.value.delimiter]).toEqual(['windows-1252', ';'])
    expect(summary(importOf('excel-fr.csv'))).toEqual([
      ['Hélène', 'Exemple', 'helene.exemple@example.org', 'helene.exemple', 'iger'],
      ['Sacha', 'Témoin', 'sacha.temoin@example.org', 'sacha_temoin', 'staff'],
      ['Chloé', 'Démo', '', 'chloe.demo', 'ambassador'],
    ])
    expect(importOf('excel-fr.csv')[2]?.details).toMatchObject({ isMinor: true, birthYear: 2011 })
  })

  it('tab-separated text', () => {
    expect(detectDelimiter('Prénom\tNom\tEmail\r\nA\tB\tc@d.fr')).toBe('\t')
    expect(summary(importOf('tabs.tsv'))).toEqual([['Inès', 'Imaginaire', 'ines.imaginaire@example.org', '', 'iger']])
  })

  it('UTF-16 from Excel’s “Unicode text”', () => {
    const text = 'Prénom\tNom\r\nHélène\tExemple\r\n'
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)])
    expect(decodeImportFile(bytes)).toEqual({ ok: true, value: { text, encoding: 'utf-16le' } })
    expect(readImportFile(new Uint8Array([...bytes, 0x41]))).toEqual({ ok: false, error: { code: 'badEncoding' } })
  })
})

describe('refusing what is not a participant list', () => {
  it('a file that is not text, an empty one, one without a header, an oversized one', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0])
    expect(readImportFile(png)).toEqual({ ok: false, error: { code: 'notText' } })
    expect(readImportFile(new TextEncoder().encode('  \n '))).toEqual({ ok: false, error: { code: 'empty' } })
    expect(readImportFile(new TextEncoder().encode('a;b;c\n1;2;3\n'))).toEqual({ ok: false, error: { code: 'noHeader' } })
    expect(readImportFile(new Uint8Array(maxImportBytes + 1))).toEqual({ ok: false, error: { code: 'tooLarge' } })
  })

  it('more than 20,000 rows', () => {
    const text = 'Prénom;Nom\n' + 'A;B\n'.repeat(20_001)
    expect(readImportFile(new TextEncoder().encode(text))).toEqual({ ok: false, error: { code: 'tooManyRows' } })
  })

  it('the header search looks at the first lines only, for two known names', () => {
    expect(detectHeaderRow([['Liste'], [], ['Nom', 'Prénom']])).toBe(2)
    expect(detectHeaderRow([['Nom', 'Divers']])).toBeNull()
  })
})

describe('rows with problems and duplicates', () => {
  const candidates = importOf('problems.csv')

  it('reports each row’s problems with its line', () => {
    expect(candidates.map((candidate) => [candidate.line, candidate.problems.map((problem) => problem.code)])).toEqual([
      [2, ['required']],
      [3, ['invalidEmail']],
      [4, []],
      [5, []],
      [6, []],
    ])
    // Markup and formulas are kept as text; the screen shows them as text and exports neutralise them.
    expect(candidates[2]?.details?.firstName).toBe('=HYPERLINK("http://x")')
    expect(candidates[2]?.details?.lastName).toBe('<img src=x onerror=alert(1)>')
  })

  it('finds duplicates in the file and in the roster, and merges or skips them', () => {
    const roster = [{ id: 'p1', firstName: 'Lucas', lastName: 'Fictif', email: 'lucas-fictif@example.org', instagram: '', phone: '+33 1', role: 'iger', isMinor: false, birthYear: null, companionOf: null, notes: '', bookedBy: '' }] as unknown as Participant[]
    const skipping = planImport(candidates, roster, { policy: 'skip', eventDate: context.eventDate })
    // Robert's bad email is set aside, not Robert; "Lucas Doublon" shares Lucas's email, not his name: someone else.
    expect(skipping.toAdd.map((person) => person.lastName)).toEqual(['Formule', '<img src=x onerror=alert(1)>', 'Doublon'])
    expect(skipping.duplicates.map((duplicate) => [duplicate.candidate.line, duplicate.matches])).toEqual([[5, 'Lucas Fictif']])
    expect(skipping.invalid.map((candidate) => candidate.line)).toEqual([2])
    expect(skipping.flagged.map((candidate) => candidate.line)).toEqual([3])
    const merging = planImport(candidates, roster, { policy: 'merge', eventDate: context.eventDate })
    expect(merging).toMatchObject({ toUpdate: [], unchanged: 1 })
  })

  it('changes nothing when the same file is imported again', () => {
    const first = planImport(importOf('helloasso.csv'), [], { policy: 'merge', eventDate: context.eventDate })
    const roster = first.toAdd.map((details, index) => ({ ...details, id: `p${index}` })) as unknown as Participant[]
    const again = planImport(importOf('helloasso.csv'), roster, { policy: 'merge', eventDate: context.eventDate })
    expect(again).toMatchObject({ toAdd: [], toUpdate: [], unchanged: 3 })
    expect(guessMapping(['Email', 'E-mail'])).toEqual(['email', 'ignore'])
    expect(roleFromText('Journaliste')).toBe('press')
  })
})

describe('CSV export', () => {
  it.each([
    ['=SUM(A1:A2)', `"'=SUM(A1:A2)"`],
    ['+33 1 99', `"'+33 1 99"`],
    ['-1', `"'-1"`],
    ['@handle', `"'@handle"`],
    ['\tTab', `"'\tTab"`],
    ['\rReturn', `"'\rReturn"`],
    // PapaParse's own pattern lets a formula on several lines through; ours does not.
    ['=1+1\nsuite', `"'=1+1\nsuite"`],
    ['Hélène', 'Hélène'],
    ['', ''],
  ])('neutralises %j', (input, output) => {
    expect(toCsv([[input]], ';')).toBe(`\uFEFF${output}\r\n`)
  })

  it('writes UTF-8 with a BOM, CRLF, quotes where needed', () => {
    expect(toCsv([['Nom', 'Note'], ['Exemple; Hélène', 'dit "Lili"'], ['=1+1', null], ['a,b', 2]], ';')).toBe(
      '\uFEFFNom;Note\r\n"Exemple; Hélène";"dit ""Lili"""\r\n"\'=1+1";\r\na,b;2\r\n',
    )
    expect(toCsv([['a,b', 'c;d']], ',')).toBe('\uFEFF"a,b",c;d\r\n')
  })
})
