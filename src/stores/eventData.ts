import { computed, type Ref } from 'vue'
import type { CheckIn, HashtagSample, Id, Participant, Stop } from '@/domain/types'
import { liveQueryRef } from './live'

interface EventData {
  stops: Stop[]
  participants: Participant[]
  checkins: CheckIn[]
  consentCount: number
  consentTemplateCount: number
  latestHashtagSample: HashtagSample | null
}

const emptyEventData: EventData = { stops: [], participants: [], checkins: [], consentCount: 0, consentTemplateCount: 0, latestHashtagSample: null }

/** What is recorded for one event, kept current as records are added on this device or another tab. */
export function useEventData(eventId: Ref<Id | null | undefined>) {
  const live = liveQueryRef<EventData>(() => {
    const id = eventId.value
    if (!id) return null
    return async (db) => {
      const data = db.eventDataRepository()
      const [stops, participants, checkins, consentCount, consentTemplateCount, latestHashtagSample] = await Promise.all([
        data.stops(id),
        data.participants(id),
        data.checkins(id),
        data.consentCount(id),
        data.consentTemplateCount(id),
        data.latestHashtagSample(id),
      ])
      return { stops, participants, checkins, consentCount, consentTemplateCount, latestHashtagSample }
    }
  }, emptyEventData)
  return {
    stops: computed(() => live.value.value.stops),
    participants: computed(() => live.value.value.participants),
    checkins: computed(() => live.value.value.checkins),
    consentCount: computed(() => live.value.value.consentCount),
    consentTemplateCount: computed(() => live.value.value.consentTemplateCount),
    latestHashtagSample: computed(() => live.value.value.latestHashtagSample),
    ready: live.ready,
  }
}
