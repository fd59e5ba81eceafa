import type { AccessExportDocument, ConsentExportInput } from '@/domain/consentExport'
import type { ConsentRecord, Language, Participant, PhotowalkEvent } from '@/domain/types'
import { accessExportPdf, frequentNameCharacters } from '@/services/consentPdf'
import { buildConsentZip, type ZipProgress } from '@/services/consentZip'
import { sha256Hex } from '@/services/digest'
import type { PdfShareMessage, PdfShareRequest } from './consentPdf.worker'

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

/** Below this many records, a second worker costs more to start than it saves. */
const recordsWorthASecondWorker = 40

/**
 * Hands every other record's PDF to a second worker, so both cores make PDFs; answers, for an
 * index, the promise of that PDF (or undefined: made here).
 */
function shareThePdfs(input: ConsentExportInput, fonts: { regular: ArrayBuffer; arabic: ArrayBuffer }) {
  if (input.records.length < recordsWorthASecondWorker || typeof Worker === 'undefined') return undefined
  const helper = new Worker(new URL('./consentPdf.worker.ts', import.meta.url), { type: 'module', name: 'consent-pdfs' })
  const waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>()
  const promises = new Map<number, Promise<Uint8Array>>()
  const participants = new Map(input.participants.map((participant) => [participant.id, participant]))
  const templates = new Map(input.templates.map((template) => [template.id, template]))
  const items: PdfShareRequest['items'] = []
  input.records.forEach((record, index) => {
    if (index % 2 === 0) return
    promises.set(index, new Promise((resolve, reject) => waiting.set(index, { resolve, reject })))
    items.push({ index, record, participant: participants.get(record.participantId) ?? null, template: templates.get(record.templateId) })
  })
  const failAll = (message: string) => {
    for (const { reject } of waiting.values()) reject(new Error(message))
    waiting.clear()
  }
  helper.onmessage = ({ data }: MessageEvent<PdfShareMessage>) => {
    if (data.kind === 'failed') return failAll(data.message)
    waiting.get(data.index)?.resolve(data.bytes)
    waiting.delete(data.index)
  }
  helper.onerror = (error) => failAll(error.message)
  const request: PdfShareRequest = { event: input.event, frequentCharacters: frequentNameCharacters(input.records, input.participants), fonts: { regular: fonts.regular.slice(0), arabic: fonts.arabic.slice(0) }, items }
  helper.postMessage(request)
  return {
    pdfMadeElsewhere: (index: number) => promises.get(index),
    stop: () => helper.terminate(),
  }
}

async function build({ input: partial, language, fonts, exportedAt }: Extract<ConsentExportRequest, { kind: 'start' }>) {
  const post = (message: ConsentExportMessage) => scope.postMessage(message)
  const input: ConsentExportInput = { ...partial, participants, records }
  const share = shareThePdfs(input, fonts)
  try {
    let lastPosted = 0
    const zip = await buildConsentZip(
      input,
      {
        pdfMadeElsewhere: share?.pdfMadeElsewhere,
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
