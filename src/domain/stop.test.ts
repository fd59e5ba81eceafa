import { describe, expect, it } from 'vitest'
import { draftFromStop, emptyStopDraft, overlappingStops, validateStopDraft, type StopDraft } from './stop'
import type { Stop } from './types'

const day = { date: '2027-07-24', timeZone: 'Europe/Paris' }

function draft(overrides: Partial<StopDraft> = {}): StopDraft {
  return {
    ...emptyStopDraft('10:00'),
    kind: 'boat',
    title: ' Balade en bateau ',
    duration: '90',
    placeName: 'Halte nautique',
    address: 'Quai de la Marine',
    lat: '47,7985',
    lng: '3.5748',
    detail: 'Ponton 2',
    capacity: '14',
    isCheckpoint: true,
    isFixed: true,
    toBring: 'Chapeau',
    ...overrides,
  }
}

describe('validateStopDraft', () => {
  it('returns a trimmed stop with numbers parsed (decimal comma accepted)', () => {
    expect(validateStopDraft(draft(), day)).toEqual({
      ok: true,
      value: {
        kind: 'boat',
        title: 'Balade en bateau',
        plannedStart: '10:00',
        durationMinutes: 90,
        place: { name: 'Halte nautique', address: 'Quai de la Marine', lat: 47.7985, lng: 3.5748, detail: 'Ponton 2' },
        capacity: 14,
        isCheckpoint: true,
        isFixed: true,
        partner: '',
        notes: '',
        toBring: 'Chapeau',
      },
    })
  })

  it('accepts an end time instead of a duration', () => {
    const result = validateStopDraft(draft({ timing: 'end', end: '11:30', duration: '' }), day)
    expect(result.ok && result.value.durationMinutes).toBe(90)
  })

  it('counts real minutes on the day clocks go back', () => {
    const result = validateStopDraft(draft({ start: '01:30', timing: 'end', end: '03:30' }), {
      date: '2026-10-25',
      timeZone: 'Europe/Paris',
    })
    expect(result.ok && result.value.durationMinutes).toBe(180)
  })

  it.each<[Partial<StopDraft>, object[]]>([
    [{ title: '  ' }, [{ field: 'title', code: 'required' }]],
    [{ start: '' }, [{ field: 'start', code: 'required' }]],
    [{ start: '25:00' }, [{ field: 'start', code: 'invalidTime' }]],
    [{ duration: '0' }, [{ field: 'duration', code: 'notPositive' }]],
    [{ duration: '-30' }, [{ field: 'duration', code: 'notPositive' }]],
    [{ duration: 'une heure' }, [{ field: 'duration', code: 'notAWholeNumber' }]],
    [{ start: '23:00', duration: '120' }, [{ field: 'duration', code: 'outsideDay' }]],
    [{ timing: 'end', end: '09:30' }, [{ field: 'end', code: 'endBeforeStart' }]],
    [{ timing: 'end', end: '10:00' }, [{ field: 'end', code: 'endBeforeStart' }]],
    [{ timing: 'end', end: '' }, [{ field: 'end', code: 'required' }]],
    [{ capacity: '-1' }, [{ field: 'capacity', code: 'negative' }]],
    [{ capacity: 'douze' }, [{ field: 'capacity', code: 'notAWholeNumber' }]],
    [{ lat: '91' }, [{ field: 'lat', code: 'invalidCoordinate' }]],
    [{ lng: '' }, [{ field: 'lng', code: 'incompleteCoordinates' }]],
    [{ notes: 'x'.repeat(501) }, [{ field: 'notes', code: 'tooLong' }]],
  ])('refuses %j', (overrides, errors) => {
    expect(validateStopDraft(draft(overrides), day)).toEqual({ ok: false, error: errors })
  })

  it('accepts a stop ending exactly at midnight and a capacity of zero', () => {
    expect(validateStopDraft(draft({ start: '22:00', timing: 'end', end: '24:00', capacity: '0' }), day).ok).toBe(true)
  })

  it('round-trips through a draft', () => {
    const result = validateStopDraft(draft(), day)
    if (!result.ok) throw new Error('valid draft refused')
    expect(validateStopDraft(draftFromStop(result.value), day)).toEqual(result)
  })
})

describe('overlappingStops', () => {
  const existing = (id: string, start: string, minutes: number) => ({ id, plannedStart: start, durationMinutes: minutes }) as Stop

  it('finds the stops a new one would overlap, and ignores the stop being edited', () => {
    const others = [existing('a', '09:30', 30), existing('b', '10:00', 90), existing('c', '12:00', 60)]
    expect(overlappingStops({ id: null, plannedStart: '11:00', durationMinutes: 90 }, others).map((s) => s.id)).toEqual([
      'b',
      'c',
    ])
    expect(overlappingStops({ id: 'b', plannedStart: '10:00', durationMinutes: 90 }, others)).toEqual([])
    expect(overlappingStops({ id: null, plannedStart: '11:30', durationMinutes: 30 }, others)).toEqual([])
  })
})
