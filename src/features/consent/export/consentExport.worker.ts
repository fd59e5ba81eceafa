import type { AccessExportDocument, ConsentExportInput } from '@/domain/consentExport'
import type { Id, Language, Participant, PhotowalkEvent } from '@/domain/types'
import { accessExportPdf, frequentNameCharacters } from '@/services/consentPdf'
import { buildConsentZip, type ZipProgress } from '@/services/consentZip'
import { sha256Hex } from '@/services/digest'
import { readConsentExportInput } from '@/stores/consentExportInput'
import type { PdfShareMessage, PdfShareRequest } from './consentPdf.worker'

/**
 * What the page sends: which event to export, with the font bytes it fetched; the worker reads
 * the event's roster, forms and register itself, in one transaction.
 */
export type ConsentExportRequest =
  | {
      kind: 'start'
      eventId: Id
      language: Language
      fonts: { regular: ArrayBuffer; arabic: ArrayBuffer }
      exportedAt: string
    }
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
  | { kind: 'failed'; message: string; eventGone?: boolean }

/**
 * Builds the consent ZIP away from the page, so the screen stays responsive. Cancelling is the
 * page terminating this worker: nothing is written anywhere until the page saves the result.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ConsentExportRequest>) => void) | null
  postMessage(message: ConsentExportMessage): void
}
const scope = self as unknown as WorkerScope
scope.onmessage = (event: MessageEvent<ConsentExportRequest>) => {
  const message = event.data
  if (message.kind === 'start') void build(message)
  else void buildAccess(message)
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
/** Records the second worker holds at once: one being made, others waiting, so it never idles on a message. */
const recordsInFlight = 3

/**
 * Lets the worker's event loop run: making a PDF never waits on anything but promises already
 * settled, so without a pause the other worker's answers (and its next records) would wait until
 * the end. A message to oneself is a task without the 4 ms floor of a nested timeout.
 */
const pauseChannel = new MessageChannel()
const pauses: Array<() => void> = []
pauseChannel.port1.onmessage = () => pauses.shift()?.()
const letMessagesIn = () =>
  new Promise<void>((resolve) => {
    pauses.push(resolve)
    pauseChannel.port2.postMessage(null)
  })

/**
 * Shares the PDFs with a second worker, so both cores make them. This worker makes them from the
 * first record up and zips them in order; the other takes them one at a time from the last record
 * down, as fast as it goes, until the two meet: neither waits for a share fixed in advance.
 * `pdfMadeElsewhere(index)` is asked as this worker reaches each record: the promise of the other
 * worker's PDF, or undefined when it is this worker's to make.
 */
function shareThePdfs(input: ConsentExportInput, fonts: { regular: ArrayBuffer; arabic: ArrayBuffer }) {
  if (input.records.length < recordsWorthASecondWorker || typeof Worker === 'undefined') return undefined
  const helper = new Worker(new URL('./consentPdf.worker.ts', import.meta.url), { type: 'module', name: 'consent-pdfs' })
  const waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>()
  const promises = new Map<number, Promise<Uint8Array>>()
  const participants = new Map(input.participants.map((participant) => [participant.id, participant]))
  let reached = -1
  let nextFromTheEnd = input.records.length - 1
  let failure: Error | null = null

  const send = (request: PdfShareRequest, transfer: Transferable[] = []) => helper.postMessage(request, transfer)
  const feed = () => {
    while (failure === null && waiting.size < recordsInFlight && nextFromTheEnd > reached) {
      const index = nextFromTheEnd
      nextFromTheEnd -= 1
      const record = input.records[index]
      if (!record) continue
      promises.set(index, new Promise((resolve, reject) => waiting.set(index, { resolve, reject })))
      send({ kind: 'record', index, record, participant: participants.get(record.participantId) ?? null })
    }
  }
  const failAll = (message: string) => {
    failure = new Error(message)
    for (const { reject } of waiting.values()) reject(failure)
    waiting.clear()
  }
  helper.onmessage = ({ data }: MessageEvent<PdfShareMessage>) => {
    if (data.kind === 'failed') return failAll(data.message)
    waiting.get(data.index)?.resolve(data.bytes)
    waiting.delete(data.index)
    feed()
  }
  helper.onerror = (error) => failAll(error.message)
  const regular = fonts.regular.slice(0)
  const arabic = fonts.arabic.slice(0)
  send(
    {
      kind: 'setup',
      event: input.event,
      templates: [...input.templates],
      frequentCharacters: frequentNameCharacters(input.records, input.participants),
      fonts: { regular, arabic },
    },
    [regular, arabic],
  )
  feed()
  return {
    async pdfMadeElsewhere(index: number): Promise<Uint8Array | undefined> {
      // Claimed first: while the loop runs, the other worker's next records are taken above this one.
      reached = Math.max(reached, index)
      await letMessagesIn()
      if (failure) throw failure
      const made = promises.get(index)
      promises.delete(index)
      return made
    },
    stop: () => helper.terminate(),
  }
}

function joined(parts: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0))
  let offset = 0
  for (const part of parts) {
    whole.set(part, offset)
    offset += part.length
  }
  return whole
}

async function build({ eventId, language, fonts, exportedAt }: Extract<ConsentExportRequest, { kind: 'start' }>) {
  const post = (message: ConsentExportMessage) => scope.postMessage(message)
  let share: ReturnType<typeof shareThePdfs> = undefined
  try {
    const input = await readConsentExportInput(eventId)
    if (!input) return post({ kind: 'failed', message: `event ${eventId} is not on this device`, eventGone: true })
    share = shareThePdfs(input, fonts)
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
    // One piece, not the thousands fflate wrote: the page's thread pays for every piece of a Blob when it opens the file.
    post({ kind: 'done', fileName: zip.fileName, blob: new Blob([joined(zip.parts) as BlobPart], { type: 'application/zip' }), pdfCount: zip.pdfCount })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    share?.stop()
  }
}
