import { database } from './database'
import { createConsentRepository } from './consentRepository'
import { createCounterRepository } from './counterRepository'
import { createEventRecordsRepository } from './eventRecordsRepository'
import { createEventRepository } from './eventRepository'
import { createItineraryRepository } from './itineraryRepository'
import { createMetaRepository } from './metaRepository'
import { createParticipantRepository } from './participantRepository'
import { createSharedEventRepository } from './sharedEventRepository'
import { createSigningKeyRepository } from './signingKeyRepository'

export { observe, openDatabase, storageProblemOf, type StorageProblem } from './database'
export type { EventContents, NewSigningKey } from './eventRepository'
export type { ReceiveOutcome, ReceiveResult } from './sharedEventRepository'
export type { NewParticipant } from './participantRepository'
export type { SeenBatch } from './counterRepository'
export { ConsentChainMovedError, ConsentTemplateUsedError } from './consentRepository'

/** Repositories bound to the app's database. */
export const consentRepository = () => createConsentRepository(database())
export const counterRepository = () => createCounterRepository(database())
export const eventRepository = () => createEventRepository(database())
export const itineraryRepository = () => createItineraryRepository(database())
export const metaRepository = () => createMetaRepository(database())
export const participantRepository = () => createParticipantRepository(database())
export const sharedEventRepository = () => createSharedEventRepository(database())
export const eventRecordsRepository = () => createEventRecordsRepository(database())
export const signingKeyRepository = () => createSigningKeyRepository(database())
