import type {
  CheckIn,
  ConsentRecord,
  ConsentTemplate,
  EventSigningKey,
  HashtagMedia,
  HashtagSample,
  Participant,
  PhotowalkEvent,
  ScheduleShift,
  Stop,
} from './types'

/**
 * Everything recorded about one or more events, table by table: what a backup carries, what a
 * restore writes and what a merge of two organisers' phones unites. One list per event-scoped
 * table of the database, in the shape the database stores.
 */
export interface EventRecords {
  events: PhotowalkEvent[]
  stops: Stop[]
  scheduleShifts: ScheduleShift[]
  participants: Participant[]
  checkins: CheckIn[]
  consentTemplates: ConsentTemplate[]
  consents: ConsentRecord[]
  hashtagSamples: HashtagSample[]
  hashtagMedia: HashtagMedia[]
  /** Share-link signing keys: secret, but they travel so another organiser's phone can update the links. */
  signingKeys: EventSigningKey[]
}

export type EventRecordTable = keyof EventRecords

export const eventRecordTables: readonly EventRecordTable[] = [
  'events',
  'stops',
  'scheduleShifts',
  'participants',
  'checkins',
  'consentTemplates',
  'consents',
  'hashtagSamples',
  'hashtagMedia',
  'signingKeys',
]

export function emptyEventRecords(): EventRecords {
  return {
    events: [],
    stops: [],
    scheduleShifts: [],
    participants: [],
    checkins: [],
    consentTemplates: [],
    consents: [],
    hashtagSamples: [],
    hashtagMedia: [],
    signingKeys: [],
  }
}
