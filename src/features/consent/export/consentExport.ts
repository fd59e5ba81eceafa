import { onScopeDispose, shallowRef, toRaw, type Ref } from 'vue'
import type { Language, Participant, PhotowalkEvent } from '@/domain/types'
import { downloadFile } from '@/services/files'
import type { ZipProgress } from '@/services/consentZip'
import type { ConsentsStore } from '@/stores/consents'
import { useRosterActions } from '@/stores/participants'
import { useRosterStore } from '@/stores/roster'
import type { ConsentExportMessage, ConsentExportRequest } from './consentExport.worker'

/** The fonts the PDFs embed, served by the app and precached by its service worker, so an export works offline. */
export const pdfFontUrls = {
  regular: `${import.meta.env.BASE_URL}fonts/NotoSans-Regular.ttf`,
  arabic: `${import.meta.env.BASE_URL}fonts/NotoSansArabic-Regular.ttf`,
} as const

export class FontsUnavailableError extends Error {}

async function fetchFont(url: string): Promise<ArrayBuffer> {
  let response: Response
  try {
    response = await fetch(url)
  } catch {
    throw new FontsUnavailableError(url)
  }
  if (!response.ok) throw new FontsUnavailableError(url)
  return response.arrayBuffer()
}

export const fetchPdfFonts = async () => {
  const [regular, arabic] = await Promise.all([fetchFont(pdfFontUrls.regular), fetchFont(pdfFontUrls.arabic)])
  return { regular, arabic }
}

export type ConsentExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ZipProgress | null }
  | { kind: 'saved'; fileName: string; pdfCount: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: 'fonts' | 'build' | 'noEvent'; detail: string }

/**
 * Builds the consent ZIP in a worker, shows its progress, can cancel it (the worker is
 * terminated: nothing half-made is saved), then hands the file to the browser's downloads. The
 * worker reads what it exports from the database itself.
 */
export function useConsentZipExport(event: Ref<PhotowalkEvent | null>) {
  const state = shallowRef<ConsentExportState>({ kind: 'idle' })
  let worker: Worker | null = null

  const stop = () => {
    worker?.terminate()
    worker = null
  }
  onScopeDispose(stop)

  async function start(language: Language): Promise<void> {
    const current = event.value
    if (!current) {
      state.value = { kind: 'failed', reason: 'noEvent', detail: '' }
      return
    }
    stop()
    state.value = { kind: 'running', progress: null }
    let fonts: Awaited<ReturnType<typeof fetchPdfFonts>>
    try {
      fonts = await fetchPdfFonts()
    } catch (error) {
      state.value = { kind: 'failed', reason: 'fonts', detail: error instanceof Error ? error.message : String(error) }
      return
    }
    if (state.value.kind !== 'running') return
    const started = new Worker(new URL('./consentExport.worker.ts', import.meta.url), { type: 'module', name: 'consent-export' })
    worker = started
    started.onmessage = (message: MessageEvent<ConsentExportMessage>) => {
      if (worker !== started) return
      const data = message.data
      if (data.kind === 'progress') state.value = { kind: 'running', progress: data.progress }
      else if (data.kind === 'done') {
        stop()
        downloadFile(data.fileName, 'application/zip', data.blob)
        state.value = { kind: 'saved', fileName: data.fileName, pdfCount: data.pdfCount }
      } else {
        stop()
        state.value = { kind: 'failed', reason: data.eventGone ? 'noEvent' : 'build', detail: data.message }
      }
    }
    started.onerror = (error) => {
      if (worker !== started) return
      stop()
      state.value = { kind: 'failed', reason: 'build', detail: error.message }
    }
    const request: ConsentExportRequest = { kind: 'start', eventId: current.id, language, fonts, exportedAt: new Date().toISOString() }
    started.postMessage(request, [fonts.regular, fonts.arabic])
  }

  function cancel(): void {
    if (state.value.kind !== 'running') return
    stop()
    state.value = { kind: 'cancelled' }
  }

  return { state, start, cancel }
}

/**
 * The right of access: everything the app holds about one participant, as JSON (for machines, and
 * complete) or PDF (for the person). Built on the page: one person's data is small, and the PDF
 * code is loaded only when asked for.
 */
export function useAccessExport(event: Ref<PhotowalkEvent | null>, consents: Pick<ConsentsStore, 'templates' | 'records'>) {
  const roster = useRosterStore()
  const actions = useRosterActions(event)

  async function documentFor(participant: Participant) {
    const current = event.value
    if (!current) throw new Error('no event is selected')
    const [{ accessExportDocument, accessExportFileName }, checkins] = await Promise.all([import('@/domain/consentExport'), actions.allCheckins()])
    const document = accessExportDocument(
      { event: current, participant, checkins, stops: roster.checkpoints, templates: consents.templates.value, records: consents.records.value },
      new Date().toISOString(),
    )
    return { document, event: current, fileName: (extension: 'json' | 'pdf') => accessExportFileName(participant, current, extension) }
  }

  async function downloadJson(participant: Participant): Promise<string> {
    const { document, fileName } = await documentFor(participant)
    const name = fileName('json')
    downloadFile(name, 'application/json', `${JSON.stringify(document, null, 2)}\n`)
    return name
  }

  async function downloadPdf(participant: Participant, language: Language): Promise<string> {
    const [{ document, event: current, fileName }, fonts] = await Promise.all([documentFor(participant), fetchPdfFonts()])
    const name = fileName('pdf')
    const worker = new Worker(new URL('./consentExport.worker.ts', import.meta.url), { type: 'module', name: 'access-export' })
    try {
      const blob = await new Promise<Blob>((resolve, reject) => {
        worker.onmessage = ({ data }: MessageEvent<ConsentExportMessage>) => {
          if (data.kind === 'done') resolve(data.blob)
          else if (data.kind === 'failed') reject(new Error(data.message))
        }
        worker.onerror = (error) => reject(new Error(error.message))
        const request: ConsentExportRequest = { kind: 'access', document, event: toRaw(current), participant: toRaw(participant), language, fonts, fileName: name }
        worker.postMessage(request, [fonts.regular, fonts.arabic])
      })
      downloadFile(name, 'application/pdf', blob)
      return name
    } finally {
      worker.terminate()
    }
  }

  return { downloadJson, downloadPdf }
}
