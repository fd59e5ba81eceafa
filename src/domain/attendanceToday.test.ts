import { describe, expect, it } from 'vitest'
import { peopleCheckedInOn } from './attendance'
import type { CheckIn } from './types'

let counter = 0
function record(participantId: string, action: CheckIn['action'], at: string, undoesId: string | null = null): CheckIn {
  counter += 1
  return { id: `r${String(counter).padStart(3, '0')}`, eventId: 'e', participantId, stopId: 's', action, undoesId, at, deviceId: 'd', method: 'qr' }
}

describe('people checked in on a day', () => {
  it('counts each person once, on the event’s date in its time zone, leaving out undone arrivals and departures', () => {
    const ana = record('ana', 'in', '2026-07-26T07:00:00.000Z')
    const anaAgain = record('ana', 'in', '2026-07-26T12:00:00.000Z')
    const ben = record('ben', 'in', '2026-07-26T08:00:00.000Z')
    const benUndone = record('ben', 'undo', '2026-07-26T08:01:00.000Z', ben.id)
    const cleoLeaving = record('cleo', 'out', '2026-07-26T09:00:00.000Z')
    // 23:30 UTC on the 25th is 01:30 on the 26th in Paris; 22:30 UTC on the 26th is 00:30 on the 27th.
    const dan = record('dan', 'in', '2026-07-25T23:30:00.000Z')
    const eve = record('eve', 'in', '2026-07-26T22:30:00.000Z')
    const records = [ana, anaAgain, ben, benUndone, cleoLeaving, dan, eve]
    expect(peopleCheckedInOn(records, '2026-07-26', 'Europe/Paris')).toBe(2)
    expect(peopleCheckedInOn([], '2026-07-26', 'Europe/Paris')).toBe(0)
  })
})
