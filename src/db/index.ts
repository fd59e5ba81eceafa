import { database } from './database'
import { createEventDataRepository } from './eventDataRepository'
import { createEventRepository } from './eventRepository'
import { createItineraryRepository } from './itineraryRepository'
import { createMetaRepository } from './metaRepository'
import { createSharedEventRepository } from './sharedEventRepository'

export { observe } from './database'
export type { EventContents } from './eventRepository'
export type { ReceiveOutcome } from './sharedEventRepository'

/** Repositories bound to the app's database. */
export const eventRepository = () => createEventRepository(database())
export const eventDataRepository = () => createEventDataRepository(database())
export const itineraryRepository = () => createItineraryRepository(database())
export const metaRepository = () => createMetaRepository(database())
export const sharedEventRepository = () => createSharedEventRepository(database())
