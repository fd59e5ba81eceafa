import { effectiveCheckins } from './attendance'
import { searchParticipants, type SearchableParticipant } from './search'
import type { CheckIn, Id, IsoInstant, Participant, ParticipantRole } from './types'

/**
 * When each person first arrived at any of the checkpoints: their earliest arrival still in force
 * (an undone one does not count; leaving later does not change it).
 */
export function firstArrivals(records: readonly CheckIn[], checkpointIds: readonly Id[]): Map<Id, IsoInstant> {
  const checkpoints = new Set(checkpointIds)
  const arrivals = new Map<Id, IsoInstant>()
  // Effective records come in time order: the first arrival seen is the earliest.
  for (const record of effectiveCheckins(records)) {
    if (record.action === 'in' && checkpoints.has(record.stopId) && !arrivals.has(record.participantId)) {
      arrivals.set(record.participantId, record.at)
    }
  }
  return arrivals
}

export interface RosterCriteria {
  query: string
  role: ParticipantRole | ''
  status: '' | 'arrived' | 'notArrived'
  sort: 'name' | 'arrival'
}

// ISO instants compare as plain strings, quickly and the same everywhere.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The roster as the list shows it: matching the search, the role and the arrival filter, in name
 * order (the index's) or by first arrival, earliest first, then name; those not arrived come last.
 */
export function selectRoster(
  index: readonly SearchableParticipant[],
  criteria: RosterCriteria,
  arrivals: ReadonlyMap<Id, IsoInstant>,
): Participant[] {
  const found = searchParticipants(index, criteria.query).filter(
    (participant) =>
      (criteria.role === '' || participant.role === criteria.role) &&
      (criteria.status === '' || (criteria.status === 'arrived') === arrivals.has(participant.id)),
  )
  if (criteria.sort === 'name') return found
  const nameOrder = new Map(found.map((participant, position) => [participant.id, position]))
  return found.sort(
    (a, b) =>
      compareText(arrivals.get(a.id) ?? '\uffff', arrivals.get(b.id) ?? '\uffff') || (nameOrder.get(a.id) ?? 0) - (nameOrder.get(b.id) ?? 0),
  )
}
