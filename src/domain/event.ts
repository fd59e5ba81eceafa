import { normaliseHashtagList, type HashtagError } from './hashtags'
import { err, ok, type Result } from './result'
import { defaultTimeZone, isValidLocalDate, isValidTimeZone } from './time'
import type { PhotowalkEvent } from './types'

export const maxEventNameLength = 120
export const maxEventTextLength = 300
export const maxGoal = 1_000_000

/** What the event form holds: strings as typed, before validation. */
export interface EventDraft {
  name: string
  date: string
  timeZone: string
  hashtags: string[]
  meetingPoint: string
  organisation: string
  goal: string
}

export type EventDetails = Pick<
  PhotowalkEvent,
  'name' | 'date' | 'timeZone' | 'hashtags' | 'meetingPoint' | 'organisation' | 'goal'
>

export type EventFieldError =
  | { field: 'name'; code: 'required' | 'tooLong' }
  | { field: 'date'; code: 'required' | 'invalidDate' }
  | { field: 'timeZone'; code: 'invalidTimeZone' }
  | { field: 'meetingPoint' | 'organisation'; code: 'tooLong' }
  | { field: 'goal'; code: 'notAWholeNumber' | 'tooSmall' | 'tooLarge' }
  | { field: 'hashtags'; index: number; code: HashtagError }

export function emptyEventDraft(date = ''): EventDraft {
  return {
    name: '',
    date,
    timeZone: defaultTimeZone,
    hashtags: [''],
    meetingPoint: '',
    organisation: '',
    goal: '',
  }
}

export function draftFromEvent(event: EventDetails): EventDraft {
  return {
    name: event.name,
    date: event.date,
    timeZone: event.timeZone,
    hashtags: event.hashtags.length > 0 ? event.hashtags.map((hashtag) => `#${hashtag}`) : [''],
    meetingPoint: event.meetingPoint,
    organisation: event.organisation,
    goal: event.goal === null ? '' : String(event.goal),
  }
}

function parseGoal(input: string): Result<number | null, 'notAWholeNumber' | 'tooSmall' | 'tooLarge'> {
  const compact = input.replace(/[\s\u00a0\u202f]/gu, '')
  if (compact === '') return ok(null)
  if (!/^-?\d+$/.test(compact)) return err('notAWholeNumber')
  const goal = Number(compact)
  if (goal < 1) return err('tooSmall')
  if (goal > maxGoal) return err('tooLarge')
  return ok(goal)
}

/** Checks an event draft; every problem is reported at once so the form can show them together. */
export function validateEventDraft(draft: EventDraft): Result<EventDetails, EventFieldError[]> {
  const errors: EventFieldError[] = []
  const name = draft.name.trim()
  if (name === '') errors.push({ field: 'name', code: 'required' })
  else if (name.length > maxEventNameLength) errors.push({ field: 'name', code: 'tooLong' })

  const date = draft.date.trim()
  if (date === '') errors.push({ field: 'date', code: 'required' })
  else if (!isValidLocalDate(date)) errors.push({ field: 'date', code: 'invalidDate' })

  const timeZone = draft.timeZone.trim() || defaultTimeZone
  if (!isValidTimeZone(timeZone)) errors.push({ field: 'timeZone', code: 'invalidTimeZone' })

  const hashtags = normaliseHashtagList(draft.hashtags)
  if (!hashtags.ok) {
    for (const [index, code] of hashtags.error) errors.push({ field: 'hashtags', index, code })
  }

  const meetingPoint = draft.meetingPoint.trim()
  if (meetingPoint.length > maxEventTextLength) errors.push({ field: 'meetingPoint', code: 'tooLong' })
  const organisation = draft.organisation.trim()
  if (organisation.length > maxEventTextLength) errors.push({ field: 'organisation', code: 'tooLong' })

  const goal = parseGoal(draft.goal)
  if (!goal.ok) errors.push({ field: 'goal', code: goal.error })

  if (errors.length > 0 || !hashtags.ok || !goal.ok) return err(errors)
  return ok({ name, date, timeZone, hashtags: hashtags.value, meetingPoint, organisation, goal: goal.value })
}
