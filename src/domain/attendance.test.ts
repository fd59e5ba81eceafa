import { describe, expect, it } from 'vitest'
import { checkpointsOf, currentCheckpoint, decideCheckIn, effectiveCheckins, headCount, latestUndoable, presenceAt, presenceWithNewRecords } from './attendance'
import { badgePayload, readBadgePayload } from './badgePayload'
import { effectiveSchedule } from './schedule'
import type { CheckIn, Participant, Stop } from './types'

const people = ['ana', 'ben', 'cleo'].map((id) => ({ id, firstName: id, lastName: '' }) as Participant)
let counter = 0
function record(participantId: string, stopId: string, action: CheckIn['action'], at: string, undoesId: string | null = null): CheckIn {
  counter += 1
  return {
    id: `r${String(counter).padStart(3, '0')}`,
    eventId: 'e',
    participantId,
    stopId,
    action,
    undoesId,
    at: `2027-07-24T${at}:00.000Z`,
    deviceId: 'd',
    method: 'qr',
  }
}

describe('presence', () => {
  it('follows in and out at each checkpoint separately', () => {
    const records = [record('ana', 'boat', 'in', '08:00'), record('ana', 'meeting', 'in', '07:30'), record('ana', 'boat', 'out', '09:30')]
    expect(presenceAt(records, 'meeting').get('ana')?.status).toBe('in')
    expect(presenceAt(records, 'boat').get('ana')).toMatchObject({ status: 'out', since: '2027-07-24T09:30:00.000Z' })
  })

  it('keeps the first time of repeated scans, from any device and in any order', () => {
    const first = record('ben', 'meeting', 'in', '07:31')
    const again = record('ben', 'meeting', 'in', '07:35')
    expect(presenceAt([again, first], 'meeting').get('ben')?.since).toBe('2027-07-24T07:31:00.000Z')
  })

  it('drops undone records and the undo records themselves', () => {
    const checkIn = record('cleo', 'meeting', 'in', '07:40')
    const undo = record('cleo', 'meeting', 'undo', '07:41', checkIn.id)
    expect(effectiveCheckins([checkIn, undo])).toEqual([])
    expect(presenceAt([checkIn, undo], 'meeting').has('cleo')).toBe(false)
    const redone = record('cleo', 'meeting', 'in', '07:42')
    expect(presenceAt([checkIn, undo, redone], 'meeting').get('cleo')?.since).toBe('2027-07-24T07:42:00.000Z')
  })

  it('counts heads: aboard, ashore and missing', () => {
    const records = [
      record('ana', 'boat', 'in', '08:00'),
      record('ben', 'boat', 'in', '08:01'),
      record('ana', 'boat', 'out', '09:30'),
    ]
    const count = headCount(people, presenceAt(records, 'boat'))
    expect(count.expected).toBe(3)
    expect(count.present.map((person) => person.id)).toEqual(['ben'])
    expect(count.left.map((person) => person.id)).toEqual(['ana'])
    expect(count.missing.map((person) => person.id)).toEqual(['cleo'])
  })

  it('adds newer records to a presence without going over the history again', () => {
    const history = [record('ana', 'boat', 'in', '08:00'), record('ben', 'boat', 'in', '08:01')]
    const newer = [record('ana', 'boat', 'out', '09:30'), record('cleo', 'boat', 'in', '09:31'), record('ben', 'meeting', 'in', '09:32')]
    expect(presenceWithNewRecords(presenceAt(history, 'boat'), newer, 'boat')).toEqual(presenceAt([...history, ...newer], 'boat'))
    const undo = record('ana', 'boat', 'undo', '09:33', history[0]!.id)
    expect(presenceWithNewRecords(presenceAt(history, 'boat'), [undo], 'boat')).toBeNull()
  })

  it('lists checkpoints in the day’s order: the meeting point and the stops marked', () => {
    const stop = (id: string, order: number, kind: Stop['kind'], isCheckpoint: boolean) => ({ id, order, kind, isCheckpoint }) as Stop
    const stops = [stop('spot', 2, 'spot', false), stop('boat', 1, 'boat', true), stop('meet', 0, 'meeting', false)]
    expect(checkpointsOf(stops).map((entry) => entry.id)).toEqual(['meet', 'boat'])
  })
})

describe('decideCheckIn', () => {
  const ana = people[0]!

  it('records a first check-in and recognises the second', () => {
    expect(decideCheckIn(ana, 'in', [], 'boat')).toEqual({ kind: 'record', action: 'in', participant: ana })
    const records = [record('ana', 'boat', 'in', '08:02')]
    expect(decideCheckIn(ana, 'in', records, 'boat')).toEqual({ kind: 'alreadyIn', participant: ana, since: '2027-07-24T08:02:00.000Z' })
  })

  it('checks out only who is in, once', () => {
    expect(decideCheckIn(ana, 'out', [], 'boat')).toEqual({ kind: 'notIn', participant: ana })
    const aboard = [record('ana', 'boat', 'in', '08:02')]
    expect(decideCheckIn(ana, 'out', aboard, 'boat')).toEqual({ kind: 'record', action: 'out', participant: ana })
    const ashore = [...aboard, record('ana', 'boat', 'out', '09:31')]
    expect(decideCheckIn(ana, 'out', ashore, 'boat')).toMatchObject({ kind: 'alreadyOut', since: '2027-07-24T09:31:00.000Z' })
    expect(decideCheckIn(ana, 'in', ashore, 'boat')).toMatchObject({ kind: 'record', action: 'in' })
  })

  it('finds the record to undo: the latest in force', () => {
    const checkIn = record('ana', 'boat', 'in', '08:02')
    const checkOut = record('ana', 'boat', 'out', '09:31')
    expect(latestUndoable([checkIn, checkOut], 'ana', 'boat')?.id).toBe(checkOut.id)
    expect(latestUndoable([checkIn, checkOut, record('ana', 'boat', 'undo', '09:32', checkOut.id)], 'ana', 'boat')?.id).toBe(checkIn.id)
    expect(latestUndoable([], 'ana', 'boat')).toBeNull()
  })
})

describe('badge payload', () => {
  it('is the app prefix and the code, and reads back leniently', () => {
    expect(badgePayload('0123456789ABCDEF')).toBe('PW:0123456789ABCDEF')
    expect(readBadgePayload(' pw:0123456789abcdef ')).toEqual({ kind: 'badge', code: '0123456789ABCDEF' })
    expect(readBadgePayload('https://example.org')).toEqual({ kind: 'notABadge' })
    expect(readBadgePayload('PW:short')).toEqual({ kind: 'notABadge' })
  })
})

describe('the checkpoint the check-in screen opens on', () => {
  const stop = (id: string, plannedStart: string, durationMinutes: number, kind: Stop['kind'] = 'spot'): Stop =>
    ({ id, eventId: 'e', order: 0, kind, title: id, plannedStart, durationMinutes, isCheckpoint: true, isFixed: false }) as Stop
  const stops = [stop('meeting', '09:30', 30, 'meeting'), stop('boat', '10:00', 90, 'boat'), stop('picnic', '12:00', 60), stop('cathedral', '14:00', 40)]
  const checkpoints = stops.filter((entry) => entry.id !== 'picnic')
  const schedule = effectiveSchedule(stops, [], { date: '2027-07-24', timeZone: 'UTC' })
  const at = (time: string) => Date.parse(`2027-07-24T${time}:00Z`)

  it('is the one under way, else the next, else the last of the day', () => {
    expect(currentCheckpoint(schedule, checkpoints, at('10:30'))?.id).toBe('boat')
    expect(currentCheckpoint(schedule, checkpoints, at('12:30'))?.id).toBe('cathedral')
    expect(currentCheckpoint(schedule, checkpoints, at('07:00'))?.id).toBe('meeting')
    expect(currentCheckpoint(schedule, checkpoints, at('20:00'))?.id).toBe('cathedral')
    expect(currentCheckpoint(schedule, [], at('10:30'))).toBeNull()
  })
})
