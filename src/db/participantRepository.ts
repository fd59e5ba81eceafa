import type { ParticipantDetails } from '@/domain/participant'
import type { CheckIn, Id, IsoInstant, Participant } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

export interface NewParticipant {
  id: Id
  badgeCode: string
  details: ParticipantDetails
  source: Participant['source']
}

/** The roster and the check-in records. Check-ins are appended, never changed. */
export function createParticipantRepository(db: PhotowalkDatabase) {
  const toParticipant = (eventId: Id, entry: NewParticipant, now: IsoInstant): Participant => ({
    ...entry.details,
    id: entry.id,
    eventId,
    badgeCode: entry.badgeCode,
    source: entry.source,
    createdAt: now,
  })

  return {
    participants: (eventId: Id): Promise<Participant[]> => db.participants.where('eventId').equals(eventId).toArray(),
    get: (id: Id) => db.participants.get(id),
    checkins: (eventId: Id): Promise<CheckIn[]> =>
      db.checkins.where('[eventId+at]').between([eventId, ''], [eventId, '\uffff']).toArray(),

    /** The records of one checkpoint only: what the check-in screen needs, a fraction of the day's. */
    checkinsAt: (eventId: Id, stopId: Id): Promise<CheckIn[]> => db.checkins.where('[eventId+stopId]').equals([eventId, stopId]).toArray(),

    /** How many records a checkpoint has: a cheap way to notice records written elsewhere. */
    countAt: (eventId: Id, stopId: Id): Promise<number> => db.checkins.where('[eventId+stopId]').equals([eventId, stopId]).count(),

    /** Who carries a badge code, in any event on this device. */
    byBadgeCode: (code: string): Promise<Participant[]> => db.participants.where('badgeCode').equals(code).toArray(),

    async add(eventId: Id, entry: NewParticipant, now: IsoInstant): Promise<Participant> {
      const participant = toParticipant(eventId, entry, now)
      await db.participants.add(participant)
      return participant
    },

    async update(id: Id, details: ParticipantDetails): Promise<void> {
      await db.transaction('rw', db.participants, async () => {
        const existing = await db.participants.get(id)
        if (!existing) throw new Error(`participant ${id} does not exist`)
        await db.participants.put({ ...existing, ...details })
      })
    },

    /** Removes a person from the roster; their check-ins and consents stay as the record of what happened. */
    remove: (id: Id) => db.participants.delete(id),

    /** An import, whole or not at all. */
    async importParticipants(
      eventId: Id,
      plan: { toAdd: NewParticipant[]; toUpdate: Array<{ id: Id; details: ParticipantDetails }> },
      now: IsoInstant,
    ): Promise<void> {
      await db.transaction('rw', db.participants, async () => {
        await db.participants.bulkAdd(plan.toAdd.map((entry) => toParticipant(eventId, entry, now)))
        for (const { id, details } of plan.toUpdate) {
          const existing = await db.participants.get(id)
          if (!existing || existing.eventId !== eventId) throw new Error(`participant ${id} is not in this event`)
          await db.participants.put({ ...existing, ...details })
        }
      })
    },

    /** Adds a walk-in and checks them in, in one transaction. */
    async addAndCheckIn(eventId: Id, entry: NewParticipant, checkIn: CheckIn, now: IsoInstant): Promise<Participant> {
      return db.transaction('rw', db.participants, db.checkins, async () => {
        const participant = toParticipant(eventId, entry, now)
        await db.participants.add(participant)
        await db.checkins.add(checkIn)
        return participant
      })
    },

    appendCheckIn: (record: CheckIn) => db.checkins.add(record),
  }
}

export type ParticipantRepository = ReturnType<typeof createParticipantRepository>
