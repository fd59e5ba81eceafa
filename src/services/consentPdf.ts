import fontkit from '@pdf-lib/fontkit'
import { zlibSync } from 'fflate'
import {
  CustomFontSubsetEmbedder,
  LineCapStyle,
  lineTo,
  moveTo,
  PDFContentStream,
  PDFContext,
  PDFDocument,
  PDFFont,
  type PDFHexString,
  PDFObjectCopier,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineCap,
  setLineWidth,
  setStrokingColor,
  stroke,
  type PDFDict,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib'
import { consentStatuses, type ConsentStatus } from '@/domain/consent'
import { formatInstantInZone, formatInstantUtc, sortRecordsForRegister, type AccessExportDocument, type ConsentExportInput } from '@/domain/consentExport'
import { consentDocumentTexts, type ConsentDocumentTexts } from '@/domain/consentExportTexts'
import { displayName } from '@/domain/participant'
import type { ConsentRecord, ConsentTemplate, ConsentText, DrawnSignature, Language, Participant, PhotowalkEvent } from '@/domain/types'

/** The fonts embedded in every PDF, as bytes (the app serves them from /fonts/; tests read them from public/fonts). */
export interface PdfFonts {
  /** Noto Sans: Latin (Polish, Vietnamese…), Greek, Cyrillic. */
  regular: Uint8Array
  /** Noto Sans Arabic, for runs of Arabic script. */
  arabic: Uint8Array
}

type FontkitFont = ReturnType<typeof fontkit.create>

/**
 * Parsing a font takes far longer than laying out a page: a thousand PDFs would parse the same
 * half-megabyte font a thousand times. pdf-lib asks its fontkit to `create` the font for every
 * document; this one parses each font once and hands out the parsed font again. Each document
 * still builds its own subset (only the glyphs it uses).
 *
 * Laying text out through fontkit's shaping engine costs about 1.5 ms a line, which for a thousand
 * PDFs of eighty lines is two minutes: text without Arabic is mapped character by character to
 * its glyph instead (what shaping would give for Latin, Greek and Vietnamese in NFC, less the
 * optional ligatures and kerning, which pdf-lib does not apply anyway). Arabic, which needs its
 * letters joined, still goes through the full layout.
 */
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>()
const cachingFontkit = {
  create(bytes: Uint8Array): FontkitFont {
    let font = parsedFonts.get(bytes)
    if (!font) {
      font = withQuickLayout(fontkit.create(bytes))
      parsedFonts.set(bytes, font)
    }
    return font
  },
}

function withQuickLayout(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font)
  const quickLayout = (text: string, features?: Parameters<FontkitFont['layout']>[1]) => {
    if (arabicScript.test(text)) return layout(text, features)
    const glyphs = Array.from(text, (character) => font.glyphForCodePoint(character.codePointAt(0) ?? 0))
    return { glyphs } as unknown as ReturnType<FontkitFont['layout']>
  }
  // Everything else is the parsed font itself, reached through the prototype chain.
  const quick = Object.create(font) as FontkitFont & { layout: typeof quickLayout }
  Object.defineProperty(quick, 'layout', { value: quickLayout })
  return quick
}

/**
 * Every PDF of an export draws the same words: the form's text, the labels, dates and hashes.
 * Subsetting the font for each PDF (encoding its glyphs, then compressing them) was a third of
 * the time of an export. Instead, the glyphs of those shared words — with printable ASCII, which
 * covers most names — are subset and compressed once per set of words, and the finished font
 * objects are copied as they are into each PDF. A line with any other character (an "ą", a Greek
 * name) is drawn with the PDF's own subset, made as before from the glyphs it uses.
 */
class CommonGlyphs {
  private readonly encoded = new Map<string, PDFHexString>()

  private constructor(
    private readonly context: PDFContext,
    private readonly fontObject: PDFDict,
    private readonly embedder: CustomFontSubsetEmbedder,
    readonly characters: ReadonlySet<string>,
  ) {}

  static async build(bytes: Uint8Array, characters: ReadonlySet<string>): Promise<CommonGlyphs> {
    const context = PDFContext.create()
    const embedder = await CustomFontSubsetEmbedder.for(cachingFontkit, bytes)
    embedder.encodeText([...characters].join(''))
    const ref = context.nextRef()
    await embedder.embedIntoContext(context, ref)
    return new CommonGlyphs(context, context.lookup(ref) as PDFDict, embedder, characters)
  }

  covers(text: string): boolean {
    for (const character of text) if (!this.characters.has(character)) return false
    return true
  }

  /** The font, already subset and compressed, copied into a document. */
  copyInto(document: PDFDocument): PDFFont {
    const copied = PDFObjectCopier.for(this.context, document.context).copy(this.fontObject)
    const ref: PDFRef = document.context.register(copied)
    const font = PDFFont.of(ref, document, this.embedder)
    // The subset is final: a text covered by it always encodes to the same glyph ids.
    const encodeText = (text: string) => {
      let hex = this.encoded.get(text)
      if (!hex) {
        hex = this.embedder.encodeText(text)
        if (this.encoded.size > 20_000) this.encoded.clear()
        this.encoded.set(text, hex)
      }
      return hex
    }
    Object.defineProperty(font, 'encodeText', { value: encodeText })
    return font
  }
}

const printableAscii = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index))

/** The characters of every fixed word of the documents in a language (labels, titles, states, channels). */
function documentTextCharacters(texts: ConsentDocumentTexts): string {
  const known = documentWords.get(texts)
  if (known !== undefined) return known
  const parts: string[] = []
  const collect = (value: unknown) => {
    if (typeof value === 'string') parts.push(value)
    // A sentence made around a value ("Signature of …", "Page 1 of 2"): its own words, around nothing.
    else if (typeof value === 'function') parts.push(String((value as (...values: unknown[]) => unknown)('', '')))
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) collect(inner)
  }
  collect(texts)
  const words = parts.join('')
  documentWords.set(texts, words)
  return words
}
const documentWords = new WeakMap<ConsentDocumentTexts, string>()

/** What every PDF of an event in this language repeats: fixed words, the event's own, and the form as signed. */
function commonWordsOf(texts: ConsentDocumentTexts, event: PhotowalkEvent, formText?: ConsentText, frequentCharacters = ''): string {
  const form = formText ? `${formText.title}${formText.body}${formText.items.map((item) => item.label).join('')}` : ''
  return `${documentTextCharacters(texts)}${event.name}${event.organisation}${event.date}${form}${frequentCharacters}`
}

/**
 * The letters beyond ASCII that many of an export's names share (the "ł" of a Polish group, the
 * Greek alphabet of a Greek one): shared by all its PDFs rather than subset in each. A letter of
 * a few names only stays in those PDFs' own subsets, so that every PDF does not carry it.
 */
export function frequentNameCharacters(records: readonly ConsentRecord[], participants: readonly Participant[]): string {
  const people = new Map(participants.map((participant) => [participant.id, participant]))
  const recordsWith = new Map<string, number>()
  for (const record of records) {
    const participant = people.get(record.participantId)
    const names = `${participant ? displayName(participant) : ''}${record.personal?.signerName ?? ''}${record.personal?.guardian?.name ?? ''}`
    for (const character of new Set(printable(names))) recordsWith.set(character, (recordsWith.get(character) ?? 0) + 1)
  }
  const threshold = Math.max(3, records.length * 0.02)
  return [...recordsWith].filter(([character, count]) => count >= threshold && !arabicScript.test(character)).map(([character]) => character).sort().join('')
}

/** The shared subset for these words, made once for as long as the same font and words come back. */
function commonGlyphsFor(bytes: Uint8Array, words: string): Promise<CommonGlyphs> {
  const known = commonGlyphsByWords.get(words)
  if (known && known.bytes === bytes) return known.shared
  const characters = new Set<string>(printableAscii)
  for (const character of printable(words)) if (!arabicScript.test(character)) characters.add(character)
  const shared = CommonGlyphs.build(bytes, characters)
  if (commonGlyphsByWords.size > 64) commonGlyphsByWords.clear()
  commonGlyphsByWords.set(words, { bytes, shared })
  return shared
}
const commonGlyphsByWords = new Map<string, { bytes: Uint8Array; shared: Promise<CommonGlyphs> }>()

const pageWidth = 595.28
const pageHeight = 841.89
const margin = 48
const contentWidth = pageWidth - 2 * margin
const ink = rgb(0.1, 0.1, 0.1)
const grey = rgb(0.4, 0.4, 0.4)
const rule = rgb(0.75, 0.75, 0.75)

/**
 * Arabic letters and presentation forms. pdf-lib draws glyphs where fontkit's layout puts them:
 * fontkit joins Arabic letters into their initial, medial and final forms and lays a run of
 * Arabic out right to left, so an Arabic name prints joined and in reading order. What it does
 * not do is the Unicode bidirectional algorithm across runs: a line mixing Latin and Arabic is
 * drawn run by run, left to right, each run in its own direction — right for a name alone or after
 * a label; an Arabic sentence with Latin words inside it would show its runs in Latin order.
 * Vowel marks are placed by advance width only, without mark positioning: names (usually written
 * without them) print correctly, fully vowelled text less well.
 */
const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
/** Characters that belong to whichever run surrounds them. */
const neutral = /[\s.,:;!?()'"«»\-–—/]/
const trailingNeutral = /[\s.,:;!?()'"«»\-–—/]+$/

interface Run {
  text: string
  arabic: boolean
}

/** Splits text into runs of one font: Arabic script, or everything else. Spaces and punctuation join the run they are in. */
export function fontRuns(text: string): Run[] {
  const runs: Run[] = []
  for (const character of text) {
    const last = runs.at(-1)
    const arabic = arabicScript.test(character)
    if (last && (last.arabic === arabic || neutral.test(character))) last.text += character
    else runs.push({ text: character, arabic })
  }
  // A run of Arabic does not carry the spaces and punctuation that follow it into its right-to-left layout.
  for (let index = 0; index < runs.length - 1; index += 1) {
    const run = runs[index]
    const next = runs[index + 1]
    if (run && next && run.arabic && !next.arabic) {
      const trailing = trailingNeutral.exec(run.text)?.[0] ?? ''
      if (trailing) {
        run.text = run.text.slice(0, -trailing.length)
        next.text = trailing + next.text
      }
    }
  }
  return runs.filter((run) => run.text !== '')
}

/** Composed characters (one glyph for "ễ"), control characters replaced by spaces. */
const printable = (text: string) =>
  Array.from(text.normalize('NFC'), (character) => {
    const code = character.codePointAt(0) ?? 0
    return code < 0x20 || (code >= 0x7f && code < 0xa0) ? ' ' : character
  }).join('')

const regularWidths = new Map<string, number>()
const arabicWidths = new Map<string, number>()
const wrappedLines = new Map<string, string[]>()

class PdfWriter {
  readonly document: PDFDocument
  private page: PDFPage | null = null
  private y = 0
  private commonFont: PDFFont | null = null
  private common: CommonGlyphs | null = null
  private regularFont: PDFFont | null = null
  private arabicFont: PDFFont | null = null
  private readonly fonts: PdfFonts
  pageCount = 0

  private constructor(document: PDFDocument, fonts: PdfFonts) {
    this.document = document
    this.fonts = fonts
  }

  /** `commonWords`: the words every document of the kind repeats, whose glyphs are shared (see `CommonGlyphs`). */
  static async create(fonts: PdfFonts, title: string, at: Date, commonWords: string): Promise<PdfWriter> {
    const document = await PDFDocument.create({ updateMetadata: false })
    document.registerFontkit(cachingFontkit)
    document.setTitle(title)
    document.setProducer('Photowalk')
    document.setCreator('Photowalk')
    document.setCreationDate(at)
    document.setModificationDate(at)
    const writer = new PdfWriter(document, fonts)
    writer.common = await commonGlyphsFor(fonts.regular, `${title}${commonWords}`)
    writer.commonFont = writer.common.copyInto(document)
    return writer
  }

  private async fontFor(run: Run): Promise<PDFFont> {
    if (run.arabic) {
      this.arabicFont ??= await this.document.embedFont(this.fonts.arabic, { subset: true })
      return this.arabicFont
    }
    if (this.commonFont && this.common?.covers(run.text)) return this.commonFont
    this.regularFont ??= await this.document.embedFont(this.fonts.regular, { subset: true })
    return this.regularFont
  }

  /**
   * The width of a line at a size. Laying text out through fontkit is slow, and wrapping measures
   * each line word after word: widths are kept per word and font, at size 1, for every document
   * of the export (a word's width does not depend on the document).
   */
  async width(text: string, size: number): Promise<number> {
    let total = 0
    for (const run of fontRuns(printable(text))) {
      const font = await this.fontFor(run)
      const cache = run.arabic ? arabicWidths : regularWidths
      for (const piece of run.text.split(/( )/)) {
        if (piece === '') continue
        let unit = cache.get(piece)
        if (unit === undefined) {
          unit = font.widthOfTextAtSize(piece, 1)
          if (cache.size > 50_000) cache.clear()
          cache.set(piece, unit)
        }
        total += unit * size
      }
    }
    return total
  }

  /**
   * Lines of at most `width` points: broken between words, and inside a word longer than a line.
   * Every consent of an export repeats the same form text: its lines are worked out once.
   */
  async wrap(text: string, size: number, width: number): Promise<string[]> {
    const key = `${size}|${width}|${text}`
    const known = wrappedLines.get(key)
    if (known) return known
    const lines = await this.wrapAnew(text, size, width)
    if (wrappedLines.size > 5_000) wrappedLines.clear()
    wrappedLines.set(key, lines)
    return lines
  }

  private async wrapAnew(text: string, size: number, width: number): Promise<string[]> {
    const lines: string[] = []
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n').map(printable)) {
      let line = ''
      for (const word of paragraph.split(/ +/)) {
        const candidate = line === '' ? word : `${line} ${word}`
        if ((await this.width(candidate, size)) <= width) {
          line = candidate
          continue
        }
        if (line !== '') lines.push(line)
        let rest = word
        while ((await this.width(rest, size)) > width) {
          let fit = 1
          const characters = [...rest]
          while (fit < characters.length && (await this.width(characters.slice(0, fit + 1).join(''), size)) <= width) fit += 1
          lines.push(characters.slice(0, fit).join(''))
          rest = characters.slice(fit).join('')
        }
        line = rest
      }
      lines.push(line)
    }
    return lines
  }

  newPage(): PDFPage {
    this.page = this.document.addPage([pageWidth, pageHeight])
    this.pageCount += 1
    this.y = pageHeight - margin
    return this.page
  }

  private currentPage(): PDFPage {
    return this.page ?? this.newPage()
  }

  /** Room for `height` points on this page, or a new page. */
  ensure(height: number): PDFPage {
    if (!this.page || this.y - height < margin + 20) this.newPage()
    return this.currentPage()
  }

  async drawRuns(page: PDFPage, text: string, x: number, y: number, size: number, color = ink): Promise<void> {
    let left = x
    for (const run of fontRuns(printable(text))) {
      const font = await this.fontFor(run)
      page.drawText(run.text, { x: left, y, size, font, color })
      left += font.widthOfTextAtSize(run.text, size)
    }
  }

  async paragraph(text: string, options: { size?: number; indent?: number; color?: ReturnType<typeof rgb>; after?: number; width?: number } = {}): Promise<void> {
    const size = options.size ?? 10
    const indent = options.indent ?? 0
    const leading = size * 1.35
    for (const line of await this.wrap(text, size, (options.width ?? contentWidth) - indent)) {
      const page = this.ensure(leading)
      this.y -= leading
      await this.drawRuns(page, line, margin + indent, this.y + size * 0.25, size, options.color)
    }
    this.y -= options.after ?? size * 0.5
  }

  heading(text: string, size = 15): Promise<void> {
    this.ensure(size * 3)
    this.y -= size * 0.3
    return this.paragraph(text, { size, after: size * 0.4 })
  }

  /** A label and its value side by side, each wrapped in its own column. */
  async field(label: string, value: string, size = 9.5): Promise<void> {
    const labelColumn = 170
    const valueLeft = margin + labelColumn + 8
    const labelLines = await this.wrap(label, 9.5, labelColumn)
    const valueLines = await this.wrap(value === '' ? '—' : value, size, pageWidth - margin - valueLeft)
    const leading = 9.5 * 1.35
    for (let index = 0; index < Math.max(labelLines.length, valueLines.length); index += 1) {
      const page = this.ensure(leading)
      this.y -= leading
      const labelLine = labelLines[index]
      const valueLine = valueLines[index]
      if (labelLine) await this.drawRuns(page, labelLine, margin, this.y + 9.5 * 0.25, 9.5, grey)
      if (valueLine) await this.drawRuns(page, valueLine, valueLeft, this.y + 9.5 * 0.25, size)
    }
  }

  /** A SHA-256 in hex on one line: small enough for its 64 digits to fit beside the label. */
  hash(label: string, value: string): Promise<void> {
    return this.field(label, value, 8)
  }

  gap(points: number): void {
    this.y -= points
  }

  line(): void {
    const page = this.ensure(10)
    this.y -= 5
    page.drawLine({ start: { x: margin, y: this.y }, end: { x: pageWidth - margin, y: this.y }, thickness: 0.5, color: rule })
    this.y -= 5
  }

  /** A checkbox, ticked or empty, then the item's text beside it. */
  async choice(label: string, state: string, ticked: boolean): Promise<void> {
    const size = 9.5
    const leading = size * 1.35
    const lines = await this.wrap(label, size, contentWidth - 110)
    this.ensure(Math.min(lines.length, 3) * leading + 4)
    const page = this.currentPage()
    const top = this.y
    page.drawRectangle({ x: margin, y: top - 14, width: 11, height: 11, borderColor: ink, borderWidth: 1 })
    if (ticked) {
      page.drawLine({ start: { x: margin + 2, y: top - 8.5 }, end: { x: margin + 4.5, y: top - 12 }, thickness: 1.6, color: ink })
      page.drawLine({ start: { x: margin + 4.5, y: top - 12 }, end: { x: margin + 9.5, y: top - 4.5 }, thickness: 1.6, color: ink })
    }
    await this.drawRuns(page, state, margin + 16, top - 12, size)
    for (const [index, line] of lines.entries()) {
      const linePage = index === 0 ? page : this.ensure(leading)
      this.y -= leading
      await this.drawRuns(linePage, line, margin + 100, this.y + size * 0.25, size)
    }
    this.y -= 5
  }

  /** The drawn signature, redrawn from its strokes as vector paths in a box, at its proportions. */
  async signature(caption: string, signature: DrawnSignature | null, emptyText: string): Promise<void> {
    const boxWidth = 240
    const boxHeight = 100
    const page = this.ensure(boxHeight + 30)
    await this.paragraph(caption, { size: 9, color: grey, after: 2 })
    const top = this.y
    page.drawRectangle({ x: margin, y: top - boxHeight, width: boxWidth, height: boxHeight, borderColor: rule, borderWidth: 0.75 })
    if (signature && signature.strokes.length > 0 && signature.width > 0 && signature.height > 0) {
      const scale = Math.min((boxWidth - 8) / signature.width, (boxHeight - 8) / signature.height)
      const offsetX = margin + (boxWidth - signature.width * scale) / 2
      const offsetY = top - (boxHeight - signature.height * scale) / 2
      // Straight to path operators, in page coordinates (the signature pad's y axis points down).
      const operators = [pushGraphicsState(), setStrokingColor(ink), setLineWidth(2), setLineCap(LineCapStyle.Round)]
      const at = (x: number, y: number) => [Math.round((offsetX + x * scale) * 100) / 100, Math.round((offsetY - y * scale) * 100) / 100] as const
      for (const { points } of signature.strokes) {
        const [first, ...rest] = points
        if (!first) continue
        operators.push(moveTo(...at(first[0], first[1])))
        // A dot is a stroke of one point: drawn as a tiny line so the round cap shows it.
        if (rest.length === 0) operators.push(lineTo(...at(first[0] + 0.3, first[1])))
        for (const [x, y] of rest) operators.push(lineTo(...at(x, y)))
      }
      operators.push(stroke(), popGraphicsState())
      page.pushOperators(...operators)
    } else {
      await this.drawRuns(page, emptyText, margin + 8, top - boxHeight / 2, 9, grey)
    }
    this.y = top - boxHeight - 10
  }

  /** "Page n / N" at the foot of every page, once all pages exist. */
  async footers(texts: ConsentDocumentTexts, title: string): Promise<void> {
    const pages = this.document.getPages()
    for (const [index, page] of pages.entries()) {
      const footer = `${title} — ${texts.page(index + 1, pages.length)}`
      const lines = await this.wrap(footer, 8, contentWidth)
      await this.drawRuns(page, lines[0] ?? '', margin, margin - 20, 8, grey)
    }
  }

  async save(): Promise<Uint8Array> {
    await this.document.flush()
    // pdf-lib compresses page contents with pako; fflate writes the same zlib stream several times faster.
    const context = this.document.context
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      if (object instanceof PDFContentStream) context.assign(ref, PDFRawStream.of(object.dict, zlibSync(object.getUnencodedContents(), { level: 6 })))
    }
    // pdf-lib pauses every 50 objects by default; in a worker nothing needs the pause, and a browser stretches each one to 4 ms.
    return this.document.save({ updateFieldAppearances: false, useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY })
  }

  /** Table rows: each cell wrapped in its column, the header repeated at the top of each page. */
  async table(columns: ReadonlyArray<{ header: string; width: number }>, rows: ReadonlyArray<readonly string[]>, size = 7.5): Promise<void> {
    const leading = size * 1.3
    const padding = 3
    const drawRow = async (cells: readonly string[], header: boolean) => {
      const wrapped = await Promise.all(cells.map((cell, index) => this.wrap(cell, size, (columns[index]?.width ?? 50) - 2 * padding)))
      const height = Math.max(...wrapped.map((lines) => lines.length)) * leading + 2 * padding
      return { wrapped, height, header }
    }
    const header = await drawRow(
      columns.map((column) => column.header),
      true,
    )
    const paint = async (row: { wrapped: string[][]; height: number; header: boolean }) => {
      const page = this.currentPage()
      const top = this.y
      if (row.header) page.drawRectangle({ x: margin, y: top - row.height, width: contentWidth, height: row.height, color: rgb(0.92, 0.92, 0.92) })
      let left = margin
      for (const [index, lines] of row.wrapped.entries()) {
        for (const [lineIndex, line] of lines.entries()) await this.drawRuns(page, line, left + padding, top - padding - (lineIndex + 1) * leading + size * 0.3, size)
        left += columns[index]?.width ?? 0
      }
      page.drawLine({ start: { x: margin, y: top - row.height }, end: { x: pageWidth - margin, y: top - row.height }, thickness: 0.4, color: rule })
      this.y = top - row.height
    }
    this.ensure(header.height * 2)
    await paint(header)
    for (const cells of rows) {
      const row = await drawRow(cells, false)
      if (this.y - row.height < margin + 20) {
        this.newPage()
        await paint(header)
      }
      await paint(row)
    }
  }
}

// ---- One PDF per record ----

export interface RecordPdfContext {
  event: PhotowalkEvent
  /** The person as on the roster; null once they are no longer on it (erased, removed). */
  participant: Participant | null
  template: ConsentTemplate | undefined
  /** Characters many PDFs of the same export print (see `frequentNameCharacters`). */
  frequentCharacters?: string
}

const personName = (record: ConsentRecord, participant: Participant | null) =>
  participant ? displayName(participant) : (record.personal?.signerName ?? record.participantId)

async function writeRecord(writer: PdfWriter, record: ConsentRecord, context: RecordPdfContext, texts: ConsentDocumentTexts): Promise<void> {
  const { event, participant, template } = context
  const title = record.kind === 'grant' ? texts.consentTitle : record.kind === 'withdrawal' ? texts.withdrawalTitle : texts.erasureTitle
  await writer.heading(title, 16)
  await writer.paragraph(`${event.name} — ${event.date} — ${template?.organisation ?? event.organisation}`, { size: 10, color: grey })
  const who = record.kind === 'erasure' || (!participant && !record.personal) ? record.participantId : personName(record, participant)
  await writer.field(texts.participant, who)
  if (participant?.instagram) await writer.field(texts.instagram, `@${participant.instagram}`)
  await writer.field(texts.date, `${formatInstantInZone(record.at, event.timeZone)} — ${formatInstantUtc(record.at)}`)
  writer.line()

  const text = template?.texts[record.language]
  if (record.kind === 'grant') {
    if (text) {
      // The form exactly as it was shown and signed: this version's text in the signer's language.
      await writer.heading(text.title, 13)
      for (const paragraph of text.body.split(/\n{2,}/)) await writer.paragraph(paragraph, { size: 9.5 })
      await writer.gap(4)
      await writer.paragraph(texts.choices, { size: 11 })
      for (const item of text.items) {
        const granted = record.choices[item.id] === true
        await writer.choice(item.label, granted ? texts.granted : texts.refused, granted)
      }
    }
    writer.line()
    if (record.personal) {
      await writer.field(texts.signedBy, record.personal.signerName)
      await writer.signature(texts.signatureOf(record.personal.signerName), record.personal.signature, texts.noSignature)
      const guardian = record.personal.guardian
      if (guardian) {
        await writer.field(texts.guardian, guardian.name)
        await writer.field(texts.relationship, guardian.relationship)
        await writer.signature(texts.signatureOf(guardian.name), guardian.signature, texts.noSignature)
      }
    } else {
      await writer.paragraph(texts.personalErased, { color: grey })
    }
  } else if (record.kind === 'withdrawal') {
    const labels = Object.keys(record.choices).map((id) => text?.items.find((item) => item.id === id)?.label ?? id)
    await writer.paragraph(texts.withdrawnItems, { size: 11 })
    for (const label of labels) await writer.choice(label, texts.withdrawn, false)
    if (record.request) {
      await writer.field(texts.request, texts.channels[record.request.channel])
      if (record.request.note) await writer.field(texts.note, record.request.note)
    }
    await writer.field(texts.recordedBy, record.personal?.signerName ?? texts.personalErased)
  } else {
    await writer.paragraph(texts.erasureBody)
    if (record.request) {
      await writer.field(texts.request, texts.channels[record.request.channel])
      if (record.request.note) await writer.field(texts.note, record.request.note)
    }
  }
  writer.line()
  await writer.field(texts.templateVersion, template ? String(template.version) : '')
  await writer.hash(texts.templateHash, record.templateHash)
  await writer.hash(texts.recordHash, record.hash)
  await writer.hash(texts.personalHash, record.personalHash)
  await writer.hash(texts.previousHash, record.previousHash ?? '—')
  await writer.field(texts.device, record.deviceId)
  await writer.field(texts.sequence, String(record.sequence))
  await writer.field(texts.language, record.language)
}

/**
 * The PDF of one record: a signed form (its text as signed, each choice, the signatures redrawn,
 * the guardian's), a withdrawal or an erasure — with the time in the event's zone and in UTC, the
 * form's version and hash, the record's hash and its place in the device's chain. It speaks the
 * language the person signed in.
 */
export async function consentRecordPdf(record: ConsentRecord, context: RecordPdfContext, fonts: PdfFonts): Promise<Uint8Array> {
  const texts = consentDocumentTexts[record.language]
  const formText = context.template?.texts[record.language]
  const writer = await PdfWriter.create(fonts, `${texts.recordKinds[record.kind]} — ${context.event.name}`, new Date(record.at), commonWordsOf(texts, context.event, formText, context.frequentCharacters))
  writer.newPage()
  await writeRecord(writer, record, context, texts)
  await writer.footers(texts, `${texts.recordKinds[record.kind]} — ${record.hash.slice(0, 16)}`)
  return writer.save()
}

// ---- The register ----

function itemSummary(record: ConsentRecord, template: ConsentTemplate | undefined, texts: ConsentDocumentTexts): string {
  const items = template?.texts.fr.items ?? []
  const name = (id: string) => {
    const kind = items.find((item) => item.id === id)?.kind
    return kind && kind !== 'other' ? texts.itemKinds[kind] : id
  }
  if (record.kind === 'erasure') return texts.personalErased
  if (record.kind === 'withdrawal') return Object.keys(record.choices).map((id) => `${name(id)}: ${texts.itemStates.withdrawn}`).join('; ')
  return Object.entries(record.choices).map(([id, granted]) => `${name(id)}: ${granted ? texts.itemStates.granted : texts.itemStates.refused}`).join('; ')
}

/** The register: every record in a table (who, kind, items, when, device and number, hash), paginated. */
export async function consentRegisterPdf(input: ConsentExportInput, language: Language, fonts: PdfFonts, exportedAt: Date): Promise<Uint8Array> {
  const texts = consentDocumentTexts[language]
  const writer = await PdfWriter.create(fonts, `${texts.registerTitle} — ${input.event.name}`, exportedAt, commonWordsOf(texts, input.event))
  writer.newPage()
  await writer.heading(texts.registerTitle, 16)
  await writer.paragraph(`${input.event.name} — ${input.event.date} — ${input.event.organisation}`, { color: grey })
  await writer.field(texts.exportedAt, formatInstantInZone(exportedAt.toISOString(), input.event.timeZone))
  writer.gap(6)
  const participants = new Map(input.participants.map((participant) => [participant.id, participant]))
  const templates = new Map(input.templates.map((template) => [template.id, template]))
  const rows = sortRecordsForRegister(input.records).map((record) => {
    const participant = participants.get(record.participantId) ?? null
    const who = record.kind === 'erasure' || (!participant && !record.personal) ? `${texts.personalErased} (${record.participantId})` : personName(record, participant)
    return [
      who,
      texts.recordKinds[record.kind],
      itemSummary(record, templates.get(record.templateId), texts),
      formatInstantInZone(record.at, input.event.timeZone).replace(/ \(.*\)$/, ''),
      `${record.deviceId.slice(0, 8)} / ${record.sequence}`,
      record.hash.slice(0, 16),
    ]
  })
  await writer.table(
    [
      { header: texts.columnParticipant, width: 104 },
      { header: texts.columnKind, width: 64 },
      { header: texts.columnItems, width: 122 },
      { header: texts.columnAt, width: 64 },
      { header: texts.columnDevice, width: 52 },
      { header: texts.columnHash, width: contentWidth - 406 },
    ],
    rows,
  )
  await writer.footers(texts, `${texts.registerTitle} — ${input.event.name}`)
  return writer.save()
}

// ---- Right of access ----

/**
 * Everything about one participant, for them (GDPR article 15): their details, their check-ins,
 * their consent's current state, then each of their records as its own PDF would show it.
 */
export async function accessExportPdf(document: AccessExportDocument, event: PhotowalkEvent, participant: Participant, language: Language, fonts: PdfFonts): Promise<Uint8Array> {
  const texts = consentDocumentTexts[language]
  const exportedAt = new Date(document.exportedAt)
  const writer = await PdfWriter.create(fonts, `${texts.accessTitle} — ${displayName(participant)}`, exportedAt, commonWordsOf(texts, event))
  writer.newPage()
  await writer.heading(texts.accessTitle, 16)
  await writer.paragraph(`${event.name} — ${event.date} — ${event.organisation}`, { color: grey })
  await writer.field(texts.exportedAt, formatInstantInZone(document.exportedAt, event.timeZone))
  writer.line()
  await writer.heading(texts.details, 12)
  const person = document.participant
  await writer.field(texts.participantId, person.id)
  await writer.field(texts.firstName, person.firstName)
  await writer.field(texts.lastName, person.lastName)
  await writer.field(texts.instagram, person.instagram ? `@${person.instagram}` : '')
  await writer.field(texts.email, person.email)
  await writer.field(texts.phone, person.phone)
  await writer.field(texts.role, person.role)
  await writer.field(texts.birthYear, person.birthDate ?? (person.birthYear === null ? '' : String(person.birthYear)))
  if (person.bookedBy) await writer.field(texts.bookedBy, person.bookedBy)
  if (person.notes) await writer.field(texts.note, person.notes)
  writer.line()
  await writer.heading(texts.checkIns, 12)
  if (document.checkins.length === 0) await writer.paragraph(texts.noCheckIns, { color: grey })
  for (const checkin of document.checkins) await writer.field(checkin.atLocal.replace(/ \(.*\)$/, ''), `${checkin.stop} — ${texts.checkInActions[checkin.action]}`)
  writer.line()
  await writer.heading(texts.consentHistory, 12)
  const status: ConsentStatus | undefined = consentStatuses(document.consent.history).get(person.id)
  await writer.field(texts.status, texts.overall[status?.overall ?? 'none'])
  if (document.consent.history.length === 0) await writer.paragraph(texts.noConsent, { color: grey })
  const templates = new Map(document.consent.templates.map((template) => [template.id, template]))
  for (const record of document.consent.history) {
    writer.newPage()
    await writeRecord(writer, record, { event, participant, template: templates.get(record.templateId) }, consentDocumentTexts[record.language])
  }
  await writer.footers(texts, `${texts.accessTitle} — ${displayName(participant)}`)
  return writer.save()
}
