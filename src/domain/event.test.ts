import { describe, expect, it } from 'vitest'
import { draftFromEvent, emptyEventDraft, validateEventDraft, type EventDraft } from './event'

const validDraft: EventDraft = {
  name: '  Photowalk Auxerre ',
  date: '2027-07-24',
  timeZone: 'Europe/Paris',
  hashtags: ['#PHOTOWALKXERRE', 'SecretsAuxerre', ''],
  meetingPoint: 'Office de tourisme',
  organisation: 'Office de tourisme de l’Auxerrois',
  goal: '140',
}

describe('validateEventDraft', () => {
  it('returns trimmed, normalised details', () => {
    expect(validateEventDraft(validDraft)).toEqual({
      ok: true,
      value: {
        name: 'Photowalk Auxerre',
        date: '2027-07-24',
        timeZone: 'Europe/Paris',
        hashtags: ['PHOTOWALKXERRE', 'SecretsAuxerre'],
        meetingPoint: 'Office de tourisme',
        organisation: 'Office de tourisme de l’Auxerrois',
        goal: 140,
      },
    })
  })

  it('defaults the time zone to Europe/Paris and the goal to none', () => {
    const result = validateEventDraft({ ...validDraft, timeZone: ' ', goal: '' })
    expect(result.ok && result.value.timeZone).toBe('Europe/Paris')
    expect(result.ok && result.value.goal).toBeNull()
  })

  it('accepts a goal typed with a thousands separator', () => {
    const result = validateEventDraft({ ...validDraft, goal: '1 500' })
    expect(result.ok && result.value.goal).toBe(1500)
  })

  it('reports every problem at once', () => {
    const result = validateEventDraft({
      name: '   ',
      date: '2027-02-30',
      timeZone: 'Mars/Olympus',
      hashtags: ['#ok', 'photo walk', '#📸'],
      meetingPoint: 'x'.repeat(301),
      organisation: '',
      goal: '12.5',
    })
    expect(result).toEqual({
      ok: false,
      error: [
        { field: 'name', code: 'required' },
        { field: 'date', code: 'invalidDate' },
        { field: 'timeZone', code: 'invalidTimeZone' },
        { field: 'hashtags', index: 1, code: 'whitespace' },
        { field: 'hashtags', index: 2, code: 'invalidCharacter' },
        { field: 'meetingPoint', code: 'tooLong' },
        { field: 'goal', code: 'notAWholeNumber' },
      ],
    })
  })

  it.each([
    ['0', 'tooSmall'],
    ['-3', 'tooSmall'],
    ['2000000', 'tooLarge'],
    ['beaucoup', 'notAWholeNumber'],
  ])('rejects the goal %j', (goal, code) => {
    expect(validateEventDraft({ ...validDraft, goal })).toEqual({ ok: false, error: [{ field: 'goal', code }] })
  })

  it('requires a date and a name no longer than 120 characters', () => {
    expect(validateEventDraft({ ...validDraft, date: '', name: 'n'.repeat(121) })).toEqual({
      ok: false,
      error: [
        { field: 'name', code: 'tooLong' },
        { field: 'date', code: 'required' },
      ],
    })
  })
})

describe('drafts', () => {
  it('starts empty with one hashtag field and Paris time', () => {
    expect(emptyEventDraft('2027-07-24')).toMatchObject({ date: '2027-07-24', timeZone: 'Europe/Paris', hashtags: [''] })
  })

  it('round-trips an event through its draft', () => {
    const result = validateEventDraft(validDraft)
    if (!result.ok) throw new Error('valid draft refused')
    expect(validateEventDraft(draftFromEvent(result.value))).toEqual(result)
  })
})
