import { describe, expect, it } from 'vitest'
import { consentStatuses, type RegisterFinding } from './consent'
import {
  consentCounts,
  formatInstant,
  overallOf,
  padStrokesFromSignature,
  registerLines,
  signatureFromPad,
  validateWithdrawal,
} from './consentCapture'
import type { ConsentRecord } from './types'

function record(overrides: Partial<ConsentRecord>): ConsentRecord {
  return {
    id: 'r1',
    eventId: 'e1',
    participantId: 'p1',
    templateId: 't1',
    templateHash: 'h',
    kind: 'grant',
    language: 'fr',
    choices: {},
    request: null,
    personal: null,
    personalHash: 'ph',
    at: '2027-07-24T10:00:00.000Z',
    deviceId: 'device-a-123456789',
    sequence: 1,
    previousHash: null,
    hash: 'x',
    ...overrides,
  }
}

describe('drawn signatures', () => {
  it('keeps the pad’s points and size, and nothing when nothing was drawn', () => {
    const strokes = [{ points: [{ x: 1.25, y: 2, time: 10, pressure: 0.5 }, { x: 30, y: 40, time: 20, pressure: 0.5 }] }, { points: [] }]
    expect(signatureFromPad(strokes, 358, 180)).toEqual({ width: 358, height: 180, strokes: [{ points: [[1.25, 2], [30, 40]] }] })
    expect(signatureFromPad([], 358, 180)).toBeNull()
    expect(signatureFromPad([{ points: [] }], 358, 180)).toBeNull()
  })

  it('redraws a kept signature on a pad of another size at its proportions', () => {
    const signature = { width: 200, height: 100, strokes: [{ points: [[100, 50], [200, 100]] as Array<[number, number]> }] }
    const [stroke] = padStrokesFromSignature(signature, 400, 100)
    // Limited by the height: the same size, not stretched sideways.
    expect(stroke?.points.map((point) => [point.x, point.y])).toEqual([[100, 50], [200, 100]])
    const [larger] = padStrokesFromSignature(signature, 400, 200)
    expect(larger?.points.map((point) => [point.x, point.y])).toEqual([[200, 100], [400, 200]])
  })
})

describe('who has signed', () => {
  const statuses = consentStatuses([
    record({ participantId: 'p1', choices: { a: true, b: true } }),
    record({ id: 'r2', participantId: 'p2', choices: { a: false, b: false }, sequence: 2 }),
  ])

  it('counts a refusal as signed, and nobody’s record as still to sign', () => {
    const participants = [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }]
    expect(consentCounts(participants, statuses)).toEqual({ signed: 2, toSign: 1, total: 3 })
    expect(overallOf(statuses, 'p1')).toBe('granted')
    expect(overallOf(statuses, 'p2')).toBe('refused')
    expect(overallOf(statuses, 'p3')).toBe('none')
    expect(consentCounts([], statuses)).toEqual({ signed: 0, toSign: 0, total: 0 })
  })
})

describe('withdrawals', () => {
  const good = { itemIds: ['a'], channel: 'email' as const, note: 'mail of 3 May', recordedBy: 'Camille' }

  it('needs an item still granted and who recorded it', () => {
    expect(validateWithdrawal(good, ['a', 'b'])).toEqual([])
    expect(validateWithdrawal({ ...good, itemIds: [], recordedBy: '  ' }, ['a'])).toEqual([
      { field: 'items', code: 'none' },
      { field: 'recordedBy', code: 'required' },
    ])
    // An item already refused or withdrawn cannot be withdrawn again.
    expect(validateWithdrawal({ ...good, itemIds: ['c'] }, ['a'])).toEqual([{ field: 'items', code: 'none' }])
    expect(validateWithdrawal({ ...good, note: 'x'.repeat(1001), recordedBy: 'y'.repeat(201) }, ['a'])).toEqual([
      { field: 'recordedBy', code: 'tooLong' },
      { field: 'note', code: 'tooLong' },
    ])
  })
})

describe('the register in words', () => {
  it('names each finding’s record: person, device, number, time', () => {
    const altered = record({ participantId: 'p9', sequence: 4 })
    const findings: RegisterFinding[] = [
      { kind: 'recordAltered', record: altered },
      { kind: 'missing', deviceId: 'device-b', fromSequence: 2, toSequence: 3 },
      { kind: 'templateAltered', templateId: 't1', version: 2 },
    ]
    expect(registerLines({ findings })).toEqual([
      { kind: 'recordAltered', participantId: 'p9', deviceId: altered.deviceId, sequence: 4, toSequence: null, at: altered.at, templateVersion: null },
      { kind: 'missing', participantId: null, deviceId: 'device-b', sequence: 2, toSequence: 3, at: null, templateVersion: null },
      { kind: 'templateAltered', participantId: null, deviceId: null, sequence: null, toSequence: null, at: null, templateVersion: 2 },
    ])
  })

  it('says when in the event’s time zone', () => {
    expect(formatInstant('2027-07-24T12:05:00.000Z', 'Europe/Paris', 'fr')).toContain('14:05')
    expect(formatInstant('2027-07-24T12:05:00.000Z', 'Europe/Paris', 'en')).toContain('2027')
  })
})
