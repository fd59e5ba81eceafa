import type { ConsentRecord, ConsentTemplate, Participant, PhotowalkEvent } from '@/domain/types'
import { consentRecordPdf } from '@/services/consentPdf'

/** A share of the export's PDFs, given by the export's worker: each with what its PDF shows. */
export interface PdfShareRequest {
  event: PhotowalkEvent
  /** The same as the export's worker uses, so that both make the same shared font. */
  frequentCharacters: string
  fonts: { regular: ArrayBuffer; arabic: ArrayBuffer }
  items: Array<{ index: number; record: ConsentRecord; participant: Participant | null; template: ConsentTemplate | undefined }>
}

export type PdfShareMessage = { kind: 'pdf'; index: number; bytes: Uint8Array } | { kind: 'failed'; message: string }

interface WorkerScope {
  onmessage: ((event: MessageEvent<PdfShareRequest>) => void) | null
  postMessage(message: PdfShareMessage, transfer?: Transferable[]): void
}
const scope = self as unknown as WorkerScope

/**
 * Makes PDFs on the machine's other core while the export's worker makes the rest and zips them:
 * each PDF goes back as soon as it is made, its bytes moved, not copied.
 */
scope.onmessage = async ({ data }: MessageEvent<PdfShareRequest>) => {
  const fonts = { regular: new Uint8Array(data.fonts.regular), arabic: new Uint8Array(data.fonts.arabic) }
  try {
    for (const item of data.items) {
      const bytes = await consentRecordPdf(item.record, { event: data.event, participant: item.participant, template: item.template, frequentCharacters: data.frequentCharacters }, fonts)
      scope.postMessage({ kind: 'pdf', index: item.index, bytes }, [bytes.buffer])
    }
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
