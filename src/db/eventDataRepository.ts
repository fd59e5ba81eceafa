import type { HashtagSample, Id } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

/** Counts and summaries of what an event holds, for the screens that only show figures. */
export function createEventDataRepository(db: PhotowalkDatabase) {
  return {
    consentCount: (eventId: Id): Promise<number> => db.consents.where('eventId').equals(eventId).count(),
    consentTemplateCount: (eventId: Id): Promise<number> => db.consentTemplates.where('eventId').equals(eventId).count(),
    latestHashtagSample: async (eventId: Id): Promise<HashtagSample | null> =>
      (await db.hashtagSamples.where('eventId').equals(eventId).sortBy('at')).at(-1) ?? null,
  }
}

export type EventDataRepository = ReturnType<typeof createEventDataRepository>
