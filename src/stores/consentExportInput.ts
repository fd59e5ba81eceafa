import { consentRepository } from '@/db'
import type { ConsentExportInput } from '@/domain/consentExport'
import type { Id } from '@/domain/types'

/**
 * What the post-event ZIP is made from, read by the export's worker itself: a thousand records
 * with their signatures never pass through the page, whose thread stays free for the screen.
 * Null when the event is no longer there.
 */
export function readConsentExportInput(eventId: Id): Promise<ConsentExportInput | null> {
  return consentRepository().exportInput(eventId)
}
