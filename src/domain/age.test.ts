import { describe, expect, it } from 'vitest'
import { isMinorOn, minorityByYear, parseBirthDate } from './age'
import { emptyParticipantDraft, validateParticipantDraft } from './participant'

const eventDate = '2027-07-24'

describe('reading a date of birth as ticketing tools write it', () => {
  it.each([
    ['14/03/1990', { year: 1990, days: [{ month: 3, day: 14 }] }],
    ['1995-06-01', { year: 1995, days: [{ month: 6, day: 1 }] }],
    ['1995-06-01 00:00:00', { year: 1995, days: [{ month: 6, day: 1 }] }],
    ['1995-06-01T00:00:00Z', { year: 1995, days: [{ month: 6, day: 1 }] }],
    ['14.03.1990', { year: 1990, days: [{ month: 3, day: 14 }] }],
    // Month first (Eventbrite in English) when the day cannot be a month.
    ['03/14/1990', { year: 1990, days: [{ month: 3, day: 14 }] }],
    // Day first (French tools) or month first: both readings are kept.
    ['03/04/2009', { year: 2009, days: [{ month: 4, day: 3 }, { month: 3, day: 4 }] }],
    ['05/05/2009', { year: 2009, days: [{ month: 5, day: 5 }] }],
    ['2011', { year: 2011, days: [] }],
    [' 2011 ', { year: 2011, days: [] }],
    ['née en 2011', { year: 2011, days: [] }],
  ])('%j', (text, expected) => {
    expect(parseBirthDate(text)).toEqual(expected)
  })

  it.each(['', 'hier', '31/02/2011', '14/13/1990', '13/14/1990', '14/03/90', '1990-02-30', '2011 ou 2012'])('refuses %j', (text) => {
    expect(parseBirthDate(text)).toBeNull()
  })
})

describe('minors are counted on the event’s date, not on the phone’s', () => {
  it('a full date of birth gives the exact age on the day', () => {
    // Eighteen on the very day of the event: an adult that day.
    expect(isMinorOn({ year: 2009, days: [{ month: 7, day: 24 }] }, eventDate)).toBe(false)
    expect(isMinorOn({ year: 2009, days: [{ month: 7, day: 25 }] }, eventDate)).toBe(true)
    expect(isMinorOn({ year: 2009, days: [{ month: 1, day: 10 }] }, eventDate)).toBe(false)
    expect(isMinorOn({ year: 2011, days: [{ month: 3, day: 14 }] }, eventDate)).toBe(true)
  })

  it('a birthday on 29 February counts from 1 March in other years', () => {
    expect(isMinorOn({ year: 2008, days: [{ month: 2, day: 29 }] }, '2026-02-28')).toBe(true)
    expect(isMinorOn({ year: 2008, days: [{ month: 2, day: 29 }] }, '2026-03-01')).toBe(false)
  })

  it('an ambiguous day and month make a minor when either reading does', () => {
    // 07/08/2009: 7 August (minor on 24 July 2027) or 8 July (adult).
    expect(isMinorOn({ year: 2009, days: [{ month: 8, day: 7 }, { month: 7, day: 8 }] }, eventDate)).toBe(true)
  })

  it('a year alone: a minor whenever they could be one on the day', () => {
    expect(minorityByYear(2010, eventDate)).toBe('minor')
    expect(minorityByYear(2009, eventDate)).toBe('maybe')
    expect(minorityByYear(2008, eventDate)).toBe('adult')
    expect(isMinorOn({ year: 2009, days: [] }, eventDate)).toBe(true)
    expect(isMinorOn({ year: 2008, days: [] }, eventDate)).toBe(false)
  })

  it('the participant form checks the birth year against the event’s year', () => {
    const draft = { ...emptyParticipantDraft(), firstName: 'Chloé', isMinor: true, birthYear: '2008' }
    // In 2026 someone born in 2008 can still be a minor; at a 2027 event, never.
    expect(validateParticipantDraft(draft, { eventDate: '2026-05-01' })).toMatchObject({ ok: true })
    expect(validateParticipantDraft(draft, { eventDate })).toEqual({ ok: false, error: [{ field: 'birthYear', code: 'notAMinor' }] })
    expect(validateParticipantDraft({ ...draft, birthYear: '2028' }, { eventDate })).toEqual({ ok: false, error: [{ field: 'birthYear', code: 'invalidYear' }] })
  })

  it('a birth year that makes someone a minor whatever their birthday marks them as one', () => {
    const draft = { ...emptyParticipantDraft(), firstName: 'Léo', birthYear: '2013' }
    expect(validateParticipantDraft(draft, { eventDate })).toMatchObject({ ok: true, value: { isMinor: true, birthYear: 2013 } })
    // Born in 2009: 17 or 18 on the day. The organiser who knows the person decides.
    expect(validateParticipantDraft({ ...draft, birthYear: '2009' }, { eventDate })).toMatchObject({ ok: true, value: { isMinor: false } })
  })
})
