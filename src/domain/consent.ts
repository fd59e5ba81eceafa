import { parseBirthDate, yearOf } from './age'
import { formatLocalDate } from './format'
import { displayHashtag } from './hashtags'
import { err, ok, type Result } from './result'
import {
  languages,
  type ConsentItem,
  type ConsentItemKind,
  type ConsentPersonalData,
  type ConsentRecord,
  type ConsentTemplate,
  type ConsentText,
  type DrawnSignature,
  type Id,
  type IsoInstant,
  type Language,
  type LocalDate,
  type Participant,
  type SignatureStroke,
} from './types'

// ---- The default form, written for this use ----

export const defaultReuseYears = 5

export interface ConsentTextContext {
  organisation: string
  eventName: string
  eventDate: LocalDate
  hashtags: readonly string[]
  contact: string
  reuseYears?: number
}

/**
 * The form the app proposes, which the organiser can edit. French copyright law asks that each
 * right transferred be named separately with its extent, purpose, place and duration (CPI L131-3);
 * a transfer free of charge is valid (L122-7); the author is always credited (L121-1). Image rights
 * and being contacted later are separate items, each granted or refused on its own.
 */
export function defaultConsentText(language: Language, context: ConsentTextContext): ConsentText {
  const years = context.reuseYears ?? defaultReuseYears
  const organisation = context.organisation.trim() || (language === 'fr' ? 'l’organisateur' : 'the organiser')
  const date = formatLocalDate(context.eventDate, language)
  const hashtags = context.hashtags.map(displayHashtag).join(language === 'fr' ? ' ou ' : ' or ')
  const contact = context.contact.trim() || organisation
  if (language === 'fr') {
    return {
      title: `Autorisations — ${context.eventName}`,
      body: [
        `${context.eventName}, le ${date}, est organisé par ${organisation}. Ce formulaire vous demande trois autorisations distinctes : vous pouvez accorder ou refuser chacune d’elles, et votre participation à la journée n’en dépend pas.`,
        `Vous pouvez retirer une autorisation à tout moment, aussi simplement que vous l’avez donnée : en le disant à l’organisateur sur place, ou en écrivant à ${contact}. Le retrait vaut pour l’avenir ; les publications déjà faites avec votre accord ne sont pas illégales, mais ${organisation} s’engage à retirer de ses supports en ligne les photos concernées.`,
        `La preuve de vos choix (ce formulaire, votre signature, sa date) est conservée tant que des photos sont utilisées, puis cinq ans, pour pouvoir vous la montrer, à vous ou à un juge. Vous pouvez en demander une copie ou l’effacement à ${contact}.`,
      ].join('\n\n'),
      items: [
        {
          id: 'photo-reuse',
          kind: 'photoReuse',
          label: `J’autorise ${organisation} à reproduire et à diffuser, gratuitement, les photos que j’ai prises ou publiées pendant la journée (sous ${hashtags || 'les hashtags de la journée'}) : sur son site internet, ses réseaux sociaux et ses documents imprimés (brochures, affiches), pour faire connaître la destination, dans le monde entier, pendant ${years} ans. Chaque photo sera créditée « © mon nom / @mon compte ».`,
        },
        {
          id: 'image-rights',
          kind: 'imageRights',
          label: `J’accepte d’être photographié·e ou filmé·e pendant la journée, et que ${organisation} publie ces images sur les mêmes supports, dans le monde entier, pendant ${years} ans.`,
        },
        {
          id: 'contact',
          kind: 'contact',
          label: `J’accepte que ${organisation} me contacte au sujet de ses prochains événements (facultatif).`,
        },
      ],
    }
  }
  return {
    title: `Permissions — ${context.eventName}`,
    body: [
      `${context.eventName}, on ${date}, is organised by ${organisation}. This form asks for three separate permissions: you may grant or refuse each of them, and taking part in the day does not depend on them.`,
      `You may withdraw a permission at any time, as easily as you gave it: by telling the organiser on the spot, or by writing to ${contact}. A withdrawal applies from then on; what was already published with your consent was lawful, but ${organisation} undertakes to remove the photos concerned from its online channels.`,
      `The proof of your choices (this form, your signature, its date) is kept for as long as photos are used, then five years, so that it can be shown to you or to a court. You may ask ${contact} for a copy of it or for its erasure.`,
    ].join('\n\n'),
    items: [
      {
        id: 'photo-reuse',
        kind: 'photoReuse',
        label: `I allow ${organisation} to reproduce and publish, free of charge, the photos I took or posted during the day (under ${hashtags || 'the day’s hashtags'}): on its website, its social networks and its printed material (brochures, posters), to promote the destination, worldwide, for ${years} years. Each photo will be credited “© my name / @my handle”.`,
      },
      {
        id: 'image-rights',
        kind: 'imageRights',
        label: `I agree to be photographed or filmed during the day, and that ${organisation} publishes these pictures on the same channels, worldwide, for ${years} years.`,
      },
      {
        id: 'contact',
        kind: 'contact',
        label: `I agree that ${organisation} contacts me about its future events (optional).`,
      },
    ],
  }
}

// ---- Templates: what is hashed, what may be saved ----

export type ConsentTemplateDetails = Pick<ConsentTemplate, 'organisation' | 'contact' | 'texts'>

/**
 * What a template's hash covers: the event, the version, the organising body, the contact and both
 * texts — title, body, and each item's id, kind and label. Not the record's own id nor when it was
 * saved: two copies of one text hash alike.
 */
export function consentTemplateContent(template: Omit<ConsentTemplate, 'id' | 'hash' | 'createdAt'>) {
  return {
    eventId: template.eventId,
    version: template.version,
    organisation: template.organisation,
    contact: template.contact,
    texts: template.texts,
  }
}

export const maxConsentTitleLength = 200
export const maxConsentBodyLength = 10_000
export const maxConsentItemLength = 2_000
export const maxConsentItems = 10

export type ConsentTemplateError =
  | { field: 'organisation' | 'contact'; code: 'required' | 'tooLong' }
  | { field: 'title' | 'body'; language: Language; code: 'required' | 'tooLong' }
  | { field: 'item'; language: Language; index: number; code: 'required' | 'tooLong' }
  | { field: 'items'; code: 'none' | 'tooMany' | 'notTheSameInBothLanguages' }

/** Checks a template as the organiser edited it; both languages must offer the same items. */
export function validateConsentTemplate(details: ConsentTemplateDetails): Result<ConsentTemplateDetails, ConsentTemplateError[]> {
  const errors: ConsentTemplateError[] = []
  const organisation = details.organisation.trim()
  const contact = details.contact.trim()
  if (organisation === '') errors.push({ field: 'organisation', code: 'required' })
  else if (organisation.length > 300) errors.push({ field: 'organisation', code: 'tooLong' })
  if (contact === '') errors.push({ field: 'contact', code: 'required' })
  else if (contact.length > 300) errors.push({ field: 'contact', code: 'tooLong' })
  const texts = {} as Record<Language, ConsentText>
  for (const language of languages) {
    const text = details.texts[language]
    const title = text.title.trim()
    const body = text.body.trim()
    if (title === '') errors.push({ field: 'title', language, code: 'required' })
    else if (title.length > maxConsentTitleLength) errors.push({ field: 'title', language, code: 'tooLong' })
    if (body === '') errors.push({ field: 'body', language, code: 'required' })
    else if (body.length > maxConsentBodyLength) errors.push({ field: 'body', language, code: 'tooLong' })
    text.items.forEach((item, index) => {
      const label = item.label.trim()
      if (label === '') errors.push({ field: 'item', language, index, code: 'required' })
      else if (label.length > maxConsentItemLength) errors.push({ field: 'item', language, index, code: 'tooLong' })
    })
    texts[language] = { title, body, items: text.items.map((item) => ({ id: item.id, kind: item.kind, label: item.label.trim() })) }
  }
  const [first, ...others] = languages.map((language) => details.texts[language].items.map((item) => `${item.id}:${item.kind}`).join('|'))
  if (details.texts.fr.items.length === 0) errors.push({ field: 'items', code: 'none' })
  else if (details.texts.fr.items.length > maxConsentItems) errors.push({ field: 'items', code: 'tooMany' })
  if (others.some((other) => other !== first)) errors.push({ field: 'items', code: 'notTheSameInBothLanguages' })
  const ids = details.texts.fr.items.map((item) => item.id)
  if (new Set(ids).size !== ids.length) errors.push({ field: 'items', code: 'notTheSameInBothLanguages' })
  return errors.length > 0 ? err(errors) : ok({ organisation, contact, texts })
}

/** The same text, word for word, as the template already saved: saving it again changes nothing. */
export function sameTemplateText(a: ConsentTemplateDetails, b: ConsentTemplateDetails): boolean {
  return JSON.stringify([a.organisation, a.contact, a.texts]) === JSON.stringify([b.organisation, b.contact, b.texts])
}

/** A template a consent was signed on is immutable: editing it makes a new version. */
export function isTemplateUsed(templateId: Id, records: readonly Pick<ConsentRecord, 'templateId'>[]): boolean {
  return records.some((record) => record.templateId === templateId)
}

// ---- Who signs: the rules for minors ----

/** Age on the event's day: exact from a full date, a range of two from a year alone, unknown otherwise. */
export type AgeOnDay = { kind: 'exact'; years: number } | { kind: 'range'; min: number; max: number } | { kind: 'unknown' }

export function ageOnEventDay(person: Pick<Participant, 'birthYear' | 'birthDate'>, eventDate: LocalDate): AgeOnDay {
  if (person.birthDate) {
    const birth = parseBirthDate(person.birthDate)
    const day = birth?.days[0]
    if (birth && day) {
      const [eventYear, eventMonth, eventDay] = eventDate.split('-').map(Number) as [number, number, number]
      const beforeBirthday = eventMonth < day.month || (eventMonth === day.month && eventDay < day.day)
      return { kind: 'exact', years: eventYear - birth.year - (beforeBirthday ? 1 : 0) }
    }
  }
  if (person.birthYear !== null) {
    const difference = yearOf(eventDate) - person.birthYear
    return { kind: 'range', min: difference - 1, max: difference }
  }
  return { kind: 'unknown' }
}

/** Under this age, a parent or guardian signs the whole form with the participant. */
export const ageForOwnConsent = 15
/** Under this age, image rights and photo reuse need a parent's or guardian's signature. */
export const ageOfMajorityForConsent = 18

export interface SignatureRule {
  /** Why a guardian must sign, if one must. */
  guardian: 'under15' | 'minorImageOrPhotos' | null
  age: AgeOnDay
}

/**
 * Who must sign this consent. An unknown birthday errs on the minor's side: someone who may be 14
 * is treated as under 15, someone who may be 17 as a minor. A participant marked as a minor with no
 * birth data at all is treated as under 15.
 */
export function signatureRule(
  person: Pick<Participant, 'birthYear' | 'birthDate' | 'isMinor'>,
  eventDate: LocalDate,
  items: readonly ConsentItem[],
  choices: Readonly<Record<string, boolean>>,
): SignatureRule {
  const age = ageOnEventDay(person, eventDate)
  const youngest = age.kind === 'exact' ? age.years : age.kind === 'range' ? age.min : person.isMinor ? 0 : Number.POSITIVE_INFINITY
  if (youngest < ageForOwnConsent) return { guardian: 'under15', age }
  const grantsImageOrPhotos = items.some((item) => (item.kind === 'photoReuse' || item.kind === 'imageRights') && choices[item.id] === true)
  if ((youngest < ageOfMajorityForConsent || person.isMinor) && grantsImageOrPhotos) return { guardian: 'minorImageOrPhotos', age }
  return { guardian: null, age }
}

// ---- Capturing a consent ----

export interface ConsentDraft {
  language: Language
  choices: Record<string, boolean>
  signerName: string
  signature: DrawnSignature | null
  guardianName: string
  guardianRelationship: string
  guardianSignature: DrawnSignature | null
}

export type ConsentDraftError =
  | { field: 'signerName' | 'guardianName' | 'guardianRelationship'; code: 'required' | 'tooLong' }
  | { field: 'signature' | 'guardianSignature'; code: 'required' }
  | { field: 'choices'; code: 'unknownItem' }

export const maxSignerNameLength = 200

const hasStrokes = (signature: DrawnSignature | null): signature is DrawnSignature =>
  signature !== null && signature.strokes.some((stroke) => stroke.points.length > 0)

/**
 * The personal part of a consent as the form gives it, or every reason it cannot be saved: no name,
 * no signature, a minor without a guardian's name, relationship and signature.
 */
export function validateConsentDraft(
  draft: ConsentDraft,
  template: Pick<ConsentTemplate, 'texts'>,
  rule: SignatureRule,
): Result<{ choices: Record<string, boolean>; personal: ConsentPersonalData }, ConsentDraftError[]> {
  const errors: ConsentDraftError[] = []
  const items = template.texts[draft.language].items
  const known = new Set(items.map((item) => item.id))
  if (Object.keys(draft.choices).some((id) => !known.has(id))) errors.push({ field: 'choices', code: 'unknownItem' })
  // None pre-ticked: an item left unticked is refused.
  const choices = Object.fromEntries(items.map((item) => [item.id, draft.choices[item.id] === true]))
  const signerName = draft.signerName.trim().replace(/\s+/g, ' ')
  if (signerName === '') errors.push({ field: 'signerName', code: 'required' })
  else if (signerName.length > maxSignerNameLength) errors.push({ field: 'signerName', code: 'tooLong' })
  if (!hasStrokes(draft.signature)) errors.push({ field: 'signature', code: 'required' })
  let guardian: ConsentPersonalData['guardian'] = null
  if (rule.guardian) {
    const name = draft.guardianName.trim().replace(/\s+/g, ' ')
    const relationship = draft.guardianRelationship.trim().replace(/\s+/g, ' ')
    if (name === '') errors.push({ field: 'guardianName', code: 'required' })
    else if (name.length > maxSignerNameLength) errors.push({ field: 'guardianName', code: 'tooLong' })
    if (relationship === '') errors.push({ field: 'guardianRelationship', code: 'required' })
    else if (relationship.length > 100) errors.push({ field: 'guardianRelationship', code: 'tooLong' })
    if (!hasStrokes(draft.guardianSignature)) errors.push({ field: 'guardianSignature', code: 'required' })
    if (hasStrokes(draft.guardianSignature)) guardian = { name, relationship, signature: compactSignature(draft.guardianSignature) }
  }
  if (errors.length > 0 || !hasStrokes(draft.signature)) return err(errors)
  return ok({ choices, personal: { signerName, signature: compactSignature(draft.signature), guardian } })
}

/**
 * A signature as stored: coordinates rounded to a tenth of a pixel and points closer than half a
 * pixel to the previous one dropped — invisible at any size it is shown, and records stay small.
 */
export function compactSignature(signature: DrawnSignature): DrawnSignature {
  const round = (value: number) => Math.round(value * 10) / 10
  const strokes: SignatureStroke[] = signature.strokes
    .map((stroke) => {
      const points: Array<[number, number]> = []
      for (const [x, y] of stroke.points) {
        const point: [number, number] = [round(x), round(y)]
        const last = points.at(-1)
        if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= 0.5) points.push(point)
      }
      return { points }
    })
    .filter((stroke) => stroke.points.length > 0)
  return { width: Math.round(signature.width), height: Math.round(signature.height), strokes }
}

// ---- Records: what is hashed ----

/** What a record's hash covers: every field but the hash itself and the personal data, which `personalHash` stands for. */
export function consentRecordContent(record: Omit<ConsentRecord, 'hash'>) {
  const { personal: _personal, ...content } = record
  return content
}

// ---- What stands: the status derived from the records ----

export type ConsentItemState = 'granted' | 'refused' | 'withdrawn'
export type ConsentOverall = 'none' | 'granted' | 'partial' | 'refused' | 'withdrawn' | 'erased'

export interface ConsentStatus {
  overall: ConsentOverall
  /** Per item id of the form signed. */
  items: Record<string, ConsentItemState>
  /** The grant in force: the latest one. */
  grant: ConsentRecord | null
  /** Withdrawals made after that grant, oldest first. */
  withdrawals: ConsentRecord[]
  erasedAt: IsoInstant | null
  /** Every record of the person, oldest first: the history exports show. */
  history: ConsentRecord[]
}

const byTimeThenSequence = (a: ConsentRecord, b: ConsentRecord) =>
  (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || a.sequence - b.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * A participant's consent as it stands, from their records in any order: the latest grant, less
 * the items withdrawn since. A new grant after a withdrawal starts afresh. "Granted" means every
 * item granted, "refused" none, "partial" some; "withdrawn" once anything granted was withdrawn.
 */
export function consentStatus(records: readonly ConsentRecord[]): ConsentStatus {
  const history = [...records].sort(byTimeThenSequence)
  const erasure = history.find((record) => record.kind === 'erasure') ?? null
  let grant: ConsentRecord | null = null
  let withdrawals: ConsentRecord[] = []
  for (const record of history) {
    if (record.kind === 'grant') {
      grant = record
      withdrawals = []
    } else if (record.kind === 'withdrawal' && grant) withdrawals.push(record)
  }
  const items: Record<string, ConsentItemState> = {}
  if (grant) {
    for (const [id, granted] of Object.entries(grant.choices)) items[id] = granted ? 'granted' : 'refused'
    for (const withdrawal of withdrawals) {
      for (const [id, kept] of Object.entries(withdrawal.choices)) if (!kept && items[id] === 'granted') items[id] = 'withdrawn'
    }
  }
  const states = Object.values(items)
  let overall: ConsentOverall
  if (erasure) overall = 'erased'
  else if (!grant) overall = 'none'
  else if (states.includes('withdrawn')) overall = 'withdrawn'
  else if (states.length > 0 && states.every((state) => state === 'granted')) overall = 'granted'
  else if (states.some((state) => state === 'granted')) overall = 'partial'
  else overall = 'refused'
  return { overall, items, grant, withdrawals, erasedAt: erasure?.at ?? null, history }
}

/** Whether a participant's current consent covers an item of the given kind (e.g. photo reuse). */
export function grantsKind(status: ConsentStatus, template: Pick<ConsentTemplate, 'texts'> | undefined, kind: ConsentItemKind): boolean {
  if (!status.grant || !template || status.overall === 'erased') return false
  return template.texts[status.grant.language].items.some((item) => item.kind === kind && status.items[item.id] === 'granted')
}

/** Everyone's status, from all the event's records: one pass, for lists of thousands. */
export function consentStatuses(records: readonly ConsentRecord[]): Map<Id, ConsentStatus> {
  const byParticipant = new Map<Id, ConsentRecord[]>()
  for (const record of records) {
    const list = byParticipant.get(record.participantId)
    if (list) list.push(record)
    else byParticipant.set(record.participantId, [record])
  }
  return new Map([...byParticipant].map(([id, list]) => [id, consentStatus(list)]))
}

// ---- The register: every chain checked ----

export type RegisterFinding =
  /** A template whose text no longer hashes to its hash. */
  | { kind: 'templateAltered'; templateId: Id; version: number }
  /** A record whose content no longer hashes to its hash. */
  | { kind: 'recordAltered'; record: ConsentRecord }
  /** A record whose personal data no longer hashes to its `personalHash`. */
  | { kind: 'personalAltered'; record: ConsentRecord }
  /** A record without personal data, and no erasure on request to explain it. */
  | { kind: 'personalMissing'; record: ConsentRecord }
  /** A record naming a template that is missing or whose hash differs. */
  | { kind: 'templateMismatch'; record: ConsentRecord }
  /** Records a device wrote that are not here: the numbers in its count that are missing. */
  | { kind: 'missing'; deviceId: Id; fromSequence: number; toSequence: number }
  /** A record whose link to the device's previous record does not hold: moved, or something between is missing. */
  | { kind: 'outOfOrder'; record: ConsentRecord }
  /** Two records claiming the same place in a device's count. */
  | { kind: 'duplicate'; record: ConsentRecord }

export interface RegisterReport {
  templates: number
  records: number
  devices: number
  /** Problems: any of them means the register is not intact. */
  findings: RegisterFinding[]
  /** People whose data was erased on request, with when: expected, not tampering. */
  erasures: Array<{ participantId: Id; at: IsoInstant }>
}

export type Digest = (bytes: Uint8Array) => Promise<string>

/**
 * Recomputes every template hash and every device's chain: each record's hash, its personal data
 * against `personalHash` (or the erasure that removed it), its link to the previous record of its
 * device, and the count of the device's records. Names what is altered, missing or out of order.
 */
export async function verifyConsentRegister(
  templates: readonly ConsentTemplate[],
  records: readonly ConsentRecord[],
  digest: Digest,
  canonical: (value: unknown) => Uint8Array,
): Promise<RegisterReport> {
  const findings: RegisterFinding[] = []
  const templateHashes = new Map<Id, string>()
  for (const template of templates) {
    const actual = await digest(canonical(consentTemplateContent(template)))
    if (actual !== template.hash) findings.push({ kind: 'templateAltered', templateId: template.id, version: template.version })
    templateHashes.set(template.id, template.hash)
  }
  const erasures = records
    .filter((record) => record.kind === 'erasure')
    .map((record) => ({ participantId: record.participantId, at: record.at }))
  const erased = new Set(erasures.map((erasure) => erasure.participantId))

  const byDevice = new Map<Id, ConsentRecord[]>()
  for (const record of records) {
    const list = byDevice.get(record.deviceId)
    if (list) list.push(record)
    else byDevice.set(record.deviceId, [record])
  }
  for (const [deviceId, chain] of byDevice) {
    chain.sort((a, b) => a.sequence - b.sequence || (a.id < b.id ? -1 : 1))
    let expected = 1
    let previous: ConsentRecord | null = null
    for (const record of chain) {
      if (previous && record.sequence === previous.sequence) {
        findings.push({ kind: 'duplicate', record })
        continue
      }
      if (record.sequence > expected) findings.push({ kind: 'missing', deviceId, fromSequence: expected, toSequence: record.sequence - 1 })
      const { hash, ...unhashed } = record
      const actual = await digest(canonical(consentRecordContent(unhashed)))
      if (actual !== hash) findings.push({ kind: 'recordAltered', record })
      if (record.personal) {
        const personal = await digest(canonical(record.personal))
        if (personal !== record.personalHash) findings.push({ kind: 'personalAltered', record })
      } else if (record.kind !== 'erasure' && !erased.has(record.participantId)) {
        findings.push({ kind: 'personalMissing', record })
      }
      if (record.kind !== 'erasure' && templateHashes.get(record.templateId) !== record.templateHash) findings.push({ kind: 'templateMismatch', record })
      const linked = record.sequence === 1 ? record.previousHash === null : previous !== null && previous.sequence === record.sequence - 1 && record.previousHash === previous.hash
      // A gap is already named as missing; a link that fails between neighbours means a move.
      if (!linked && (record.sequence === 1 || previous?.sequence === record.sequence - 1)) findings.push({ kind: 'outOfOrder', record })
      expected = record.sequence + 1
      previous = record
    }
  }
  return { templates: templates.length, records: records.length, devices: byDevice.size, findings, erasures }
}
