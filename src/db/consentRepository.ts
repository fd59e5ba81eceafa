import type { ConsentExportInput } from '@/domain/consentExport'
import type { ConsentRecord, ConsentTemplate, Id, IsoInstant } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

/** Another record joined this device's chain meanwhile (another tab): build the record again on it. */
export class ConsentChainMovedError extends Error {
  constructor() {
    super('the device’s consent chain moved on')
    this.name = 'ConsentChainMovedError'
  }
}

/** A template a consent was signed on cannot change: a change is a new version. */
export class ConsentTemplateUsedError extends Error {
  constructor(readonly templateId: Id) {
    super(`consent template ${templateId} has been signed on`)
    this.name = 'ConsentTemplateUsedError'
  }
}

/** Consent forms (templates, by version) and the consent register (records chained per device). */
export function createConsentRepository(db: PhotowalkDatabase) {
  const lastOfDevice = (deviceId: Id): Promise<ConsentRecord | undefined> =>
    db.consents.where('[deviceId+sequence]').between([deviceId, -Infinity], [deviceId, Infinity]).last()

  /** Inside a transaction: the record must follow the device's latest, else nothing is written. */
  async function checkFollows(record: ConsentRecord): Promise<void> {
    const last = await lastOfDevice(record.deviceId)
    if ((last?.sequence ?? 0) !== record.sequence - 1 || (last?.hash ?? null) !== record.previousHash) throw new ConsentChainMovedError()
  }

  return {
    templates: (eventId: Id): Promise<ConsentTemplate[]> =>
      db.consentTemplates.where('[eventId+version]').between([eventId, -Infinity], [eventId, Infinity]).toArray(),
    template: (id: Id) => db.consentTemplates.get(id),
    records: (eventId: Id): Promise<ConsentRecord[]> => db.consents.where('eventId').equals(eventId).toArray(),
    recordsOf: (participantId: Id): Promise<ConsentRecord[]> => db.consents.where('participantId').equals(participantId).toArray(),

    /**
     * What the post-event ZIP is made from — the event, its roster, its forms and its register —
     * read in one transaction, so the files agree with each other whatever is written meanwhile.
     */
    async exportInput(eventId: Id): Promise<ConsentExportInput | null> {
      return db.transaction('r', [db.events, db.participants, db.consentTemplates, db.consents], async () => {
        const event = await db.events.get(eventId)
        if (!event) return null
        const [participants, templates, records] = await Promise.all([
          db.participants.where('eventId').equals(eventId).toArray(),
          db.consentTemplates.where('[eventId+version]').between([eventId, -Infinity], [eventId, Infinity]).toArray(),
          db.consents.where('eventId').equals(eventId).toArray(),
        ])
        return { event, participants, templates, records }
      })
    },
    lastOfDevice,

    /** Adds a version of the event's form and makes it the one new consents are signed on. */
    async addTemplate(template: ConsentTemplate, now: IsoInstant): Promise<void> {
      await db.transaction('rw', db.events, db.consentTemplates, async () => {
        const event = await db.events.get(template.eventId)
        if (!event) throw new Error(`event ${template.eventId} does not exist`)
        await db.consentTemplates.add(template)
        await db.events.put({ ...event, consentTemplateId: template.id, updatedAt: now })
      })
    },

    /** Changes a version nobody has signed on yet, in place. */
    async replaceUnusedTemplate(template: ConsentTemplate): Promise<void> {
      await db.transaction('rw', db.consentTemplates, db.consents, async () => {
        if ((await db.consents.where('eventId').equals(template.eventId).filter((record) => record.templateId === template.id).count()) > 0) {
          throw new ConsentTemplateUsedError(template.id)
        }
        const existing = await db.consentTemplates.get(template.id)
        if (!existing) throw new Error(`consent template ${template.id} does not exist`)
        await db.consentTemplates.put(template)
      })
    },

    /** Appends a record to its device's chain, in one transaction, if it follows the latest. */
    async append(record: ConsentRecord): Promise<void> {
      await db.transaction('rw', db.consents, async () => {
        await checkFollows(record)
        await db.consents.add(record)
      })
    },

    /**
     * Erases a participant's personal data on request, all of it or nothing: the erasure is recorded
     * (chained like any record), the personal part of their consent records is removed — their
     * hashes, and so the chain, still hold — and their entry in the roster is deleted. Check-ins
     * stay: they name nobody.
     */
    async erase(erasure: ConsentRecord): Promise<void> {
      await db.transaction('rw', db.consents, db.participants, async () => {
        await checkFollows(erasure)
        await db.consents.where('participantId').equals(erasure.participantId).modify((record: ConsentRecord) => {
          record.personal = null
        })
        await db.consents.add(erasure)
        await db.participants.delete(erasure.participantId)
      })
    },
  }
}

export type ConsentRepository = ReturnType<typeof createConsentRepository>
