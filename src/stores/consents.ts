import { computed, type Ref } from 'vue'
import { canonicalBytes } from '@/domain/canonicalJson'
import {
  consentRecordContent,
  consentStatuses,
  consentTemplateContent,
  defaultConsentText,
  sameTemplateText,
  signatureRule,
  validateConsentDraft,
  validateConsentTemplate,
  verifyConsentRegister,
  type ConsentDraft,
  type ConsentDraftError,
  type ConsentStatus,
  type ConsentTemplateDetails,
  type ConsentTemplateError,
  type RegisterReport,
} from '@/domain/consent'
import { err, ok, type Result } from '@/domain/result'
import {
  languages,
  type ConsentRecord,
  type ConsentTemplate,
  type Id,
  type Language,
  type Participant,
  type PhotowalkEvent,
  type WithdrawalChannel,
} from '@/domain/types'
import { nowIso } from '@/services/clock'
import { sha256Hex, sha256OfCanonical } from '@/services/digest'
import { newId } from '@/services/ids'
import { loadDatabase } from './database'
import { liveQueryRef } from './live'
import { askForPersistenceOnFirstWrite } from './persistence'
import { useSettingsStore } from './settings'

interface ConsentData {
  templates: ConsentTemplate[]
  records: ConsentRecord[]
}

const consentsRepository = async () => (await loadDatabase()).consentRepository()

/** How many times a record is rebuilt when another tab joined the device's chain meanwhile. */
const chainAttempts = 5

export type WithdrawalRequest = { channel: WithdrawalChannel; note: string }

/** The organiser's own words go with a template: the event's defaults when nothing is saved yet. */
export function defaultTemplateDetails(event: PhotowalkEvent): ConsentTemplateDetails {
  const context = { organisation: event.organisation, eventName: event.name, eventDate: event.date, hashtags: event.hashtags, contact: '' }
  const texts = Object.fromEntries(languages.map((language) => [language, defaultConsentText(language, context)])) as ConsentTemplateDetails['texts']
  return { organisation: event.organisation, contact: '', texts }
}

/**
 * An event's consent forms and register, kept live, with the actions that append to the register.
 * Every record is hashed and chained to this device's previous one before it is written; the
 * repository writes it only if the chain has not moved on meanwhile (another tab), else it is
 * built again on the new end of the chain.
 */
export function useConsents(event: Ref<PhotowalkEvent | null>) {
  const settings = useSettingsStore()
  const eventId = computed(() => event.value?.id)
  const live = liveQueryRef<ConsentData>(() => {
    const id = eventId.value
    if (!id) return null
    return async (db) => {
      const repository = db.consentRepository()
      const [templates, records] = await Promise.all([repository.templates(id), repository.records(id)])
      return { templates, records }
    }
  }, { templates: [], records: [] })

  const templates = computed(() => live.value.value.templates)
  const records = computed(() => live.value.value.records)
  /** The version new consents are signed on: the one the event names, else the latest. */
  const currentTemplate = computed<ConsentTemplate | null>(() => {
    const all = templates.value
    const named = all.find((template) => template.id === event.value?.consentTemplateId)
    return named ?? all.at(-1) ?? null
  })
  const templatesById = computed(() => new Map(templates.value.map((template) => [template.id, template])))
  const statuses = computed(() => consentStatuses(records.value))
  const statusOf = (participantId: Id): ConsentStatus | undefined => statuses.value.get(participantId)

  function requireEvent(): PhotowalkEvent {
    if (!event.value) throw new Error('no event is selected')
    return event.value
  }

  async function hashedTemplate(details: ConsentTemplateDetails, version: number, target: PhotowalkEvent): Promise<ConsentTemplate> {
    const content = { eventId: target.id, version, ...details }
    return { id: newId(), ...content, hash: await sha256OfCanonical(consentTemplateContent(content)), createdAt: nowIso() }
  }

  /**
   * Saves the form's text. A version nobody signed on yet is changed in place (its hash anew); a
   * used one is never touched: the text becomes the next version. Unchanged text writes nothing.
   */
  async function saveTemplate(details: ConsentTemplateDetails): Promise<Result<ConsentTemplate, ConsentTemplateError[]>> {
    const target = requireEvent()
    const valid = validateConsentTemplate(details)
    if (!valid.ok) return valid
    const repository = await consentsRepository()
    // Decided on what is stored, not on the live copy, which may not have caught up yet.
    const saved = await repository.templates(target.id)
    const existing = saved.find((template) => template.id === target.consentTemplateId) ?? saved.at(-1)
    if (existing && sameTemplateText(existing, valid.value)) return ok(existing)
    const used = existing ? (await repository.records(target.id)).some((record) => record.templateId === existing.id) : false
    if (existing && !used) {
      const content = { eventId: target.id, version: existing.version, ...valid.value }
      const replaced: ConsentTemplate = { ...existing, ...valid.value, hash: await sha256OfCanonical(consentTemplateContent(content)) }
      try {
        await repository.replaceUnusedTemplate(replaced)
        return ok(replaced)
      } catch (error) {
        // Signed on between the check and the write: fall through to a new version.
        if (!(error instanceof (await loadDatabase()).ConsentTemplateUsedError)) throw error
      }
    }
    const latestVersion = saved.reduce((max, template) => Math.max(max, template.version), 0)
    const template = await hashedTemplate(valid.value, latestVersion + 1, target)
    await repository.addTemplate(template, nowIso())
    await askForPersistenceOnFirstWrite()
    return ok(template)
  }

  /** The form to sign on, created from the default text the first time a consent is asked for. */
  async function ensureTemplate(): Promise<ConsentTemplate> {
    const target = requireEvent()
    const repository = await consentsRepository()
    const saved = await repository.templates(target.id)
    const named = saved.find((template) => template.id === target.consentTemplateId) ?? saved.at(-1)
    if (named) return named
    const template = await hashedTemplate(defaultTemplateDetails(target), 1, target)
    await repository.addTemplate(template, nowIso())
    return template
  }

  /**
   * Builds the record on this device's chain and appends it in one transaction; if another tab
   * appended meanwhile, builds it again on the new end. `write` is the repository call (append or erase).
   */
  async function appendChained(
    fields: Omit<ConsentRecord, 'id' | 'deviceId' | 'sequence' | 'previousHash' | 'hash' | 'personalHash' | 'at'>,
    write: 'append' | 'erase',
  ): Promise<ConsentRecord> {
    const repository = await consentsRepository()
    const { ConsentChainMovedError } = await loadDatabase()
    const deviceId = await settings.ensureDeviceId()
    const personalHash = await sha256OfCanonical(fields.personal)
    const id = newId()
    const at = nowIso()
    for (let attempt = 1; ; attempt += 1) {
      const last = await repository.lastOfDevice(deviceId)
      const unhashed: Omit<ConsentRecord, 'hash'> = {
        id,
        ...fields,
        personalHash,
        at,
        deviceId,
        sequence: (last?.sequence ?? 0) + 1,
        previousHash: last?.hash ?? null,
      }
      const record: ConsentRecord = { ...unhashed, hash: await sha256Hex(canonicalBytes(consentRecordContent(unhashed))) }
      try {
        if (write === 'append') await repository.append(record)
        else await repository.erase(record)
        await askForPersistenceOnFirstWrite()
        return record
      } catch (error) {
        if (!(error instanceof ConsentChainMovedError) || attempt >= chainAttempts) throw error
      }
    }
  }

  /** Who must sign for this participant, given the choices ticked so far. */
  function ruleFor(participant: Pick<Participant, 'birthYear' | 'birthDate' | 'isMinor'>, template: ConsentTemplate, draft: Pick<ConsentDraft, 'language' | 'choices'>) {
    return signatureRule(participant, requireEvent().date, template.texts[draft.language].items, draft.choices)
  }

  /** Saves a signed form as one record, or says every reason it cannot be saved and writes nothing. */
  async function grant(participant: Participant, template: ConsentTemplate, draft: ConsentDraft): Promise<Result<ConsentRecord, ConsentDraftError[]>> {
    const target = requireEvent()
    const valid = validateConsentDraft(draft, template, ruleFor(participant, template, draft))
    if (!valid.ok) return valid
    const record = await appendChained(
      {
        eventId: target.id,
        participantId: participant.id,
        templateId: template.id,
        templateHash: template.hash,
        kind: 'grant',
        language: draft.language,
        choices: valid.value.choices,
        request: null,
        personal: valid.value.personal,
      },
      'append',
    )
    return ok(record)
  }

  /**
   * Records the withdrawal of the given items (how it was asked, by whom it was recorded), as a
   * record of its own: nothing earlier changes.
   */
  async function withdraw(
    participantId: Id,
    itemIds: readonly string[],
    request: WithdrawalRequest,
    recordedBy: string,
  ): Promise<Result<ConsentRecord, 'nothingToWithdraw'>> {
    const target = requireEvent()
    const status = statuses.value.get(participantId)
    const grantRecord = status?.grant
    const withdrawable = itemIds.filter((id) => status?.items[id] === 'granted')
    if (!grantRecord || withdrawable.length === 0) return err('nothingToWithdraw')
    const record = await appendChained(
      {
        eventId: target.id,
        participantId,
        templateId: grantRecord.templateId,
        templateHash: grantRecord.templateHash,
        kind: 'withdrawal',
        language: grantRecord.language,
        choices: Object.fromEntries(withdrawable.map((id) => [id, false])),
        request: { channel: request.channel, note: request.note.trim() },
        personal: { signerName: recordedBy.trim(), signature: null, guardian: null },
      },
      'append',
    )
    return ok(record)
  }

  /**
   * Erases a participant's personal data on request: their records keep their hashes (the register
   * still verifies) and a record of the erasure says when and how it was asked.
   */
  async function erase(participant: Pick<Participant, 'id'>, request: WithdrawalRequest, language: Language): Promise<ConsentRecord> {
    const target = requireEvent()
    const grantRecord = statuses.value.get(participant.id)?.grant ?? null
    const template = grantRecord ? templatesById.value.get(grantRecord.templateId) : currentTemplate.value
    return appendChained(
      {
        eventId: target.id,
        participantId: participant.id,
        templateId: template?.id ?? '',
        templateHash: template?.hash ?? '',
        kind: 'erasure',
        language,
        choices: {},
        request: { channel: request.channel, note: request.note.trim() },
        personal: null,
      },
      'erase',
    )
  }

  /** Recomputes every template hash and every device's chain of this event, from the database. */
  async function verifyRegister(): Promise<RegisterReport> {
    const target = requireEvent()
    const repository = await consentsRepository()
    const [allTemplates, allRecords] = await Promise.all([repository.templates(target.id), repository.records(target.id)])
    return verifyConsentRegister(allTemplates, allRecords, (bytes) => sha256Hex(bytes), canonicalBytes)
  }

  return {
    ready: live.ready,
    error: live.error,
    templates,
    records,
    templatesById,
    currentTemplate,
    statuses,
    statusOf,
    ruleFor,
    saveTemplate,
    ensureTemplate,
    grant,
    withdraw,
    erase,
    verifyRegister,
  }
}

export type ConsentsStore = ReturnType<typeof useConsents>
