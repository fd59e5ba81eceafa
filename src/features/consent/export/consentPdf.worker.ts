import type { ConsentRecord, ConsentTemplate, Participant, PhotowalkEvent } from '@/domain/types'
import { consentRecordPdf } from '@/services/consentPdf'

/**
 * The export's worker shares its PDFs with this one: first what every PDF needs, then one record
 * at a time, each taken when this worker is ready for more (see `shareThePdfs`).
 */
export type PdfShareRequest =
  | {
      kind: 'setup'
      event: PhotowalkEvent
      templates: ConsentTemplate[]
      /** The same as the export's worker uses, so that both make the same shared font. */
      frequentCharacters: string
      fonts: { regular: ArrayBuffer; arabic: ArrayBuffer }
    }
  | { kind: 'record'; index: number; record: ConsentRecord; participant: Participant | null }

export type PdfShareMessage = { kind: 'pdf'; index: number; bytes: Uint8Array } | { kind: 'failed'; message: string }

interface WorkerScope {
  onmessage: ((event: MessageEvent<PdfShareRequest>) => void) | null
  postMessage(message: PdfShareMessage, transfer?: Transferable[]): void
}
const scope = self as unknown as WorkerScope

let setup: Extract<PdfShareRequest, { kind: 'setup' }> | null = null
let fonts: { regular: Uint8Array; arabic: Uint8Array } | null = null
let templates = new Map<string, ConsentTemplate>()
// One PDF at a time, in the order asked: each goes back as soon as it is made, its bytes moved, not copied.
let queue: Promise<void> = Promise.resolve()

scope.onmessage = ({ data }: MessageEvent<PdfShareRequest>) => {
  if (data.kind === 'setup') {
    setup = data
    fonts = { regular: new Uint8Array(data.fonts.regular), arabic: new Uint8Array(data.fonts.arabic) }
    templates = new Map(data.templates.map((template) => [template.id, template]))
    return
  }
  queue = queue.then(async () => {
    if (!setup || !fonts) return scope.postMessage({ kind: 'failed', message: 'a record came before the setup' })
    try {
      const context = { event: setup.event, participant: data.participant, template: templates.get(data.record.templateId), frequentCharacters: setup.frequentCharacters }
      const bytes = await consentRecordPdf(data.record, context, fonts)
      scope.postMessage({ kind: 'pdf', index: data.index, bytes }, [bytes.buffer])
    } catch (error) {
      scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  })
}
