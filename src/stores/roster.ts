import { defineStore } from 'pinia'
import { computed } from 'vue'
import { checkpointsOf } from '@/domain/attendance'
import { intlLocale } from '@/domain/format'
import { searchable } from '@/domain/search'
import type { Participant, Stop } from '@/domain/types'
import { useEventsStore } from './events'
import { liveQueryRef } from './live'
import { useSettingsStore } from './settings'

/**
 * The current event's roster and checkpoints, shared by every screen that lists people, so that
 * moving between the roster and the check-in screen does not read thousands of people again.
 */
export const useRosterStore = defineStore('roster', () => {
  const events = useEventsStore()
  const settings = useSettingsStore()
  // The event object changes with every edit; the roster depends on its id only.
  const eventId = computed(() => events.currentEvent?.id)
  const live = liveQueryRef<{ participants: Participant[]; stops: Stop[] }>(() => {
    const id = eventId.value
    if (!id) return null
    return async (db) => {
      const [participants, stops] = await Promise.all([
        db.participantRepository().participants(id),
        db.itineraryRepository().stops(id),
      ])
      return { participants, stops }
    }
  }, { participants: [], stops: [] })

  const participants = computed(() => live.value.value.participants)
  const checkpoints = computed(() => checkpointsOf(live.value.value.stops))
  /** Sorted by name and folded for search once per roster change, never per keystroke. */
  const searchIndex = computed(() => {
    const collator = new Intl.Collator(intlLocale(settings.language), { sensitivity: 'base' })
    return [...participants.value]
      .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
      .map(searchable)
  })

  return {
    /** True once the roster has been read. */
    ready: computed(() => live.ready.value && live.error.value === null),
    failed: computed(() => live.error.value !== null),
    participants,
    checkpoints,
    searchIndex,
  }
})
