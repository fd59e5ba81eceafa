import type { AccessExportDocument, ConsentExportInput } from '@/domain/consentExport'
import type { ConsentRecord, Language, Participant, PhotowalkEvent } from '@/domain/types'
import { accessExportPdf } from '@/services/consentPdf'
import { buildConsentZip, type ZipProgress } from '@/services/consentZip'
import { sha256Hex } from '@/services/digest'

/**
 * What the page sends: first what the export is made from, less its records and participants, and
 * the font bytes it fetched; then the participants and records in parts (each part copied in a
 * short task of its own on the page); then `build`.
 */
export type ConsentExportRequest =
  | {
      kind: 'start'
      input: Omit<ConsentExportInput, 'participants' | 'records'>
      language: Language
      fonts: { regular: ArrayBuffer; arabic: ArrayBuffer }
      exportedAt: string
    }
  | { kind: 'part'; participants: Participant[]; records: ConsentRecord[] }
  | { kind: 'build' }
  /** One participant's right-of-access PDF, away from the page too: parsing the fonts alone takes longer than a frame. */
  | {
      kind: 'access'
      document: AccessExportDocument
      event: PhotowalkEvent
      participant: Participant
      language: Language
      fonts: { regular: ArrayBuffer; arabic: ArrayBuffer }
      fileName: string
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
let start: Extract<ConsentExportRequest, { kind: 'start' }> | null = null
const participants: Participant[] = []
const records: ConsentRecord[] = []

scope.onmessage = (event: MessageEvent<ConsentExportRequest>) => {
  const message = event.data
  if (message.kind === 'start') start = message
  else if (message.kind === 'part') {
    participants.push(...message.participants)
    records.push(...message.records)
  } else if (message.kind === 'access') void buildAccess(message)
  else if (start) void build(start)
}

async function buildAccess({ document, event, participant, language, fonts, fileName }: Extract<ConsentExportRequest, { kind: 'access' }>) {
  try {
    const bytes = await accessExportPdf(document, event, participant, language, { regular: new Uint8Array(fonts.regular), arabic: new Uint8Array(fonts.arabic) })
    scope.postMessage({ kind: 'done', fileName, blob: new Blob([bytes as BlobPart], { type: 'application/pdf' }), pdfCount: 1 })
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}

async function build({ input, language, fonts, exportedAt }: Extract<ConsentExportRequest, { kind: 'start' }>) {
  const post = (message: ConsentExportMessage) => scope.postMessage(message)
  try {
    let lastPosted = 0
    const zip = await buildConsentZip(
      { ...input, participants, records },
      {
        language,
        fonts: { regular: new Uint8Array(fonts.regular), arabic: new Uint8Array(fonts.arabic) },
        exportedAt: new Date(exportedAt),
        digest: (bytes) => sha256Hex(bytes),
        onProgress: (progress) => {
          // A message every tenth of a second is plenty for a progress bar, and keeps the page's queue short.
          const now = performance.now()
          if (progress.stage === 'pdfs' && progress.done !== progress.total && progress.done !== 0 && now - lastPosted < 100) return
          lastPosted = now
          post({ kind: 'progress', progress })
        },
      },
    )
    post({ kind: 'done', fileName: zip.fileName, blob: new Blob(zip.parts as BlobPart[], { type: 'application/zip' }), pdfCount: zip.pdfCount })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
