import { computed, type Ref } from 'vue'
import type { Id } from '@/domain/types'
import { liveQueryRef } from './live'

interface EventSummary {
  consentCount: number
  consentTemplateCount: number
}

const emptySummary: EventSummary = { consentCount: 0, consentTemplateCount: 0 }

/**
 * Counts of an event, kept current: cheap queries, no record lists. (The post count is the counter
 * store's: its readings change every minute, and would wake this query each time.)
 */
export function useEventSummary(eventId: Ref<Id | null | undefined>) {
  const live = liveQueryRef<EventSummary>(() => {
    const id = eventId.value
    if (!id) return null
    return async (db) => {
      const data = db.eventDataRepository()
      const [consentCount, consentTemplateCount] = await Promise.all([data.consentCount(id), data.consentTemplateCount(id)])
      return { consentCount, consentTemplateCount }
    }
  }, emptySummary)
  return {
    consentCount: computed(() => live.value.value.consentCount),
    consentTemplateCount: computed(() => live.value.value.consentTemplateCount),
    ready: live.ready,
  }
}
