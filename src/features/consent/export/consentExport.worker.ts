import type { ConsentExportInput } from '@/domain/consentExport'
import type { Language } from '@/domain/types'
import { buildConsentZip, type ZipProgress } from '@/services/consentZip'
import { sha256Hex } from '@/services/digest'

/** What the page sends: everything the export is made from, and the font bytes it fetched. */
export interface ConsentExportRequest {
  input: ConsentExportInput
  language: Language
  fonts: { regular: ArrayBuffer; arabic: ArrayBuffer }
  exportedAt: string
}

export type ConsentExportMessage =
  | { kind: 'progress'; progress: ZipProgress }
  | { kind: 'done'; fileName: string; blob: Blob; pdfCount: number }
  | { kind: 'failed'; message: string }

/**
 * Builds the consent ZIP away from the page, so the screen stays responsive. Cancelling is the
 * page terminating this worker: nothing is written anywhere until the page saves the result.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ConsentExportRequest>) => void) | null
  postMessage(message: ConsentExportMessage): void
}
const scope = self as unknown as WorkerScope
scope.onmessage = async (event: MessageEvent<ConsentExportRequest>) => {
  const { input, language, fonts, exportedAt } = event.data
  const post = (message: ConsentExportMessage) => scope.postMessage(message)
  try {
    let lastPosted = 0
    const zip = await buildConsentZip(input, {
      language,
      fonts: { regular: new Uint8Array(fonts.regular), arabic: new Uint8Array(fonts.arabic) },
      exportedAt: new Date(exportedAt),
      digest: (bytes) => sha256Hex(bytes),
      onProgress: (progress) => {
        // One message every few PDFs is plenty for a progress bar, and keeps the page's queue short.
        const now = performance.now()
        if (progress.stage === 'pdfs' && progress.done !== progress.total && progress.done !== 0 && now - lastPosted < 100) return
        lastPosted = now
        post({ kind: 'progress', progress })
      },
    })
    post({ kind: 'done', fileName: zip.fileName, blob: new Blob(zip.parts as BlobPart[], { type: 'application/zip' }), pdfCount: zip.pdfCount })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
