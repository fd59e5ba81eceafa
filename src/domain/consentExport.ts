import { csvDelimiterFor } from './attendanceExport'
import { consentStatuses, grantsKind, type ConsentStatus } from './consent'
import { consentDocumentTexts, type ConsentDocumentTexts } from './consentExportTexts'
import { toCsv } from './csvWrite'
import { displayName } from './participant'
import { epochMsToZoned, timeZoneOffsetMinutes } from './time'
import type {
  CheckIn,
  ConsentItem,
  ConsentRecord,
  ConsentTemplate,
  Id,
  IsoInstant,
  Language,
  Participant,
  PhotowalkEvent,
  Stop,
} from './types'

/** What an export of an event's consents is made from. */
export interface ConsentExportInput {
  event: PhotowalkEvent
  participants: readonly Participant[]
  templates: readonly ConsentTemplate[]
  records: readonly ConsentRecord[]
}

/** Bumped whenever the shape of `consents.json` changes, so a reader knows what it holds. */
export const consentsJsonFormatVersion = 1

export const consentExportFileNames = {
  csv: 'consents.csv',
  reusablePhotos: 'reusable-photos.csv',
  json: 'consents.json',
  register: 'register.pdf',
  sums: 'SHA256SUMS',
  readme: 'README.txt',
  pdfFolder: 'pdfs',
} as const

// ---- Names ----

/** Letters and digits of any script, without accents, joined by dashes: a name every system accepts. */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .toLowerCase()
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '')
}

/** `<event-name>-<date>-consents.zip`. */
export function consentZipName(event: Pick<PhotowalkEvent, 'name' | 'date'>): string {
  return `${slugify(event.name) || 'photowalk'}-${event.date}-consents.zip`
}

/** A participant's right-of-access file: `<name>-<date>-data.<extension>`. */
export function accessExportFileName(participant: Pick<Participant, 'firstName' | 'lastName'>, event: Pick<PhotowalkEvent, 'date'>, extension: 'json' | 'pdf'): string {
  return `${slugify(displayName(participant)) || 'participant'}-${event.date}-data.${extension}`
}

/**
 * One PDF name per record, in `pdfs/`: the record's time, the person (or "erased" and their id
 * once their name is gone), the kind and the start of the record's hash. Unique even when two
 * records share all of that.
 */
export function consentPdfFileNames(records: readonly ConsentRecord[], participants: readonly Participant[]): Map<Id, string> {
  const byId = new Map(participants.map((participant) => [participant.id, participant]))
  const names = new Map<Id, string>()
  const taken = new Set<string>()
  for (const record of records) {
    const participant = byId.get(record.participantId)
    const who = participant
      ? slugify(`${participant.lastName} ${participant.firstName}`, 40)
      : record.personal
        ? slugify(record.personal.signerName, 40)
        : `erased-${slugify(record.participantId, 8)}`
    const base = `${record.at.slice(0, 10)}-${who || 'participant'}-${record.kind}-${slugify(record.hash, 8) || 'record'}`
    let name = `${consentExportFileNames.pdfFolder}/${base}.pdf`
    for (let copy = 2; taken.has(name); copy += 1) name = `${consentExportFileNames.pdfFolder}/${base}-${copy}.pdf`
    taken.add(name)
    names.set(record.id, name)
  }
  return names
}

// ---- Times ----

/** `2027-07-24 10:15 (Europe/Paris, UTC+02:00)`: what the clocks at the event showed. */
export function formatInstantInZone(instant: IsoInstant, timeZone: string): string {
  const epochMs = Date.parse(instant)
  const { date, time } = epochMsToZoned(epochMs, timeZone)
  const offset = timeZoneOffsetMinutes(epochMs, timeZone)
  const sign = offset < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${date} ${time} (${timeZone}, UTC${sign}${hours}:${minutes})`
}

/** `2027-07-24 08:15:00 UTC`. */
export function formatInstantUtc(instant: IsoInstant): string {
  return `${new Date(Date.parse(instant)).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

// ---- consents.csv ----

export interface ConsentItemColumn {
  id: string
  kind: ConsentItem['kind']
  /** The column's header: the kind's name, or the item's id when two items share a kind. */
  header: string
}

/** One column per item of any version of the form, in the order of the latest version. */
export function consentItemColumns(templates: readonly ConsentTemplate[], texts: ConsentDocumentTexts): ConsentItemColumn[] {
  const items = new Map<string, ConsentItem>()
  const newestFirst = [...templates].sort((a, b) => b.version - a.version)
  for (const template of newestFirst) for (const item of template.texts.fr.items) if (!items.has(item.id)) items.set(item.id, item)
  const kindCount = new Map<string, number>()
  for (const item of items.values()) kindCount.set(item.kind, (kindCount.get(item.kind) ?? 0) + 1)
  return [...items.values()].map((item) => ({
    id: item.id,
    kind: item.kind,
    header: kindCount.get(item.kind) === 1 && item.kind !== 'other' ? texts.itemKinds[item.kind] : `${texts.itemKinds[item.kind]} (${item.id})`,
  }))
}

const sortByName = (a: Participant, b: Participant) =>
  a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || (a.id < b.id ? -1 : 1)

/** Everyone the export speaks of: the roster, then people no longer on it whose records remain. */
function peopleOf(input: ConsentExportInput, statuses: Map<Id, ConsentStatus>) {
  const onRoster = [...input.participants].sort(sortByName)
  const known = new Set(onRoster.map((participant) => participant.id))
  const gone = [...statuses.keys()].filter((id) => !known.has(id)).sort()
  return { onRoster, gone }
}

/**
 * The rows of `consents.csv`, header first: one per participant with the current state of each
 * item, the grant in force (form version and hash, when, guardian, record hash) and the latest
 * withdrawal. Someone erased on request appears by id only, with "erased on <date>".
 */
export function consentCsvRows(input: ConsentExportInput, language: Language): string[][] {
  const texts = consentDocumentTexts[language]
  const { timeZone } = input.event
  const columns = consentItemColumns(input.templates, texts)
  const templates = new Map(input.templates.map((template) => [template.id, template]))
  const statuses = consentStatuses(input.records)
  const header = [
    texts.participantId,
    texts.firstName,
    texts.lastName,
    texts.instagram,
    texts.status,
    ...columns.map((column) => column.header),
    texts.signedBy,
    texts.templateVersion,
    texts.templateHash,
    texts.signedAtLocal,
    texts.signedAtUtc,
    texts.withdrawnAt,
    texts.guardianName,
    texts.guardianRelationship,
    texts.recordHash,
  ]
  const row = (id: Id, participant: Participant | null, status: ConsentStatus | undefined): string[] => {
    if (status?.erasedAt) {
      const erasedOn = texts.erasedOn(formatInstantInZone(status.erasedAt, timeZone))
      return [id, '', '', '', erasedOn, ...columns.map(() => ''), '', '', '', '', '', '', '', '', '']
    }
    const grant = status?.grant ?? null
    const template = grant ? templates.get(grant.templateId) : undefined
    const lastWithdrawal = status?.withdrawals.at(-1)
    const guardian = grant?.personal?.guardian ?? null
    return [
      id,
      participant?.firstName ?? '',
      participant?.lastName ?? '',
      participant?.instagram ?? '',
      texts.overall[status?.overall ?? 'none'],
      ...columns.map((column) => {
        const state = status?.items[column.id]
        return state ? texts.itemStates[state] : ''
      }),
      grant?.personal?.signerName ?? '',
      template ? String(template.version) : '',
      grant?.templateHash ?? '',
      grant ? formatInstantInZone(grant.at, timeZone) : '',
      grant ? formatInstantUtc(grant.at) : '',
      lastWithdrawal ? formatInstantInZone(lastWithdrawal.at, timeZone) : '',
      guardian?.name ?? '',
      guardian?.relationship ?? '',
      grant?.hash ?? '',
    ]
  }
  const { onRoster, gone } = peopleOf(input, statuses)
  return [
    header,
    ...onRoster.map((participant) => row(participant.id, participant, statuses.get(participant.id))),
    ...gone.map((id) => row(id, null, statuses.get(id))),
  ]
}

// ---- reusable-photos.csv ----

/** `© First Last / @handle`, or `© First Last` for someone without a handle. */
export function creditLine(participant: Pick<Participant, 'firstName' | 'lastName' | 'instagram'>): string {
  const name = displayName(participant)
  return participant.instagram ? `© ${name} / @${participant.instagram}` : `© ${name}`
}

/**
 * The rows of `reusable-photos.csv`, header first: everyone on the roster whose current consent
 * grants photo reuse — not withdrawn since, not erased. The handle is written without its `@`,
 * which a spreadsheet would take for the start of a formula.
 */
export function reusablePhotoRows(input: ConsentExportInput, language: Language): string[][] {
  const texts = consentDocumentTexts[language]
  const templates = new Map(input.templates.map((template) => [template.id, template]))
  const statuses = consentStatuses(input.records)
  const rows = [...input.participants]
    .sort(sortByName)
    .filter((participant) => {
      const status = statuses.get(participant.id)
      if (!status?.grant) return false
      return grantsKind(status, templates.get(status.grant.templateId), 'photoReuse')
    })
    .map((participant) => [
      participant.instagram,
      creditLine(participant),
      participant.firstName,
      participant.lastName,
      participant.instagram ? `https://www.instagram.com/${participant.instagram}/` : '',
    ])
  return [[texts.instagram, texts.creditLine, texts.firstName, texts.lastName, texts.profile], ...rows]
}

/** The two CSV files as written into the ZIP: UTF-8 with a BOM, the reader's separator, formulas neutralised. */
export function consentsCsv(input: ConsentExportInput, language: Language): string {
  return toCsv(consentCsvRows(input, language), csvDelimiterFor(language))
}

export function reusablePhotosCsv(input: ConsentExportInput, language: Language): string {
  return toCsv(reusablePhotoRows(input, language), csvDelimiterFor(language))
}

// ---- consents.json ----

/**
 * Everything needed to verify the register again without the app: the event, every version of
 * the form, every record as stored (signature strokes included), and who each participant id is
 * (erased people are absent from that list).
 */
export function consentsJsonDocument(input: ConsentExportInput, exportedAt: IsoInstant) {
  const { event } = input
  const statuses = consentStatuses(input.records)
  const { onRoster } = peopleOf(input, statuses)
  return {
    format: 'photowalk-consents',
    formatVersion: consentsJsonFormatVersion,
    exportedAt,
    hashing:
      'SHA-256 (hex) of RFC 8785 canonical JSON. Template: {eventId, version, organisation, contact, texts}. Record: every field but "hash" and "personal"; "personalHash" covers "personal". "previousHash" chains the records of one device in "sequence" order.',
    event: {
      id: event.id,
      name: event.name,
      date: event.date,
      timeZone: event.timeZone,
      organisation: event.organisation,
      hashtags: event.hashtags,
    },
    participants: onRoster.map((participant) => ({
      id: participant.id,
      firstName: participant.firstName,
      lastName: participant.lastName,
      instagram: participant.instagram,
    })),
    templates: [...input.templates].sort((a, b) => a.version - b.version),
    records: sortRecordsForRegister(input.records),
  }
}

/** Records by device, then by their number on it: the order their chains are checked in. */
export function sortRecordsForRegister(records: readonly ConsentRecord[]): ConsentRecord[] {
  return [...records].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0) || a.sequence - b.sequence)
}

// ---- SHA256SUMS ----

/**
 * The lines `sha256sum -c` and `shasum -a 256 -c` read: 64 lowercase hex digits, two spaces (text
 * mode), the file's path inside the archive; sorted by name, one line each, ending with a newline.
 */
export function sha256SumsText(files: ReadonlyArray<{ name: string; sha256: string }>): string {
  for (const file of files) {
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new Error(`not a SHA-256 in hex: ${file.sha256}`)
    // A newline or a backslash would need the escaped form, which some tools do not read: names are ours and never have them.
    if (/[\n\r\\]/.test(file.name)) throw new Error(`file name cannot be listed: ${file.name}`)
  }
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return sorted.map((file) => `${file.sha256}  ${file.name}\n`).join('')
}

// ---- Right of access: everything about one participant ----

export interface AccessExportInput {
  event: PhotowalkEvent
  participant: Participant
  checkins: readonly CheckIn[]
  stops: readonly Stop[]
  templates: readonly ConsentTemplate[]
  records: readonly ConsentRecord[]
}

/**
 * What the app holds about one person (GDPR article 15): their details as entered, every check-in
 * (with the stop's name and the event's local time), every consent record with its history and
 * the form versions they were signed on.
 */
export function accessExportDocument(input: AccessExportInput, exportedAt: IsoInstant) {
  const { event, participant } = input
  const stops = new Map(input.stops.map((stop) => [stop.id, stop]))
  const records = input.records.filter((record) => record.participantId === participant.id)
  const status = consentStatuses(records).get(participant.id)
  const templateIds = new Set(records.map((record) => record.templateId))
  return {
    format: 'photowalk-participant-data',
    formatVersion: consentsJsonFormatVersion,
    exportedAt,
    event: { id: event.id, name: event.name, date: event.date, timeZone: event.timeZone, organisation: event.organisation },
    participant: {
      id: participant.id,
      firstName: participant.firstName,
      lastName: participant.lastName,
      instagram: participant.instagram,
      email: participant.email,
      phone: participant.phone,
      role: participant.role,
      isMinor: participant.isMinor,
      birthYear: participant.birthYear,
      birthDate: participant.birthDate,
      bookedBy: participant.bookedBy,
      companionOf: participant.companionOf,
      notes: participant.notes,
      source: participant.source,
      createdAt: participant.createdAt,
    },
    checkins: input.checkins
      .filter((checkin) => checkin.participantId === participant.id)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map((checkin) => ({
        id: checkin.id,
        stop: stops.get(checkin.stopId)?.title ?? checkin.stopId,
        action: checkin.action,
        undoesId: checkin.undoesId,
        at: checkin.at,
        atLocal: formatInstantInZone(checkin.at, event.timeZone),
        method: checkin.method,
        deviceId: checkin.deviceId,
      })),
    consent: {
      status: status?.overall ?? 'none',
      items: status?.items ?? {},
      history: status?.history ?? [],
      templates: input.templates.filter((template) => templateIds.has(template.id)),
    },
  }
}

export type AccessExportDocument = ReturnType<typeof accessExportDocument>
