import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { calendarOf, escapeIcsText, foldIcsLine } from './ics'
import { publicEventOf } from './publicEvent'
import { buildSampleEvent } from './sampleEvent'

const labels = {
  toBring: 'À apporter :',
  partner: 'Partenaire :',
  meetingDetail: 'Rendez-vous :',
  plannedAt: (time: string) => `Prévu à ${time}`,
}

function sampleCalendar(shiftMinutes: number) {
  let counter = 0
  const sample = buildSampleEvent({
    today: '2026-11-26',
    now: '2026-11-26T12:00:00.000Z',
    language: 'fr',
    newId: () => `${String(++counter).padStart(8, '0')}-0000-4000-8000-000000000000`,
    newBadgeCode: () => 'B'.repeat(16),
  })
  const picnic = sample.stops[2]!
  const shifts = shiftMinutes
    ? [{ id: 'x', eventId: sample.event.id, fromStopId: picnic.id, minutes: shiftMinutes, undoesShiftId: null, lengthensStop: false, at: '2027-07-24T09:00:00.000Z', deviceId: 'd' }]
    : []
  const base = publicEventOf(sample.event, sample.stops, shifts)
  const event = { ...base, stops: base.stops.map((stop, index) => (index === 3 ? { ...stop, title: 'Cathédrale; nef, chœur\\vitraux' } : stop)) }
  const formatTime = (ms: number) =>
    new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(ms)
  return { event, text: calendarOf(event, { nowMs: Date.UTC(2027, 6, 20, 10), labels, formatTime }) }
}

describe('calendarOf', () => {
  it('writes one event per stop at its effective time, read back by a real parser', () => {
    const { event, text } = sampleCalendar(20)
    const calendar = new ICAL.Component(ICAL.parse(text))
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Photowalk Auxerre (exemple)')
    const entries = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    expect(entries).toHaveLength(event.stops.length)
    const summary = entries.map((entry) => [
      entry.summary,
      entry.startDate.toJSDate().toISOString(),
      entry.endDate.toJSDate().toISOString(),
    ])
    expect(summary[0]).toEqual(['Accueil à l’office de tourisme', '2027-07-24T07:30:00.000Z', '2027-07-24T08:00:00.000Z'])
    expect(summary[1]).toEqual(['Balade en bateau électrique sur l’Yonne', '2027-07-24T08:00:00.000Z', '2027-07-24T09:30:00.000Z'])
    // The picnic and the spots after it run 20 minutes late; the booked reception does not move.
    expect(summary[2]?.slice(1)).toEqual(['2027-07-24T10:20:00.000Z', '2027-07-24T11:50:00.000Z'])
    expect(summary[8]?.slice(1)).toEqual(['2027-07-24T16:00:00.000Z', '2027-07-24T18:00:00.000Z'])
    expect(entries[2]?.description).toContain('Prévu à 12:00')
    expect(entries[3]?.summary).toBe('Cathédrale; nef, chœur\\vitraux')
    expect(entries[1]?.location).toBe('Halte nautique, Quai de la Marine, 89000 Auxerre')
    expect(entries[1]?.description).toContain('Rendez-vous : Ponton 2')
    expect(entries[1]?.component.getFirstPropertyValue('geo')).toEqual([47.7985, 3.5748])
    expect(entries[1]?.component.getFirstPropertyValue('sequence')).toBe(event.revision)
  })

  it('gives each stop a UID that survives a new revision', () => {
    const uids = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component).uid)
    const before = uids(sampleCalendar(0).text)
    const after = uids(sampleCalendar(15).text)
    expect(new Set(before).size).toBe(before.length)
    expect(after).toEqual(before)
  })

  it('uses CRLF line ends and folds long lines at 75 octets', () => {
    const { text } = sampleCalendar(0)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })
})

describe('ICS text', () => {
  it('escapes special characters', () => {
    expect(escapeIcsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne')
  })

  it('never splits a multi-byte character when folding', () => {
    const folded = foldIcsLine(`SUMMARY:${'é'.repeat(80)}`)
    const lines = folded.split('\r\n ')
    expect(lines.join('')).toBe(`SUMMARY:${'é'.repeat(80)}`)
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })
})
