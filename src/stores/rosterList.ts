import { computed, shallowRef, type Ref } from 'vue'
import { firstArrivals, selectRoster, type RosterCriteria } from '@/domain/roster'
import type { Id, PhotowalkEvent } from '@/domain/types'
import { useEventCheckins } from './participants'
import { useRosterStore } from './roster'

/** The roster screen's list: search, filters and sort as the organiser sets them, and who arrived when. */
export function useRosterList(event: Ref<PhotowalkEvent | null>) {
  const roster = useRosterStore()
  const checkins = useEventCheckins(event)
  const query = shallowRef('')
  const role = shallowRef<RosterCriteria['role']>('')
  const status = shallowRef<RosterCriteria['status']>('')
  const sort = shallowRef<RosterCriteria['sort']>('name')

  const arrivals = computed(() =>
    firstArrivals(
      checkins.value.value,
      roster.checkpoints.map((checkpoint) => checkpoint.id),
    ),
  )
  const results = computed(() =>
    selectRoster(roster.searchIndex, { query: query.value, role: role.value, status: status.value, sort: sort.value }, arrivals.value),
  )

  return { query, role, status, sort, results, arrivalOf: (id: Id) => arrivals.value.get(id) ?? null }
}
