import Dexie, { type Table, type Transaction } from 'dexie'
import { databaseName } from './startupSettings'
import type {
  CheckIn,
  ConsentRecord,
  EventSigningKey,
  ConsentTemplate,
  HashtagLookup,
  HashtagMedia,
  HashtagSample,
  MetaEntry,
  Participant,
  PhotowalkEvent,
  ScheduleShift,
  Stop,
} from '@/domain/types'
import type { SharedEvent } from '@/domain/publicEvent'

export interface SchemaVersion {
  version: number
  /** Dexie store definitions: primary key first, then indexes. `null` deletes a table. */
  stores: Record<string, string | null>
  upgrade?: (transaction: Transaction) => Promise<void>
}

/**
 * Every schema the app has ever had, oldest first. Released versions are never edited: a change is
 * a new entry with its migration, and `migrations.test.ts` opens data written by the previous one.
 */
export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      events: 'id, date, updatedAt',
      stops: 'id, eventId, [eventId+order]',
      scheduleShifts: 'id, eventId, [eventId+at]',
      participants: 'id, eventId, badgeCode, [eventId+email], [eventId+instagram]',
      checkins: 'id, eventId, participantId, [eventId+stopId], [eventId+at]',
      consentTemplates: 'id, eventId, hash',
      consents: 'id, eventId, participantId, [deviceId+at]',
      hashtagSamples: 'id, eventId, [eventId+hashtag+at]',
      hashtagMedia: '[provider+mediaId], eventId, [eventId+hashtag]',
      meta: 'key',
    },
  },
  {
    // Share links: events count their revisions; participants' devices keep the events shared with them.
    version: 2,
    stores: { sharedEvents: 'id, receivedAt' },
    async upgrade(transaction) {
      await transaction
        .table('events')
        .toCollection()
        .modify((event: { revision?: number }) => {
          event.revision ??= 1
        })
    },
  },
  {
    // Signed share links, payers kept apart from participants, delays that lengthen a running stop.
    version: 3,
    stores: { signingKeys: 'eventId' },
    async upgrade(transaction) {
      await transaction
        .table('participants')
        .toCollection()
        .modify((participant: { bookedBy?: string }) => {
          participant.bookedBy ??= ''
        })
      await transaction
        .table('scheduleShifts')
        .toCollection()
        .modify((shift: { lengthensStop?: boolean }) => {
          shift.lengthensStop ??= false
        })
      await transaction
        .table('sharedEvents')
        .toCollection()
        .modify((shared: { signerKey?: string | null; event?: { stops?: Array<{ extraMinutes?: number }> } }) => {
          shared.signerKey ??= null
          for (const stop of shared.event?.stops ?? []) stop.extraMinutes ??= 0
        })
    },
  },
  {
    // Consents: chained per device by sequence, personal data apart from what is hashed; templates
    // with their organising body and contact, items with their kind; participants' dates of birth.
    version: 4,
    stores: {
      consents: 'id, eventId, participantId, [deviceId+sequence]',
      consentTemplates: 'id, eventId, hash, [eventId+version]',
    },
    async upgrade(transaction) {
      await transaction
        .table('participants')
        .toCollection()
        .modify((participant: { birthDate?: string | null }) => {
          participant.birthDate ??= null
        })
      await transaction
        .table('consentTemplates')
        .toCollection()
        .modify((template: LegacyConsentTemplate) => {
          template.organisation ??= ''
          template.contact ??= ''
          for (const text of Object.values(template.texts ?? {})) for (const item of text.items ?? []) item.kind ??= 'other'
        })
      // No version of the app could write consents before this one; any that exist are kept, in the
      // new shape, outside any chain (sequence 0): the register reports them as not verifiable.
      await transaction
        .table('consents')
        .toCollection()
        .modify((record: LegacyConsentRecord) => {
          if (record.personal !== undefined) return
          const strokes = record.signature ?? []
          record.personal = {
            signerName: record.signerName ?? '',
            signature: strokes.length > 0 ? { width: 0, height: 0, strokes } : null,
            guardian: record.guardianName ? { name: record.guardianName, relationship: '', signature: { width: 0, height: 0, strokes: [] } } : null,
          }
          record.personalHash = ''
          record.language ??= 'fr'
          record.request ??= null
          record.sequence ??= 0
          delete record.signerName
          delete record.signature
          delete record.guardianName
        })
    },
  },
  {
    // The post counter: fediverse posts beside Instagram's, with their links; readings and hand
    // tallies told apart, with the device that wrote them; Instagram's hashtag ids per account.
    version: 5,
    stores: {
      hashtagSamples: 'id, eventId, [eventId+at]',
      hashtagLookups: '[accountId+hashtag], accountId',
    },
    async upgrade(transaction) {
      await transaction
        .table('hashtagSamples')
        .toCollection()
        .modify((sample: { provider?: string; kind?: string; note?: string; deviceId?: string }) => {
          // A hand-made sample was a total read from the Instagram app; any other, a provider's reading.
          sample.kind ??= sample.provider === 'manual' ? 'total' : 'reading'
          sample.note ??= ''
          sample.deviceId ??= ''
        })
      await transaction
        .table('hashtagMedia')
        .toCollection()
        .modify((media: { permalink?: string | null }) => {
          media.permalink ??= null
        })
    },
  },
]

interface LegacyConsentTemplate {
  organisation?: string
  contact?: string
  texts?: Record<string, { items?: Array<{ kind?: string }> }>
}

interface LegacyConsentRecord {
  signerName?: string
  signature?: Array<{ points: Array<[number, number]> }>
  guardianName?: string | null
  personal?: unknown
  personalHash?: string
  language?: string
  request?: unknown
  sequence?: number
}

export const currentSchemaVersion = schemaVersions.at(-1)?.version ?? 0

export const eventScopedTables = [
  'stops',
  'scheduleShifts',
  'participants',
  'checkins',
  'consentTemplates',
  'consents',
  'hashtagSamples',
  'hashtagMedia',
  'signingKeys',
] as const
export type EventScopedTable = (typeof eventScopedTables)[number]

export class PhotowalkDatabase extends Dexie {
  events!: Table<PhotowalkEvent, string>
  stops!: Table<Stop, string>
  scheduleShifts!: Table<ScheduleShift, string>
  participants!: Table<Participant, string>
  checkins!: Table<CheckIn, string>
  consentTemplates!: Table<ConsentTemplate, string>
  consents!: Table<ConsentRecord, string>
  hashtagSamples!: Table<HashtagSample, string>
  hashtagMedia!: Table<HashtagMedia, [string, string]>
  hashtagLookups!: Table<HashtagLookup, [string, string]>
  meta!: Table<MetaEntry, string>
  sharedEvents!: Table<SharedEvent, string>
  signingKeys!: Table<EventSigningKey, string>

  /** `versions` is only narrowed by the migration tests, to write data as an older app did. */
  constructor(name = databaseName, versions: readonly SchemaVersion[] = schemaVersions) {
    super(name)
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores)
      if (upgrade) declared.upgrade(upgrade)
    }
  }
}
