import { computed, type Ref } from 'vue'
import type { HashtagSample, Id } from '@/domain/types'
import { liveQueryRef } from './live'

interface EventSummary {
  consentCount: number
  consentTemplateCount: number
  latestHashtagSample: HashtagSample | null
}

const emptySummary: EventSummary = { consentCount: 0, consentTemplateCount: 0, latestHashtagSample: null }

/** Counts and the latest post count of an event, kept current: cheap queries, no record lists. */
export function useEventSummary(eventId: Ref<Id | null | undefined>) {
  const live = liveQueryRef<EventSummary>(() => {
    const id = eventId.value
    if (!id) return null
    return async (db) => {
      const data = db.eventDataRepository()
      const [consentCount, consentTemplateCount, latestHashtagSample] = await Promise.all([
        data.consentCount(id),
        data.consentTemplateCount(id),
        data.latestHashtagSample(id),
      ])
      return { consentCount, consentTemplateCount, latestHashtagSample }
    }
  }, emptySummary)
  return {
    consentCount: computed(() => live.value.value.consentCount),
    consentTemplateCount: computed(() => live.value.value.consentTemplateCount),
    latestHashtagSample: computed(() => live.value.value.latestHashtagSample),
    ready: live.ready,
  }
}
