import Papa from 'papaparse'
import { displayName, validateParticipantDraft, type ParticipantDetails, type ParticipantFieldError } from './participant'
import { foldForSearch } from './search'
import { err, ok, type Result } from './result'
import type { Participant, ParticipantRole } from './types'

export const maxImportBytes = 10 * 1024 * 1024
export const maxImportRows = 20_000

// ---- Reading the bytes ----

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252'
export type ImportFileError = 'tooLarge' | 'notText' | 'empty' | 'tooManyRows' | 'noHeader'

/**
 * Text from a file as organisers' tools write it: UTF-8 with or without a byte-order mark, UTF-16
 * from Excel's "Unicode text", or Windows-1252 from Excel's "CSV (séparateur : point-virgule)".
 */
export function decodeImportFile(bytes: Uint8Array): Result<{ text: string; encoding: FileEncoding }, ImportFileError> {
  if (bytes.length > maxImportBytes) return err('tooLarge')
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checkText(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8-bom')
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le')
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8')
  } catch {
    return checkText(new TextDecoder('windows-1252').decode(bytes), 'windows-1252')
  }
}

function checkText(text: string, encoding: FileEncoding): Result<{ text: string; encoding: FileEncoding }, ImportFileError> {
  if (text.trim() === '') return err('empty')
  // Images, PDFs and spreadsheets saved as .xlsx are full of control characters; text is not.
  const sample = text.slice(0, 4096)
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0
  if (controls > sample.length * 0.01) return err('notText')
  return ok({ text, encoding })
}

// ---- Splitting into rows ----

export type Delimiter = ',' | ';' | '\t'
const delimiters: Delimiter[] = [';', ',', '\t']

/** The delimiter that splits the first lines into the same, largest number of columns. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').slice(0, 20)
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

export function parseRows(text: string, delimiter: Delimiter): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' })
  return parsed.data.map((row) => row.map((cell) => cell.trim()))
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
] as const
export type ImportField = (typeof importFields)[number]

/** Header names seen in HelloAsso, Weezevent, Eventbrite, pretix and Google Forms exports, folded. */
const headerNames: Record<Exclude<ImportField, 'ignore'>, string[]> = {
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
  return foldForSearch(header).replace(/[^a-z0-9]+/g, ' ').trim()
}

export function fieldForHeader(header: string): ImportField {
  const folded = foldHeader(header)
  if (folded === '') return 'ignore'
  for (const [field, names] of Object.entries(headerNames) as Array<[Exclude<ImportField, 'ignore'>, string[]]>) {
    if (names.includes(folded)) return field
  }
  // "Email de l'acheteur", "Votre pseudo Instagram ?": a known word inside a longer header.
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
  for (let index = 0; index < Math.min(rows.length, 15); index += 1) {
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

function yearFromText(text: string): string {
  return /\b(19|20)\d{2}\b/.exec(text)?.[0] ?? text
}

function truthy(text: string): boolean {
  return /^(oui|yes|y|o|true|vrai|1|x)$/i.test(text.trim())
}

export type RowProblem = ParticipantFieldError

export interface ImportCandidate {
  /** 1-based line in the file, for messages a person can find. */
  line: number
  details: ParticipantDetails | null
  problems: RowProblem[]
  /** What was read, for the preview. */
  raw: Record<Exclude<ImportField, 'ignore'>, string>
}

export function candidatesFrom(
  rows: readonly string[][],
  headerIndex: number,
  mapping: readonly ImportField[],
  context: { currentYear: number },
): ImportCandidate[] {
  return rows.slice(headerIndex + 1).map((row, offset) => {
    const raw = {
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
    }
    mapping.forEach((field, column) => {
      if (field !== 'ignore') raw[field] = row[column]?.trim() ?? ''
    })
    let { firstName, lastName } = raw
    if (firstName === '' && lastName === '' && raw.fullName !== '') {
      const words = raw.fullName.split(/\s+/)
      lastName = words.length > 1 ? (words.pop() ?? '') : ''
      firstName = words.join(' ')
    }
    const birthYear = yearFromText(raw.birthYear)
    const isMinor =
      truthy(raw.minor) || (/^\d{4}$/.test(birthYear) && context.currentYear - Number(birthYear) < 18)
    const result = validateParticipantDraft(
      {
        firstName,
        lastName,
        instagram: raw.instagram,
        email: raw.email,
        phone: raw.phone,
        role: raw.role === '' ? 'iger' : roleFromText(raw.role),
        isMinor,
        birthYear,
        companionOf: '',
        notes: raw.notes,
        bookedBy: '',
      },
      context,
    )
    return {
      line: headerIndex + offset + 2,
      details: result.ok ? result.value : null,
      problems: result.ok ? [] : result.error,
      raw,
    }
  })
}

// ---- Duplicates and the plan ----

export type DuplicatePolicy = 'merge' | 'skip'

/** Two registrations are one person when they share an email or an Instagram handle. */
export function identityKeys(person: Pick<ParticipantDetails, 'email' | 'instagram'>): string[] {
  return [person.email && `email:${person.email}`, person.instagram && `instagram:${person.instagram}`].filter(
    (key): key is string => key !== '',
  )
}

export interface ImportPlan {
  toAdd: ParticipantDetails[]
  toUpdate: Array<{ id: string; details: ParticipantDetails }>
  /** Rows matching someone already registered (or an earlier row), with who they match. */
  duplicates: Array<{ candidate: ImportCandidate; matches: string }>
  unchanged: number
  invalid: ImportCandidate[]
}

const mergeableFields = ['firstName', 'lastName', 'instagram', 'email', 'phone', 'birthYear', 'notes'] as const

/** The existing record, completed with what the row adds; null when the row adds nothing. */
function merged(existing: ParticipantDetails, incoming: ParticipantDetails): ParticipantDetails | null {
  const result = { ...existing }
  let changed = false
  for (const field of mergeableFields) {
    const value = incoming[field]
    if (value !== '' && value !== null && value !== existing[field]) {
      ;(result as Record<string, unknown>)[field] = value
      changed = true
    }
  }
  if (incoming.isMinor && !existing.isMinor) {
    result.isMinor = true
    changed = true
  }
  return changed ? result : null
}

export function planImport(
  candidates: readonly ImportCandidate[],
  roster: readonly Participant[],
  policy: DuplicatePolicy,
): ImportPlan {
  const plan: ImportPlan = { toAdd: [], toUpdate: [], duplicates: [], unchanged: 0, invalid: [] }
  const byKey = new Map<string, { kind: 'roster'; participant: Participant } | { kind: 'row'; index: number }>()
  for (const participant of roster) {
    for (const key of identityKeys(participant)) byKey.set(key, { kind: 'roster', participant })
  }
  const updates = new Map<string, ParticipantDetails>()
  for (const candidate of candidates) {
    const details = candidate.details
    if (!details) {
      plan.invalid.push(candidate)
      continue
    }
    const match = identityKeys(details)
      .map((key) => byKey.get(key))
      .find((found) => found !== undefined)
    if (!match) {
      const index = plan.toAdd.push(details) - 1
      for (const key of identityKeys(details)) byKey.set(key, { kind: 'row', index })
      continue
    }
    const matched = match.kind === 'roster' ? match.participant : plan.toAdd[match.index]
    plan.duplicates.push({ candidate, matches: matched ? displayName(matched) : '' })
    if (policy === 'skip') continue
    if (match.kind === 'row') {
      const combined = merged(plan.toAdd[match.index] as ParticipantDetails, details)
      if (combined) plan.toAdd[match.index] = combined
      continue
    }
    const base = updates.get(match.participant.id) ?? match.participant
    const combined = merged(base, details)
    if (combined) updates.set(match.participant.id, combined)
    else plan.unchanged += 1
  }
  for (const [id, details] of updates) {
    const { firstName, lastName, instagram, email, phone, role, isMinor, birthYear, companionOf, notes, bookedBy } = details
    plan.toUpdate.push({ id, details: { firstName, lastName, instagram, email, phone, role, isMinor, birthYear, companionOf, notes, bookedBy } })
  }
  return plan
}

/** The whole reading of a file, from bytes to the rows and a first guess at the columns. */
export function readImportFile(
  bytes: Uint8Array,
): Result<{ encoding: FileEncoding; delimiter: Delimiter; rows: string[][]; headerIndex: number; mapping: ImportField[] }, ImportFileError> {
  const decoded = decodeImportFile(bytes)
  if (!decoded.ok) return decoded
  const delimiter = detectDelimiter(decoded.value.text)
  const rows = parseRows(decoded.value.text, delimiter)
  const headerIndex = detectHeaderRow(rows)
  if (headerIndex === null) return err('noHeader')
  if (rows.length - headerIndex - 1 > maxImportRows) return err('tooManyRows')
  if (rows.length - headerIndex - 1 === 0) return err('empty')
  return ok({
    encoding: decoded.value.encoding,
    delimiter,
    rows,
    headerIndex,
    mapping: guessMapping(rows[headerIndex] ?? []),
  })
}
