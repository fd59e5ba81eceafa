import { describe, expect, it } from 'vitest'
import { buildSampleEvent, sampleEventDate } from './sampleEvent'
import { addMinutesToTime, dayOfWeek } from './time'

function inputs(language: 'fr' | 'en' = 'fr') {
  let id = 0
  let badge = 0
  return {
    today: '2026-11-26',
    now: '2026-11-26T12:00:00.000Z',
    language,
    newId: () => `id-${++id}`,
    newBadgeCode: () => `BADGE${String(++badge).padStart(11, '0')}`,
  }
}

describe('sampleEventDate', () => {
  it('is the fourth Saturday of the coming July', () => {
    expect(sampleEventDate('2026-11-26')).toBe('2027-07-24')
    expect(sampleEventDate('2027-03-01')).toBe('2027-07-24')
    expect(sampleEventDate('2027-07-24')).toBe('2027-07-24')
    expect(sampleEventDate('2027-07-25')).toBe('2028-07-22')
    expect(dayOfWeek(sampleEventDate('2030-01-01'))).toBe(6)
  })
})

describe('buildSampleEvent', () => {
  const sample = buildSampleEvent(inputs())

  it('is labelled as a sample with the day’s hashtags', () => {
    expect(sample.event.isSample).toBe(true)
    expect(sample.event.name).toMatch(/exemple/)
    expect(sample.event.hashtags).toEqual(['PHOTOWALKXERRE', 'SecretsAuxerre'])
    expect(sample.event.timeZone).toBe('Europe/Paris')
    expect(sample.event.date).toBe('2027-07-24')
  })

  it('follows the reference day', () => {
    const timeline = sample.stops.map((stop) => [
      stop.kind,
      stop.plannedStart,
      addMinutesToTime(stop.plannedStart, stop.durationMinutes).time,
    ])
    expect(timeline).toEqual([
      ['meeting', '09:30', '10:00'],
      ['boat', '10:00', '11:30'],
      ['picnic', '12:00', '13:30'],
      ['spot', '14:00', '14:40'],
      ['spot', '14:40', '15:20'],
      ['spot', '15:20', '16:00'],
      ['spot', '16:00', '16:45'],
      ['spot', '16:45', '17:30'],
      ['reception', '18:00', '20:00'],
    ])
    expect(sample.stops.map((stop) => stop.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(sample.stops.every((stop) => stop.eventId === sample.event.id)).toBe(true)
  })

  it('has a dozen fictional participants in every role a photowalk has', () => {
    expect(sample.participants).toHaveLength(12)
    expect(new Set(sample.participants.map((person) => person.role))).toEqual(
      new Set(['iger', 'ambassador', 'press', 'staff']),
    )
    expect(sample.participants.every((person) => person.email.endsWith('@example.org'))).toBe(true)
    expect(new Set(sample.participants.map((person) => person.badgeCode)).size).toBe(12)
  })

  it('speaks the organiser’s language', () => {
    const english = buildSampleEvent(inputs('en'))
    expect(english.event.name).toBe('Auxerre photowalk (sample)')
    expect(english.stops[1]?.title).toBe('Electric boat ride on the Yonne')
    expect(english.stops[1]?.place).toMatchObject({ name: 'Boat landing (halte nautique)', detail: 'Pontoon 2', address: 'Quai de la Marine, 89000 Auxerre' })
    expect(english.stops[1]?.partner).toBe('Yonne electric boats (sample)')
    expect(english.stops[0]?.place.detail).toBe('In front of the entrance, riverside')
    expect(english.event.organisation).toBe('Tourism office (sample)')
    expect(english.event.meetingPoint).toBe('Tourism office, 1-2 quai de la République, 89000 Auxerre')
    // Nothing French is left in what the organiser reads, but proper names and addresses.
    const french = buildSampleEvent(inputs('fr'))
    const texts = (sample: typeof english) =>
      [sample.event.organisation, ...sample.stops.flatMap((stop) => [stop.place.name, stop.place.detail, stop.partner, stop.toBring])].filter((text) => text !== '')
    const translated = texts(english).filter((text, index) => text !== texts(french)[index])
    expect(translated.length).toBeGreaterThanOrEqual(8)
    expect(texts(english).join(' ')).not.toMatch(/exemple|Devant|Ponton|Entrée|Vignerons|Bateaux/)
  })
})
