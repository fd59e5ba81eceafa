import type { ConsentOverall, ConsentStatus, RegisterFinding, RegisterReport } from './consent'
import { intlLocale } from './format'
import type { DrawnSignature, Id, IsoInstant, Language, WithdrawalChannel } from './types'

// ---- Drawn signatures: between the pad's strokes and what a record keeps ----

/** A point as a drawing pad gives it (signature_pad's `toData()`), in CSS pixels of the pad. */
export interface PadPoint {
  x: number
  y: number
  time: number
  pressure: number
}

export interface PadStroke {
  points: readonly PadPoint[]
}

/** What was drawn on a pad of the given size, or null when nothing was. */
export function signatureFromPad(strokes: readonly PadStroke[], width: number, height: number): DrawnSignature | null {
  const kept = strokes.filter((stroke) => stroke.points.length > 0).map((stroke) => ({ points: stroke.points.map((point): [number, number] => [point.x, point.y]) }))
  if (kept.length === 0) return null
  return { width, height, strokes: kept }
}

/**
 * A kept signature as strokes for a pad of another size (the phone turned, a reload on another
 * screen): scaled by the same factor both ways, so it keeps its proportions and fits.
 */
export function padStrokesFromSignature(signature: DrawnSignature, width: number, height: number): PadStroke[] {
  const scale = signature.width > 0 && signature.height > 0 ? Math.min(width / signature.width, height / signature.height) : 1
  return signature.strokes.map((stroke) => ({
    points: stroke.points.map(([x, y], index) => ({ x: x * scale, y: y * scale, time: index, pressure: 0.5 })),
  }))
}

// ---- The consent screen: who has signed, who is still to sign ----

export const overallOf = (statuses: ReadonlyMap<Id, ConsentStatus>, participantId: Id): ConsentOverall => statuses.get(participantId)?.overall ?? 'none'

export interface ConsentCounts {
  /** People of the roster with a signed form, whatever they granted or refused on it. */
  signed: number
  toSign: number
  total: number
}

export function consentCounts(participants: readonly { id: Id }[], statuses: ReadonlyMap<Id, ConsentStatus>): ConsentCounts {
  const toSign = participants.filter((participant) => overallOf(statuses, participant.id) === 'none').length
  return { signed: participants.length - toSign, toSign, total: participants.length }
}

// ---- Withdrawals as the organiser records them ----

export interface WithdrawalDraft {
  itemIds: string[]
  channel: WithdrawalChannel
  note: string
  recordedBy: string
}

export type WithdrawalError = { field: 'items'; code: 'none' } | { field: 'recordedBy'; code: 'required' | 'tooLong' } | { field: 'note'; code: 'tooLong' }

export const maxWithdrawalNoteLength = 1000

/** A withdrawal names at least one item still granted, and who recorded it. */
export function validateWithdrawal(draft: WithdrawalDraft, granted: readonly string[]): WithdrawalError[] {
  const errors: WithdrawalError[] = []
  if (!draft.itemIds.some((id) => granted.includes(id))) errors.push({ field: 'items', code: 'none' })
  const recordedBy = draft.recordedBy.trim()
  if (recordedBy === '') errors.push({ field: 'recordedBy', code: 'required' })
  else if (recordedBy.length > 200) errors.push({ field: 'recordedBy', code: 'tooLong' })
  if (draft.note.trim().length > maxWithdrawalNoteLength) errors.push({ field: 'note', code: 'tooLong' })
  return errors
}

// ---- The register check, in lines a person can read ----

export interface RegisterLine {
  kind: RegisterFinding['kind']
  /** The person the record is about, if still known (not erased). */
  participantId: Id | null
  deviceId: Id | null
  /** The record's place in its device's count, or the first and last missing ones. */
  sequence: number | null
  toSequence: number | null
  at: IsoInstant | null
  templateVersion: number | null
}

/** One line per finding, naming the record: whose, which device, which number in its count, when. */
export function registerLines(report: Pick<RegisterReport, 'findings'>): RegisterLine[] {
  return report.findings.map((finding): RegisterLine => {
    switch (finding.kind) {
      case 'templateAltered':
        return { kind: finding.kind, participantId: null, deviceId: null, sequence: null, toSequence: null, at: null, templateVersion: finding.version }
      case 'missing':
        return { kind: finding.kind, participantId: null, deviceId: finding.deviceId, sequence: finding.fromSequence, toSequence: finding.toSequence, at: null, templateVersion: null }
      default:
        return {
          kind: finding.kind,
          participantId: finding.record.participantId,
          deviceId: finding.record.deviceId,
          sequence: finding.record.sequence,
          toSequence: null,
          at: finding.record.at,
          templateVersion: null,
        }
    }
  })
}

/** A device id is long; its first characters are enough to tell two phones apart. */
export const shortDeviceId = (deviceId: Id): string => deviceId.slice(0, 8)

/** A template hash, short enough to read aloud and compare with a printed copy. */
export const shortHash = (hash: string): string => hash.slice(0, 12)

/** "27 juil. 2027, 14:05" in the event's time zone. */
export function formatInstant(at: IsoInstant, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(at))
}
