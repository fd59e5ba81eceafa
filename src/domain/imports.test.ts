import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { candidatesFrom, fieldForHeader, maxImportColumns, readImportFile, type ImportCandidate } from './csvImport'
import { planImport, type ImportPlan } from './importPlan'
import type { ParticipantDetails } from './participant'
import type { Participant } from './types'

const eventDate = '2027-07-24'
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/imports/${name}`, import.meta.url)))

function importOf(bytes: Uint8Array): ImportCandidate[] {
  const read = readImportFile(bytes)
  if (!read.ok) throw new Error(`unreadable: ${JSON.stringify(read.error)}`)
  return candidatesFrom(read.value, read.value.mapping, { eventDate })
}
const importFixture = (name: string) => importOf(fixture(name))

/** The roster after an import: what planImport adds and updates, with ids. */
function applied(plan: ImportPlan, roster: readonly Participant[] = []): Participant[] {
  const updated = roster.map((person) => {
    const update = plan.toUpdate.find((entry) => entry.id === person.id)
    return update ? { ...person, ...update.details } : person
  })
  const added = plan.toAdd.map((details, index) => ({ ...details, id: `new${roster.length + index}`, eventId: 'e1' }) as Participant)
  return [...updated, ...added]
}

const people = (list: readonly ParticipantDetails[]) =>
  list.map((person) => [person.firstName, person.lastName, person.email, person.instagram, person.bookedBy])

describe('group orders: the payer is not the participant', () => {
  it('HelloAsso without attendee emails: each child is a person; the payer is who booked', () => {
    const candidates = importFixture('helloasso-group.csv')
    const plan = planImport(candidates, [], { policy: 'skip', eventDate })
    expect(people(plan.toAdd)).toEqual([
      ['Chloé', 'Démo', '', '', 'Paul Démo <paul.demo@example.org>'],
      ['Léo', 'Démo', '', '', 'Paul Démo <paul.demo@example.org>'],
      // Who booked for themselves: the payer's email is their own.
      ['Hélène', 'Exemple', 'helene.exemple@example.org', 'helene.exemple', ''],
      ['Lucas', 'Fictif', '', 'lucas_fictif', 'Hélène Exemple <helene.exemple@example.org>'],
      ['Zoé', 'Essai', 'zoe.essai@example.org', 'zoe_essai', ''],
      ['Alice', 'Martin', 'alice.martin@example.org', '', ''],
    ])
    expect(plan.duplicates).toEqual([])
    expect(plan.toAdd.slice(0, 2).map((child) => [child.isMinor, child.birthYear])).toEqual([
      [true, 2011],
      [true, 2013],
    ])
  })

  it('Weezevent: the attendee’s own email wins; children without one are still two people', () => {
    const read = readImportFile(fixture('weezevent-group.csv'))
    expect(read.ok && read.value.mapping).toEqual(['lastName', 'firstName', 'email', 'birthYear', 'phone', 'role', 'ignore', 'payerLastName', 'payerFirstName', 'payerEmail'])
    const plan = planImport(importFixture('weezevent-group.csv'), [], { policy: 'skip', eventDate })
    expect(people(plan.toAdd)).toEqual([
      ['Inès', 'Imaginaire', 'ines.imaginaire@example.org', '', ''],
      ['Théo', 'Modèle', 'theo.modele@example.org', '', 'Inès Imaginaire <ines.imaginaire@example.org>'],
      ['Jade', 'Modèle', '', '', 'Inès Imaginaire <ines.imaginaire@example.org>'],
      ['Jules', 'Modèle', '', '', 'Inès Imaginaire <ines.imaginaire@example.org>'],
    ])
    expect(plan.toAdd.map((person) => person.isMinor)).toEqual([false, false, true, true])
  })

  it('Eventbrite: tickets carrying the buyer’s email are still different people', () => {
    const read = readImportFile(fixture('eventbrite-group.csv'))
    expect(read.ok && read.value.mapping).toEqual([
      'ignore', 'ignore', 'ignore', 'firstName', 'lastName', 'ignore', 'email', 'ignore', 'role', 'ignore',
      'payerLastName', 'payerFirstName', 'payerEmail', 'phone', 'instagram', 'birthYear',
    ])
    const plan = planImport(importFixture('eventbrite-group.csv'), [], { policy: 'merge', eventDate })
    expect(people(plan.toAdd)).toEqual([
      ['Tom', 'Parent', 'marc.parent@example.org', '', 'Marc Parent <marc.parent@example.org>'],
      ['Lina', 'Parent', 'marc.parent@example.org', '', 'Marc Parent <marc.parent@example.org>'],
      ['Sarah', 'Photo', 'sarah.photo@example.org', 'sarah.photo', ''],
    ])
    expect(plan.toAdd.map((person) => [person.birthYear, person.isMinor])).toEqual([
      [2012, true],
      [2014, true],
      [1988, false],
    ])
  })

  it('a payer or buyer column is never the participant’s, whatever its place', () => {
    const read = readImportFile(new TextEncoder().encode('Email payeur;Nom;Prénom;Email\r\npaul@example.org;Démo;Chloé;chloe@example.org\r\n'))
    expect(read.ok && read.value.mapping).toEqual(['payerEmail', 'lastName', 'firstName', 'email'])
    expect(
      ['Email de l’acheteur', 'Buyer email', 'Order email', 'Email de commande', 'Nom de l’acheteur', 'Prénom acheteur', 'Buyer Last Name', 'Buyer name', 'Réservé par', 'Booked by'].map(fieldForHeader),
    ).toEqual(['payerEmail', 'payerEmail', 'payerEmail', 'payerEmail', 'payerLastName', 'payerFirstName', 'payerLastName', 'payerName', 'payerName', 'payerName'])
    // Order numbers, dates and statuses say nothing about a person.
    expect(['Order #', 'Référence commande', 'Statut de la commande', 'Date de la commande'].map(fieldForHeader)).toEqual(['ignore', 'ignore', 'ignore', 'ignore'])
  })
})

describe('importing the same file again changes nothing', () => {
  it.each(['helloasso-group.csv', 'weezevent-group.csv', 'eventbrite-group.csv', 'helloasso.csv', 'excel-fr.csv'])('%s', (name) => {
    const first = planImport(importFixture(name), [], { policy: 'merge', eventDate })
    const roster = applied(first)
    for (const policy of ['merge', 'skip'] as const) {
      const again = planImport(importFixture(name), roster, { policy, eventDate })
      expect(again.toAdd).toEqual([])
      expect(again.toUpdate).toEqual([])
      expect(again.conflicts).toEqual([])
      expect(again.duplicates).toHaveLength(first.toAdd.length)
    }
  })

  it('rows without email or handle are matched on their name and birth year', () => {
    const file = (rows: string[]) => new TextEncoder().encode(['Prénom;Nom;Année de naissance', ...rows].join('\r\n'))
    const first = planImport(importOf(file(['Chloé;Démo;2011', 'Léo;Démo;'])), [], { policy: 'skip', eventDate })
    const roster = applied(first)
    const again = planImport(importOf(file(['  CHLOE ; demo ;2011', 'Léo;Démo;2013', 'Chloé;Démo;1980'])), roster, { policy: 'merge', eventDate })
    // Chloé is Chloé (accents, case and spacing folded). A name is a weak key: a Léo born in 2013
    // is not assumed to be the Léo without a birth year, nor the Chloé born in 1980 the one of 2011.
    expect(again.duplicates.map((duplicate) => [duplicate.candidate.line, duplicate.matches])).toEqual([[2, 'Chloé Démo']])
    expect(again.toUpdate).toEqual([])
    expect(people(again.toAdd)).toEqual([
      ['Léo', 'Démo', '', '', ''],
      ['Chloé', 'Démo', '', '', ''],
    ])
  })
})

describe('merging fills blanks and lists conflicts', () => {
  const rosterEntry = (details: Partial<Participant>): Participant =>
    ({
      id: 'p1', eventId: 'e1', firstName: 'Hélène', lastName: 'Exemple', instagram: 'helene.exemple', email: 'helene.exemple@example.org',
      phone: '', role: 'iger', isMinor: false, birthYear: null, companionOf: null, notes: 'Vient en train', bookedBy: '',
      badgeCode: 'B', source: 'manual', createdAt: '2027-07-01T00:00:00.000Z', ...details,
    }) as Participant

  const file = new TextEncoder().encode(
    'Prénom;Nom;Email;Instagram;Téléphone;Notes;Tarif\r\nHélène;Exemple;helene.exemple@example.org;helene.exemple;06 99 00 10 20;Végétarienne;Presse\r\n',
  )

  it('a blank field is filled; a filled one keeps its value and the difference is a conflict', () => {
    const plan = planImport(importOf(file), [rosterEntry({})], { policy: 'merge', eventDate })
    expect(plan.conflicts).toEqual([
      { key: '2:role', line: 2, person: 'Hélène Exemple', field: 'role', current: 'iger', incoming: 'press' },
      { key: '2:notes', line: 2, person: 'Hélène Exemple', field: 'notes', current: 'Vient en train', incoming: 'Végétarienne' },
    ])
    expect(plan.toUpdate).toEqual([{ id: 'p1', details: expect.objectContaining({ phone: '06 99 00 10 20', notes: 'Vient en train', role: 'iger' }) }])
  })

  it('the organiser can take the file’s value, conflict by conflict', () => {
    const plan = planImport(importOf(file), [rosterEntry({})], { policy: 'merge', eventDate, choices: new Set(['2:role']) })
    expect(plan.toUpdate).toEqual([{ id: 'p1', details: expect.objectContaining({ notes: 'Vient en train', role: 'press' }) }])
  })

  it('skipping duplicates changes nothing and lists no conflict', () => {
    const plan = planImport(importOf(file), [rosterEntry({})], { policy: 'skip', eventDate, choices: new Set(['2:role']) })
    expect(plan).toMatchObject({ toAdd: [], toUpdate: [], conflicts: [] })
    expect(plan.duplicates).toHaveLength(1)
  })

  it('a name written differently (accents, case) is the same name, not a conflict', () => {
    const plan = planImport(importOf(file), [rosterEntry({ firstName: 'HELENE', notes: '', role: 'press', phone: '0699001020' })], { policy: 'merge', eventDate })
    expect(plan.conflicts).toEqual([])
    expect(plan.toUpdate).toEqual([{ id: 'p1', details: expect.objectContaining({ firstName: 'HELENE', notes: 'Végétarienne', phone: '0699001020' }) }])
  })

  it('the same rules apply between rows of one file', () => {
    const twice = new TextEncoder().encode('Prénom;Nom;Email;Téléphone\r\nLucas;Fictif;lucas@example.org;\r\nLucas;Fictif;lucas@example.org;0699001121\r\nLucas;Fictif;lucas@example.org;0611223344\r\n')
    const plan = planImport(importOf(twice), [], { policy: 'merge', eventDate })
    expect(people(plan.toAdd)).toEqual([['Lucas', 'Fictif', 'lucas@example.org', '', '']])
    expect(plan.toAdd[0]?.phone).toBe('0699001121')
    expect(plan.conflicts).toEqual([{ key: '4:phone', line: 4, person: 'Lucas Fictif', field: 'phone', current: '0699001121', incoming: '0611223344' }])
  })

  it('the same email with another name is another person; the same handle is the same person', () => {
    const roster = [rosterEntry({})]
    const rows = new TextEncoder().encode('Prénom;Nom;Email;Instagram\r\nPaul;Exemple;helene.exemple@example.org;\r\nLili;Exemple;;helene.exemple\r\n')
    const plan = planImport(importOf(rows), roster, { policy: 'skip', eventDate })
    expect(people(plan.toAdd)).toEqual([['Paul', 'Exemple', 'helene.exemple@example.org', '', '']])
    expect(plan.duplicates.map((duplicate) => duplicate.candidate.line)).toEqual([3])
  })
})

describe('a bad field does not lose the person', () => {
  it('the row is imported without the field, the raw value kept in the notes, the problem named', () => {
    const candidates = importFixture('helloasso-group.csv')
    const alice = candidates.find((candidate) => candidate.details?.firstName === 'Alice')
    expect(alice?.line).toBe(7)
    expect(alice?.details).toMatchObject({ instagram: '', email: 'alice.martin@example.org', notes: 'Compte Instagram (import): @alice_<b>bold</b>' })
    expect(alice?.problems).toEqual([{ field: 'instagram', code: 'invalidHandle', value: '@alice_<b>bold</b>' }])
    const plan = planImport(candidates, [], { policy: 'skip', eventDate })
    expect(plan.flagged.map((candidate) => candidate.line)).toEqual([7])
    expect(plan.invalid).toEqual([])
  })

  it('bad emails, phones and dates are dropped the same way; only a row without a name is left out', () => {
    const candidates = importOf(
      new TextEncoder().encode(
        'Prénom;Nom;Email;Téléphone;Date de naissance;Mineur;Notes\r\n' +
          'Robert;Formule;pas-un-email;appelez-moi;31/02/2011;;Allergique\r\n' +
          ';;personne@example.org;;;;\r\n' +
          'Nina;Adulte;;;1990;oui;\r\n' +
          'Tim;Jeune;;;;oui;\r\n',
      ),
    )
    expect(candidates[0]?.details).toMatchObject({
      email: '',
      phone: '',
      birthYear: null,
      notes: 'Allergique\nEmail (import): pas-un-email\nTéléphone (import): appelez-moi\nDate de naissance (import): 31/02/2011',
    })
    expect(candidates[0]?.problems.map((problem) => [problem.field, problem.code, problem.value])).toEqual([
      ['email', 'invalidEmail', 'pas-un-email'],
      ['phone', 'invalidPhone', 'appelez-moi'],
      ['birthYear', 'invalidYear', '31/02/2011'],
    ])
    expect(candidates[1]).toMatchObject({ line: 3, details: null, problems: [{ field: 'name', code: 'required', value: '' }] })
    // Marked as a minor with an adult's birth year: kept as a minor (consent rules protect minors), the year set aside.
    expect(candidates[2]?.details).toMatchObject({ isMinor: true, birthYear: null, notes: 'Date de naissance (import): 1990' })
    expect(candidates[2]?.problems.map((problem) => problem.code)).toEqual(['notAMinor'])
    // A minor without a year is imported, and the missing year is said.
    expect(candidates[3]?.details).toMatchObject({ isMinor: true, birthYear: null })
    expect(candidates[3]?.problems).toEqual([{ field: 'birthYear', code: 'required', value: '' }])
  })

  it('overlong names and notes are shortened, not refused', () => {
    const longName = 'A'.repeat(150)
    const [candidate] = importOf(new TextEncoder().encode(`Prénom;Nom;Notes\r\n${longName};B;${'n'.repeat(1200)}\r\n`))
    expect(candidate?.details?.firstName).toHaveLength(100)
    expect(candidate?.details?.notes.length).toBeLessThanOrEqual(1000)
    expect(candidate?.problems.map((problem) => `${problem.field}.${problem.code}`)).toEqual(['name.tooLong', 'notes.tooLong'])
  })
})

describe('malformed files are refused, never silently merged', () => {
  it('an unbalanced quote refuses the whole file, with its line', () => {
    expect(readImportFile(fixture('malformed.csv'))).toEqual({ ok: false, error: { code: 'malformed', problems: [{ line: 3, code: 'unclosedQuote' }] } })
  })

  it('a stray quote inside a quoted cell is named with its line', () => {
    const text = 'Prénom;Nom\r\n\r\nAlice;"Mar\r\ntin"\r\nBob;"Du"rand"\r\nCarl;Petit\r\n'
    expect(readImportFile(new TextEncoder().encode(text))).toEqual({ ok: false, error: { code: 'malformed', problems: [{ line: 5, code: 'strayQuote' }] } })
  })

  it(`a header of 50,000 columns is refused before any mapping (at most ${maxImportColumns})`, () => {
    const header = Array.from({ length: 50_000 }, (_, index) => `Colonne ${index}`)
    header[0] = 'Prénom'
    header[1] = 'Nom'
    const started = performance.now()
    const read = readImportFile(new TextEncoder().encode(`${header.join(';')}\r\nA;B\r\n`))
    console.info(`50,000-column header refused in ${Math.round(performance.now() - started)} ms`)
    expect(read).toEqual({ ok: false, error: { code: 'tooManyColumns', line: 1, columns: 50_000 } })
    expect(maxImportColumns).toBe(200)
  })

  it('rows keep the line they start on in the file, blank lines and multi-line cells counted', () => {
    const read = readImportFile(new TextEncoder().encode('Liste\r\n\r\nPrénom;Nom;Notes\r\nA;B;"deux\r\nlignes"\r\n\r\nC;D;\r\n'))
    if (!read.ok) throw new Error('unreadable')
    expect(candidatesFrom(read.value, read.value.mapping, { eventDate }).map((candidate) => candidate.line)).toEqual([4, 7])
    expect(importFixture('weezevent-group.csv').map((candidate) => candidate.line)).toEqual([4, 5, 6, 7])
  })
})

describe('encodings and stray characters', () => {
  const text = 'Prénom;Nom;Email\r\nHélène;Exemple;helene.exemple@example.org\r\n'
  const utf16 = (value: string, littleEndian: boolean) => {
    const bytes = new Uint8Array(value.length * 2)
    const view = new DataView(bytes.buffer)
    ;[...value].forEach((character, index) => view.setUint16(index * 2, character.charCodeAt(0), littleEndian))
    return bytes
  }

  it('UTF-16 LE and BE without a byte-order mark are recognised', () => {
    for (const [littleEndian, encoding] of [[true, 'utf-16le'], [false, 'utf-16be']] as const) {
      const read = readImportFile(utf16(text, littleEndian))
      expect(read.ok && read.value.encoding).toBe(encoding)
      expect(importOf(utf16(text, littleEndian)).map((candidate) => candidate.details?.firstName)).toEqual(['Hélène'])
    }
  })

  it('UTF-16 BE with its byte-order mark is read too', () => {
    const read = readImportFile(new Uint8Array([0xfe, 0xff, ...utf16(text, false)]))
    expect(read.ok && read.value.encoding).toBe('utf-16be')
  })

  it('UTF-16 that cannot be decoded is refused with the right message', () => {
    // A lone half of a surrogate pair, and an odd number of bytes.
    const broken = new Uint8Array([...utf16('Prénom;Nom\r\n', true), 0x00, 0xd8, 0x41, 0x00, 0x0d])
    expect(readImportFile(broken)).toEqual({ ok: false, error: { code: 'badEncoding' } })
  })

  it('NUL and other control characters are stripped from cells', () => {
    const dirty = 'Prénom;Nom;Notes\r\nHé\u0000lène;Exem\u0007ple;"ligne 1\nligne\u001b 2\tfin"\r\n'
    expect(importOf(new TextEncoder().encode(dirty))[0]?.details).toMatchObject({ firstName: 'Hélène', lastName: 'Exemple', notes: 'ligne 1\nligne 2\tfin' })
  })
})
