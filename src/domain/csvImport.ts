import Papa from 'papaparse'
import { isMinorOn, parseBirthDate } from './age'
import { normalisedName } from './identity'
import { normaliseParticipantDraft, maxNotesLength, type ParticipantDetails, type ParticipantFieldError } from './participant'
import { err, ok, type Result } from './result'
import { foldForSearch } from './search'
import type { LocalDate, ParticipantRole } from './types'

export const maxImportBytes = 10 * 1024 * 1024
export const maxImportRows = 20_000
/** No participant list has this many columns; a wider file is refused before the mapping screen. */
export const maxImportColumns = 200
/** Lines above the header that may hold a title or a date. */
const headerSearchLines = 15

// ---- Reading the bytes ----

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** Where a file breaks the CSV rules, by the line a person can find in a text editor. */
export interface FileProblem {
  line: number
  code: 'unclosedQuote' | 'strayQuote' | 'malformed'
}

export type ImportFileError =
  | { code: 'tooLarge' | 'notText' | 'badEncoding' | 'empty' | 'tooManyRows' | 'noHeader' }
  | { code: 'tooManyColumns'; line: number; columns: number }
  | { code: 'malformed'; problems: FileProblem[] }

type Decoded = Result<{ text: string; encoding: FileEncoding }, ImportFileError>

/**
 * UTF-16 without a byte-order mark, as some exports write it: text that is mostly Latin has a zero
 * byte in every other position, after each character (little-endian) or before it (big-endian).
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1
  if (length < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let index = 0; index < length; index += 1) {
    if (bytes[index] === 0) {
      if (index % 2 === 0) evenZeros += 1
      else oddZeros += 1
    }
  }
  const pairs = length / 2
  if (oddZeros > pairs * 0.3 && evenZeros * 4 < oddZeros) return 'utf-16le'
  if (evenZeros > pairs * 0.3 && oddZeros * 4 < evenZeros) return 'utf-16be'
  return null
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return checkText(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding)
  } catch {
    // Half a character at the end, or half of a surrogate pair: not text we can trust.
    return err({ code: 'badEncoding' })
  }
}

/**
 * Text from a file as organisers' tools write it: UTF-8 with or without a byte-order mark, UTF-16
 * (Excel's "Unicode text") with or without one, or Windows-1252 (Excel's "CSV (séparateur :
 * point-virgule)").
 */
export function decodeImportFile(bytes: Uint8Array): Decoded {
  if (bytes.length > maxImportBytes) return err({ code: 'tooLarge' })
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checkText(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), 'utf-8-bom')
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be')
  const utf16 = utf16WithoutMark(bytes)
  if (utf16) return decodeUtf16(bytes, utf16)
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), 'utf-8')
  } catch {
    return checkText(new TextDecoder('windows-1252').decode(bytes), 'windows-1252')
  }
}

function checkText(text: string, encoding: FileEncoding): Decoded {
  if (text.trim() === '') return err({ code: 'empty' })
  // Images, PDFs and spreadsheets saved as .xlsx are full of control characters; text has none, or
  // a stray few (stripped from the cells).
  const sample = text.slice(0, 4096)
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0
  if (controls > 8 && controls > sample.length * 0.01) return err({ code: 'notText' })
  return ok({ text, encoding })
}

/** Control characters other than tab and line breaks: NUL bytes and escapes that no cell means. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const strayControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

// ---- Splitting into rows ----

export type Delimiter = ',' | ';' | '\t'
const delimiters: Delimiter[] = [';', ',', '\t']

/** The delimiter that splits the first lines into the same, largest number of columns. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.slice(0, 256 * 1024).split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').slice(0, 20)
  let best: Delimiter = ','
  let bestScore = -1
  for (const delimiter of delimiters) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter))
    const typical = mode(counts)
    const consistent = counts.filter((count) => count === typical).length
    const score = typical === 0 ? 0 : consistent * 100 + typical
    if (score > bestScore) {
      best = delimiter
      bestScore = score
    }
  }
  return best
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0
  let quoted = false
  for (const character of line) {
    if (character === '"') quoted = !quoted
    else if (character === delimiter && !quoted) count += 1
  }
  return count
}

function mode(values: number[]): number {
  const tally = new Map<number, number>()
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1)
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0
}

/** The rows of a file, each with the line it starts on (blank lines and multi-line cells counted). */
export interface ImportTable {
  rows: string[][]
  /** 1-based line of each row in the file, for messages a person can find. */
  lines: number[]
  headerIndex: number
}

const problemCodes: Record<string, FileProblem['code']> = { MissingQuotes: 'unclosedQuote', InvalidQuotes: 'strayQuote' }

/**
 * Splits the text into trimmed cells. Any error PapaParse reports (a quote that opens a cell and
 * never closes would swallow every following row into one cell) refuses the whole file, with the
 * line of each problem. A row wider than `maxImportColumns` stops the reading at once.
 */
export function splitRows(text: string, delimiter: Delimiter): Result<{ rows: string[][]; lines: number[] }, ImportFileError> {
  const rows: string[][] = []
  const lines: number[] = []
  const problems: FileProblem[] = []
  let refusal: ImportFileError | null = null
  // Lines are counted as the parser moves on, so the whole count stays linear.
  let position = 0
  let line = 1
  const advanceTo = (target: number) => {
    for (; position < target; position += 1) {
      const character = text.charCodeAt(position)
      if (character === 10 || (character === 13 && text.charCodeAt(position + 1) !== 10)) line += 1
    }
  }
  let rowEnd = 0
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      // The row starts at its first visible character after the previous row: skipped blank lines
      // lie in between.
      let start = rowEnd
      while (start < text.length && /\s/.test(text.charAt(start))) start += 1
      advanceTo(start)
      rowEnd = result.meta.cursor
      const cells = result.data
      if (cells.length > maxImportColumns) {
        refusal = { code: 'tooManyColumns', line, columns: cells.length }
        parser.abort()
        return
      }
      for (const error of result.errors) {
        const code = problemCodes[error.code] ?? 'malformed'
        if (!problems.some((problem) => problem.line === line && problem.code === code)) problems.push({ line, code })
      }
      rows.push(cells.map((cell) => cell.trim()))
      lines.push(line)
      if (rows.length > maxImportRows + headerSearchLines + 1) {
        refusal = { code: 'tooManyRows' }
        parser.abort()
      }
    },
  })
  if (refusal) return err(refusal)
  if (problems.length > 0) return err({ code: 'malformed', problems })
  return ok({ rows, lines })
}

// ---- Columns ----

export const importFields = [
  'ignore',
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'instagram',
  'role',
  'birthYear',
  'minor',
  'notes',
  'payerFirstName',
  'payerLastName',
  'payerName',
  'payerEmail',
] as const
export type ImportField = (typeof importFields)[number]
export type MappedField = Exclude<ImportField, 'ignore'>

type ParticipantField = Exclude<MappedField, 'payerFirstName' | 'payerLastName' | 'payerName' | 'payerEmail'>

/** Header names seen in HelloAsso, Weezevent, Eventbrite, pretix and Google Forms exports, folded. */
const headerNames: Record<ParticipantField, string[]> = {
  firstName: ['prenom', 'first name', 'firstname', 'given name', 'prenom participant', 'prenom du participant', 'attendee first name', 'prenom de l adherent', 'attendee name given name'],
  lastName: ['nom', 'last name', 'lastname', 'surname', 'family name', 'nom de famille', 'nom participant', 'nom du participant', 'attendee last name', 'nom de l adherent', 'attendee name family name'],
  fullName: ['nom complet', 'name', 'full name', 'attendee name', 'participant', 'nom et prenom', 'prenom et nom', 'nom prenom', 'prenom nom'],
  email: ['email', 'e mail', 'mail', 'courriel', 'adresse email', 'adresse e mail', 'email address', 'adresse mail', 'email participant', 'e mail participant', 'attendee email', 'email du participant', 'attendee e mail'],
  phone: ['telephone', 'phone', 'mobile', 'portable', 'tel', 'numero de telephone', 'phone number', 'cell phone', 'telephone portable', 'mobile phone', 'numero de portable'],
  instagram: ['instagram', 'compte instagram', 'pseudo instagram', 'instagram handle', 'handle', 'insta', 'identifiant instagram', 'votre compte instagram', 'nom d utilisateur instagram', 'instagram username'],
  role: ['role', 'type', 'categorie', 'category', 'profil', 'statut', 'type de participant', 'tarif', 'ticket type', 'type de billet', 'product', 'produit'],
  birthYear: ['annee de naissance', 'date de naissance', 'birth year', 'year of birth', 'birth date', 'date of birth', 'birthdate', 'ne e le', 'naissance'],
  minor: ['mineur', 'minor', 'moins de 18 ans', 'under 18', 'mineur e'],
  notes: ['notes', 'note', 'commentaire', 'commentaires', 'remarques', 'remarque', 'comment', 'comments', 'message'],
}

function foldHeader(header: string): string {
  // "Nom de l’acheteur": the apostrophe separates words.
  return foldForSearch(header.replace(/[’'`]/g, ' ')).replace(/[^a-z0-9]+/g, ' ').trim()
}

/** Words naming who paid or ordered, in the exports' French and English. */
const payerWords = /\b(?:payeur|payeuse|acheteur|acheteuse|buyer|purchaser|booker|reservataire|commanditaire|commande|order)\b|\bbooked by\b|\breserve par\b/
/** The same, when a header is nothing else ("Acheteur", "Réservé par"): the payer's name. ("Order #" is not.) */
const payerAlone = /^(?:(?:de|du|la|le|l|the|of|par|by)\s+)*(?:payeur|payeuse|acheteur|acheteuse|buyer|purchaser|booker|reservataire|commanditaire|booked by|reserve par)$/

/** A column about the person who paid or ordered: never the participant's, even when it is the only one. */
function payerFieldForHeader(folded: string): ImportField | null {
  if (!payerWords.test(folded)) return null
  if (/\be ?mail\b|\bcourriel\b/.test(folded)) return 'payerEmail'
  if (/\bprenom\b|\bfirst ?name\b|\bgiven name\b/.test(folded)) return 'payerFirstName'
  if (/\bnom complet\b|\bfull name\b/.test(folded)) return 'payerName'
  if (/\bnom\b|\blast ?name\b|\bsurname\b|\bfamily name\b/.test(folded)) return 'payerLastName'
  if (/\bname\b/.test(folded) || payerAlone.test(folded)) return 'payerName'
  // An order's number, date or status says nothing about a person.
  return 'ignore'
}

export function fieldForHeader(header: string): ImportField {
  const folded = foldHeader(header)
  if (folded === '') return 'ignore'
  const payer = payerFieldForHeader(folded)
  if (payer) return payer
  for (const [field, names] of Object.entries(headerNames) as Array<[ParticipantField, string[]]>) {
    if (names.includes(folded)) return field
  }
  // "Votre pseudo Instagram ?": a known word inside a longer header.
  if (/\binstagram\b|\binsta\b/.test(folded)) return 'instagram'
  if (/\be ?mail\b|\bcourriel\b/.test(folded)) return 'email'
  if (/\btelephone\b|\bphone\b|\bportable\b/.test(folded)) return 'phone'
  if (/\bprenom\b|\bfirst name\b/.test(folded)) return 'firstName'
  if (/\bnaissance\b|\bbirth\b/.test(folded)) return 'birthYear'
  return 'ignore'
}

/** The mapping of each column to a field; a field is taken by its first column only. */
export function guessMapping(headers: readonly string[]): ImportField[] {
  const taken = new Set<ImportField>()
  const mapping = headers.map((header) => {
    const field = fieldForHeader(header)
    if (field === 'ignore' || taken.has(field)) return 'ignore'
    taken.add(field)
    return field
  })
  // A separate first and last name win over a full-name column.
  if (taken.has('firstName') && taken.has('lastName')) {
    return mapping.map((field) => (field === 'fullName' ? 'ignore' : field))
  }
  return mapping
}

/** The header row: among the first lines, the first one that names at least two known columns. */
export function detectHeaderRow(rows: readonly string[][]): number | null {
  for (let index = 0; index < Math.min(rows.length, headerSearchLines); index += 1) {
    const known = (rows[index] ?? []).filter((cell) => fieldForHeader(cell) !== 'ignore').length
    if (known >= 2) return index
  }
  return null
}

// ---- Rows to participants ----

const roleWords: Array<[RegExp, ParticipantRole]> = [
  [/presse|press|journalist|media/, 'press'],
  [/staff|equipe|team|organis|benevol|volunteer/, 'staff'],
  [/partenaire|partner|sponsor|vigneron|exposant/, 'partner'],
  [/ambassad|photograph|local/, 'ambassador'],
  [/iger|instagram|influenc|createur|creator|blogg/, 'iger'],
]

export function roleFromText(text: string): ParticipantRole {
  const folded = foldForSearch(text)
  return roleWords.find(([pattern]) => pattern.test(folded))?.[1] ?? 'iger'
}

function truthy(text: string): boolean {
  return /^(oui|yes|y|o|true|vrai|1|x)$/i.test(text.trim())
}

/** A problem of one row, with the value the file had (shown in the preview, as text). */
export type RowProblem = ParticipantFieldError & { value: string }

export interface ImportCandidate {
  /** 1-based line in the file, for messages a person can find. */
  line: number
  /** Null only when the row has no name at all: it is left out. */
  details: ParticipantDetails | null
  /** What was set aside or shortened; the person is imported all the same (unless `details` is null). */
  problems: RowProblem[]
  /** What was read, for the preview and for telling which fields the file gave. */
  raw: Record<MappedField, string>
}

/** The booker as one contact: "Paul Démo <paul@example.org>", or the name, or the email. */
function contact(name: string, email: string): string {
  if (name !== '' && email !== '') return `${name} <${email}>`
  return name || email
}

/** Fields whose bad value is set aside in the notes, with the file's own name for the column. */
const droppedFields = ['instagram', 'email', 'phone', 'birthYear'] as const
const fieldOrder: Array<ParticipantFieldError['field']> = ['name', 'instagram', 'email', 'phone', 'role', 'birthYear', 'notes', 'bookedBy']
/** A raw value kept in the notes is cut here: the notes stay readable. */
const maxKeptValue = 200

export function candidatesFrom(
  table: ImportTable,
  mapping: readonly ImportField[],
  context: { eventDate: LocalDate },
): ImportCandidate[] {
  const headers = table.rows[table.headerIndex] ?? []
  const headerOf = (field: MappedField) => {
    const column = mapping.indexOf(field)
    return (column >= 0 ? headers[column] : '') || field
  }
  return table.rows.slice(table.headerIndex + 1).map((row, offset) => {
    const raw: Record<MappedField, string> = {
      firstName: '',
      lastName: '',
      fullName: '',
      email: '',
      phone: '',
      instagram: '',
      role: '',
      birthYear: '',
      minor: '',
      notes: '',
      payerFirstName: '',
      payerLastName: '',
      payerName: '',
      payerEmail: '',
    }
    mapping.forEach((field, column) => {
      if (field !== 'ignore') raw[field] = row[column]?.trim() ?? ''
    })
    const line = table.lines[table.headerIndex + 1 + offset] ?? table.headerIndex + offset + 2
    let { firstName, lastName } = raw
    if (firstName === '' && lastName === '' && raw.fullName !== '') {
      const words = raw.fullName.split(/\s+/)
      lastName = words.length > 1 ? (words.pop() ?? '') : ''
      firstName = words.join(' ')
    }

    const birth = raw.birthYear === '' ? null : parseBirthDate(raw.birthYear)
    const unreadableBirth = raw.birthYear !== '' && birth === null
    const isMinor = truthy(raw.minor) || (birth !== null && isMinorOn(birth, context.eventDate))

    // The payer is the participant when their names are the same (who booked for themselves, or,
    // without names, when the emails are): then the payer's email is the participant's own, unless
    // the file gives the participant one. Otherwise the payer is a contact of its own.
    const payerName = raw.payerName || [raw.payerFirstName, raw.payerLastName].filter((part) => part !== '').join(' ')
    const ownName = normalisedName(firstName, lastName)
    const payerIsParticipant =
      payerName !== ''
        ? normalisedName(payerName) === ownName || normalisedName(raw.payerLastName, raw.payerFirstName) === ownName
        : raw.payerEmail !== '' && raw.payerEmail.toLowerCase() === raw.email.toLowerCase()
    const email = raw.email || (payerIsParticipant ? raw.payerEmail : '')

    const { details, errors } = normaliseParticipantDraft(
      {
        firstName,
        lastName,
        instagram: raw.instagram,
        email,
        phone: raw.phone,
        role: raw.role === '' ? 'iger' : roleFromText(raw.role),
        isMinor,
        // The date as written when it was read: an exact age on the event's day; else the year.
        birthYear: birth === null ? '' : birth.days.length === 1 ? raw.birthYear : String(birth.year),
        companionOf: '',
        notes: raw.notes,
        bookedBy: payerIsParticipant ? '' : contact(payerName, raw.payerEmail),
      },
      context,
    )
    if (errors.some((error) => error.field === 'name' && error.code === 'required')) {
      return { line, details: null, problems: [{ field: 'name', code: 'required', value: '' }], raw }
    }
    const valueOf = (field: ParticipantFieldError['field']): string => {
      if (field === 'name') return [firstName, lastName].join(' ').trim()
      if (field === 'email') return email
      if (field === 'bookedBy') return payerName || raw.payerEmail
      return field === 'role' ? raw.role : raw[field]
    }
    const problems: RowProblem[] = errors
      // An unreadable date is the problem to name, not the year it leaves missing.
      .filter((error) => !(unreadableBirth && error.field === 'birthYear'))
      .map((error) => ({ ...error, value: valueOf(error.field) }))
    if (unreadableBirth) problems.push({ field: 'birthYear', code: 'invalidYear', value: raw.birthYear })
    problems.sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field))

    // A value set aside is kept in the notes, under the file's own name for its column.
    const setAside = problems
      .filter((problem) => (droppedFields as readonly string[]).includes(problem.field) && problem.value !== '')
      .map((problem) => `${headerOf(problem.field as (typeof droppedFields)[number])} (import): ${problem.value.slice(0, maxKeptValue)}`)
    if (setAside.length > 0) {
      const notes = [details.notes, ...setAside].filter((part) => part !== '').join('\n')
      if (notes.length > maxNotesLength && !problems.some((problem) => problem.field === 'notes')) {
        problems.push({ field: 'notes', code: 'tooLong', value: raw.notes })
      }
      details.notes = notes.slice(0, maxNotesLength)
    }
    return { line, details, problems, raw }
  })
}

export interface ImportFile extends ImportTable {
  encoding: FileEncoding
  delimiter: Delimiter
  mapping: ImportField[]
}

/** The whole reading of a file, from bytes to the rows and a first guess at the columns. */
export function readImportFile(bytes: Uint8Array): Result<ImportFile, ImportFileError> {
  const decoded = decodeImportFile(bytes)
  if (!decoded.ok) return decoded
  const text = decoded.value.text.replace(strayControls, '')
  const delimiter = detectDelimiter(text)
  const split = splitRows(text, delimiter)
  if (!split.ok) return split
  const { rows, lines } = split.value
  const headerIndex = detectHeaderRow(rows)
  if (headerIndex === null) return err({ code: 'noHeader' })
  if (rows.length - headerIndex - 1 > maxImportRows) return err({ code: 'tooManyRows' })
  if (rows.length - headerIndex - 1 === 0) return err({ code: 'empty' })
  return ok({
    encoding: decoded.value.encoding,
    delimiter,
    rows,
    lines,
    headerIndex,
    mapping: guessMapping(rows[headerIndex] ?? []),
  })
}
