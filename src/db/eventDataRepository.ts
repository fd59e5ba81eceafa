import type { CheckIn, HashtagSample, Id, Participant, Stop } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

/** Read access to what an event holds, for the screens that list it. */
export function createEventDataRepository(db: PhotowalkDatabase) {
  return {
    stops: (eventId: Id): Promise<Stop[]> =>
      db.stops.where('[eventId+order]').between([eventId, -Infinity], [eventId, Infinity]).toArray(),
    participants: (eventId: Id): Promise<Participant[]> => db.participants.where('eventId').equals(eventId).toArray(),
    checkins: (eventId: Id): Promise<CheckIn[]> =>
      db.checkins.where('[eventId+at]').between([eventId, ''], [eventId, '\uffff']).toArray(),
    consentCount: (eventId: Id): Promise<number> => db.consents.where('eventId').equals(eventId).count(),
    latestHashtagSample: async (eventId: Id): Promise<HashtagSample | null> =>
      (await db.hashtagSamples.where('eventId').equals(eventId).sortBy('at')).at(-1) ?? null,
    consentTemplateCount: (eventId: Id): Promise<number> =>
      db.consentTemplates.where('eventId').equals(eventId).count(),
  }
}

export type EventDataRepository = ReturnType<typeof createEventDataRepository>
