import { requestPersistentStorage } from '@/services/storage'
import { loadDatabase } from './database'

/**
 * Browsers may evict a site's data under storage pressure unless it is marked persistent. The
 * request is made at the first write, when there is something worth keeping, and only once.
 */
export async function askForPersistenceOnFirstWrite(): Promise<void> {
  try {
    const { metaRepository } = await loadDatabase()
    const askedBefore = await metaRepository().markPersistenceRequested()
    // Not awaited: a browser may ask the person, and the write that led here is already done.
    if (!askedBefore) void requestPersistentStorage()
  } catch (error) {
    console.error(error)
  }
}
