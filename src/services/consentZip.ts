import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { canonicalJsonIndented } from '@/domain/canonicalJson'
import {
  consentExportFileNames,
  consentPdfFileNames,
  consentsCsv,
  consentsJsonDocument,
  consentZipName,
  reusablePhotosCsv,
  sha256SumsText,
  type ConsentExportInput,
} from '@/domain/consentExport'
import { consentDocumentTexts } from '@/domain/consentExportTexts'
import type { Language } from '@/domain/types'
import { consentRecordPdf, consentRegisterPdf, frequentNameCharacters, type PdfFonts } from './consentPdf'

export type ZipProgress = { stage: 'pdfs'; done: number; total: number } | { stage: 'finishing' }

export interface ConsentZipOptions {
  /** The organiser's language: CSV headers and separator, the register and the README. */
  language: Language
  fonts: PdfFonts
  exportedAt: Date
  digest: (bytes: Uint8Array) => Promise<string>
  onProgress?: (progress: ZipProgress) => void
  /**
   * Makes the PDF of the record at this index, when some are made elsewhere (another worker);
   * undefined: made here.
   */
  pdfMadeElsewhere?: (index: number) => Promise<Uint8Array | undefined> | undefined
}

export interface ConsentZip {
  fileName: string
  /** The ZIP's bytes in the pieces fflate wrote: a Blob joins them without copying. */
  parts: Uint8Array[]
  pdfCount: number
  /** Each file's SHA-256, as listed in SHA256SUMS. */
  sums: Array<{ name: string; sha256: string }>
}

/**
 * PDFs are stored as they are: pdf-lib already deflates their streams (fonts, pages), so a second
 * pass would cost time for little (not measured here). Text files are deflated.
 */
const storedExtensions = /\.pdf$/

/**
 * The post-event ZIP: consents.csv, reusable-photos.csv, consents.json, one PDF per record, the
 * register PDF, SHA256SUMS (of every other file) and README.txt. Files are zipped as they are
 * made, so only the ZIP's own bytes accumulate.
 */
export async function buildConsentZip(input: ConsentExportInput, options: ConsentZipOptions): Promise<ConsentZip> {
  const { language, fonts, digest, onProgress } = options
  const chunks: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) failure = error
    else chunks.push(chunk)
  })
  const sums: Array<{ name: string; sha256: string }> = []
  const mtime = options.exportedAt
  const add = async (name: string, bytes: Uint8Array, listed = true) => {
    const entry = storedExtensions.test(name) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 })
    entry.mtime = mtime
    zip.add(entry)
    entry.push(bytes, true)
    if (listed) sums.push({ name, sha256: await digest(bytes) })
  }

  await add(consentExportFileNames.csv, strToU8(consentsCsv(input, language)))
  await add(consentExportFileNames.reusablePhotos, strToU8(reusablePhotosCsv(input, language)))
  // In canonical order (two exports of the same register are byte for byte the same), one record member a
  // line for a reader; whitespace does not matter to verification, which recomputes each canonical form.
  await add(consentExportFileNames.json, utf8(`${canonicalJsonIndented(consentsJsonDocument(input, mtime.toISOString()), 3)}\n`))

  const participants = new Map(input.participants.map((participant) => [participant.id, participant]))
  const templates = new Map(input.templates.map((template) => [template.id, template]))
  const names = consentPdfFileNames(input.records, input.participants)
  const frequentCharacters = frequentNameCharacters(input.records, input.participants)
  const total = input.records.length
  onProgress?.({ stage: 'pdfs', done: 0, total })
  for (const [index, record] of input.records.entries()) {
    const pdf =
      (await options.pdfMadeElsewhere?.(index)) ??
      (await consentRecordPdf(record, { event: input.event, participant: participants.get(record.participantId) ?? null, template: templates.get(record.templateId), frequentCharacters }, fonts))
    await add(names.get(record.id) ?? `${consentExportFileNames.pdfFolder}/${record.id}.pdf`, pdf)
    onProgress?.({ stage: 'pdfs', done: index + 1, total })
  }
  onProgress?.({ stage: 'finishing' })
  await add(consentExportFileNames.register, await consentRegisterPdf(input, language, fonts, options.exportedAt))
  const readme = consentDocumentTexts[language].readme({ eventName: input.event.name, zipName: consentZipName(input.event), pdfCount: total })
  await add(consentExportFileNames.readme, strToU8(readme))
  const sumsText = sha256SumsText(sums)
  await add(consentExportFileNames.sums, strToU8(sumsText), false)
  zip.end()
  if (failure) throw failure
  return { fileName: consentZipName(input.event), parts: chunks, pdfCount: total, sums }
}

// The browser's encoder: consents.json is megabytes.
const encoder = new TextEncoder()
const utf8 = (text: string) => encoder.encode(text)
