import { describe, expect, it } from 'vitest'
import { firstArrivals, selectRoster } from './roster'
import { searchable } from './search'
import type { CheckIn, Participant } from './types'

const record = (id: string, participantId: string, stopId: string, action: CheckIn['action'], at: string, undoesId: string | null = null) =>
  ({ id, participantId, stopId, action, at, undoesId }) as CheckIn
const person = (id: string, firstName: string, lastName: string, role: Participant['role'] = 'iger') =>
  ({ id, firstName, lastName, instagram: '', email: '', phone: '', role }) as Participant

describe('first arrivals', () => {
  it('is the earliest arrival in force at any checkpoint, not the time of leaving', () => {
    const arrivals = firstArrivals(
      [
        record('1', 'a', 'meet', 'in', '2027-07-24T07:00:00.000Z'),
        record('2', 'a', 'meet', 'out', '2027-07-24T07:30:00.000Z'),
        record('3', 'a', 'boat', 'in', '2027-07-24T08:00:00.000Z'),
        record('4', 'b', 'meet', 'in', '2027-07-24T07:05:00.000Z'),
        record('5', 'b', 'meet', 'undo', '2027-07-24T07:06:00.000Z', '4'),
        record('6', 'b', 'boat', 'in', '2027-07-24T08:10:00.000Z'),
        record('7', 'c', 'meet', 'in', '2027-07-24T07:10:00.000Z'),
        record('8', 'c', 'meet', 'undo', '2027-07-24T07:11:00.000Z', '7'),
        record('9', 'd', 'elsewhere', 'in', '2027-07-24T06:00:00.000Z'),
      ],
      ['meet', 'boat'],
    )
    expect(Object.fromEntries(arrivals)).toEqual({ a: '2027-07-24T07:00:00.000Z', b: '2027-07-24T08:10:00.000Z' })
  })
})

describe('the roster as filtered and sorted', () => {
  // The index comes sorted by name.
  const index = [person('1', 'Ben', 'Able'), person('2', 'Ana', 'Bel', 'press'), person('3', 'Cy', 'Cole'), person('4', 'Dee', 'Dorn', 'press')].map(searchable)
  const arrivals = new Map([
    ['3', '2027-07-24T07:00:00.000Z'],
    ['2', '2027-07-24T07:30:00.000Z'],
    ['4', '2027-07-24T07:00:00.000Z'],
  ])
  const ids = (criteria: Parameters<typeof selectRoster>[1]) => selectRoster(index, criteria, arrivals).map((participant) => participant.id)

  it('sorts by arrival, then by name; those not arrived come last', () => {
    expect(ids({ query: '', role: '', status: '', sort: 'name' })).toEqual(['1', '2', '3', '4'])
    expect(ids({ query: '', role: '', status: '', sort: 'arrival' })).toEqual(['3', '4', '2', '1'])
  })

  it('filters by search, role and arrival', () => {
    expect(ids({ query: '', role: 'press', status: '', sort: 'name' })).toEqual(['2', '4'])
    expect(ids({ query: '', role: '', status: 'notArrived', sort: 'name' })).toEqual(['1'])
    expect(ids({ query: 'o', role: '', status: 'arrived', sort: 'arrival' })).toEqual(['3', '4'])
  })
})
