import { computed, type Ref } from 'vue'
import type { DuplicatePolicy, ImportPlan } from '@/domain/importPlan'
import { validateParticipantDraft, type ParticipantDraft, type ParticipantFieldError } from '@/domain/participant'
import { ok, type Result } from '@/domain/result'
import type { CheckIn, Id, Participant, PhotowalkEvent } from '@/domain/types'
import { nowIso } from '@/services/clock'
import { newBadgeCode, newId } from '@/services/ids'
import { loadDatabase } from './database'
import { liveQueryRef } from './live'
import { askForPersistenceOnFirstWrite } from './persistence'

const roster = async () => (await loadDatabase()).participantRepository()

function requireEvent(event: Ref<PhotowalkEvent | null>): PhotowalkEvent {
  if (!event.value) throw new Error('no event is selected')
  return event.value
}

/** Adding, editing, removing and importing people. */
export function useRosterActions(event: Ref<PhotowalkEvent | null>) {
  // Ages are counted on the event's day, not on the phone's.
  const ages = () => ({ eventDate: requireEvent(event).date })

  async function addParticipant(draft: ParticipantDraft): Promise<Result<Participant, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, ages())
    if (!details.ok) return details
    const participant = await (await roster()).add(
      requireEvent(event).id,
      { id: newId(), badgeCode: newBadgeCode(), details: details.value, source: 'manual' },
      nowIso(),
    )
    await askForPersistenceOnFirstWrite()
    return ok(participant)
  }

  async function updateParticipant(id: Id, draft: ParticipantDraft): Promise<Result<Id, ParticipantFieldError[]>> {
    const details = validateParticipantDraft(draft, ages())
    if (!details.ok) return details
    await (await roster()).update(id, details.value)
    return ok(id)
  }

  async function importPlan(plan: ImportPlan): Promise<void> {
    await (await roster()).importParticipants(
      requireEvent(event).id,
      {
        toAdd: plan.toAdd.map((details) => ({ id: newId(), badgeCode: newBadgeCode(), details, source: 'import' })),
        toUpdate: plan.toUpdate,
      },
      nowIso(),
    )
    await askForPersistenceOnFirstWrite()
  }

  return {
    addParticipant,
    updateParticipant,
    importPlan,
    removeParticipant: async (id: Id) => (await roster()).remove(id),
    getParticipant: async (id: Id) => (await roster()).get(id),
    /** Every check-in of the event, read when needed (an export), not kept live. */
    allCheckins: async () => (await roster()).checkins(requireEvent(event).id),
  }
}

/** Every check-in of the event, kept live: for the roster's arrival times. */
export function useEventCheckins(event: Ref<PhotowalkEvent | null>) {
  const eventId = computed(() => event.value?.id)
  return liveQueryRef<CheckIn[]>(() => {
    const id = eventId.value
    return id ? (db) => db.participantRepository().checkins(id) : null
  }, [])
}

export type { DuplicatePolicy }
