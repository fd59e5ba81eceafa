import { database } from './database'
import { createEventDataRepository } from './eventDataRepository'
import { createEventRepository } from './eventRepository'
import { createMetaRepository } from './metaRepository'

export { observe } from './database'
export type { EventContents } from './eventRepository'

/** Repositories bound to the app's database. */
export const eventRepository = () => createEventRepository(database())
export const eventDataRepository = () => createEventDataRepository(database())
export const metaRepository = () => createMetaRepository(database())
