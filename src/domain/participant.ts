import { isMinorOn, minorityByYear, parseBirthDate, yearOf } from './age'
import { err, ok, type Result } from './result'
import { participantRoles, type LocalDate, type Participant, type ParticipantRole } from './types'

export const maxNameLength = 100
export const maxHandleLength = 30

/** The participant form's content, strings as typed. */
export interface ParticipantDraft {
  firstName: string
  lastName: string
  instagram: string
  email: string
  phone: string
  role: ParticipantRole
  isMinor: boolean
  birthYear: string
  companionOf: string
  notes: string
  bookedBy: string
}

export type ParticipantDetails = Pick<
  Participant,
  'firstName' | 'lastName' | 'instagram' | 'email' | 'phone' | 'role' | 'isMinor' | 'birthYear' | 'birthDate' | 'companionOf' | 'notes' | 'bookedBy'
>

export type ParticipantFieldError =
  | { field: 'name'; code: 'required' | 'tooLong' }
  | { field: 'instagram'; code: 'invalidHandle' | 'tooLong' }
  | { field: 'email'; code: 'invalidEmail' }
  | { field: 'phone'; code: 'invalidPhone' }
  | { field: 'role'; code: 'invalidRole' }
  | { field: 'birthYear'; code: 'required' | 'invalidYear' | 'notAMinor' }
  | { field: 'notes'; code: 'tooLong' }
  | { field: 'bookedBy'; code: 'tooLong' }

export function emptyParticipantDraft(): ParticipantDraft {
  return {
    firstName: '',
    lastName: '',
    instagram: '',
    email: '',
    phone: '',
    role: 'iger',
    isMinor: false,
    birthYear: '',
    companionOf: '',
    notes: '',
    bookedBy: '',
  }
}

export function draftFromParticipant(participant: ParticipantDetails): ParticipantDraft {
  return {
    firstName: participant.firstName,
    lastName: participant.lastName,
    instagram: participant.instagram,
    email: participant.email,
    phone: participant.phone,
    role: participant.role,
    isMinor: participant.isMinor,
    birthYear: participant.birthDate ?? (participant.birthYear === null ? '' : String(participant.birthYear)),
    companionOf: participant.companionOf ?? '',
    notes: participant.notes,
    bookedBy: participant.bookedBy,
  }
}

/**
 * An Instagram handle as Instagram stores it: `@` optional, lowercase, letters, digits, periods
 * and underscores, at most 30 characters, no leading or trailing period, no two periods in a row.
 * Also accepts a profile link (`instagram.com/name`). Empty stays empty.
 */
export function normaliseInstagramHandle(input: string): Result<string, 'invalidHandle' | 'tooLong'> {
  let handle = input.trim()
  const fromLink = /^(?:https?:\/\/)?(?:www\.)?instagram\.com\/([^/?#]+)/i.exec(handle)
  if (fromLink?.[1]) handle = fromLink[1]
  handle = handle.replace(/^@/, '').toLowerCase()
  if (handle === '') return ok('')
  if (handle.length > maxHandleLength) return err('tooLong')
  if (!/^[a-z0-9._]+$/.test(handle) || handle.startsWith('.') || handle.endsWith('.') || handle.includes('..')) {
    return err('invalidHandle')
  }
  return ok(handle)
}

// Deliberately permissive: one @, something before it, a dotted domain after, no spaces.
const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u

export function normaliseEmail(input: string): Result<string, 'invalidEmail'> {
  const email = input.trim().toLowerCase()
  if (email === '') return ok('')
  return emailPattern.test(email) ? ok(email) : err('invalidEmail')
}

/** Keeps the phone number as written (for display), refusing what cannot be dialled. */
export function normalisePhone(input: string): Result<string, 'invalidPhone'> {
  const phone = input.trim().replace(/\s+/g, ' ')
  if (phone === '') return ok('')
  const digits = phone.replace(/\D/g, '')
  if (!/^\+?[\d\s().-]+$/.test(phone) || digits.length < 6 || digits.length > 15) return err('invalidPhone')
  return ok(phone)
}

/** The number to put in a `tel:` link: digits and a leading +. */
export function dialableNumber(phone: string): string {
  const trimmed = phone.trim()
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '')
}

/** What ages are counted against: the event's date, never the phone's. */
export interface AgeReference {
  eventDate: LocalDate
}

export const maxNotesLength = 1000
export const maxBookedByLength = 300

/**
 * The draft normalised, with every problem found. Invalid fields come out empty and overlong ones
 * shortened, so that an import can keep the person and say what it set aside; the form refuses the
 * draft as soon as there is an error (`validateParticipantDraft`).
 */
export function normaliseParticipantDraft(
  draft: ParticipantDraft,
  reference: AgeReference,
): { details: ParticipantDetails; errors: ParticipantFieldError[] } {
  const errors: ParticipantFieldError[] = []
  const eventDate = reference.eventDate
  const eventYear = yearOf(eventDate)
  let firstName = draft.firstName.trim().replace(/\s+/g, ' ')
  let lastName = draft.lastName.trim().replace(/\s+/g, ' ')
  if (firstName === '' && lastName === '') errors.push({ field: 'name', code: 'required' })
  else if (firstName.length > maxNameLength || lastName.length > maxNameLength) {
    errors.push({ field: 'name', code: 'tooLong' })
    firstName = firstName.slice(0, maxNameLength).trim()
    lastName = lastName.slice(0, maxNameLength).trim()
  }

  const instagram = normaliseInstagramHandle(draft.instagram)
  if (!instagram.ok) errors.push({ field: 'instagram', code: instagram.error })
  const email = normaliseEmail(draft.email)
  if (!email.ok) errors.push({ field: 'email', code: email.error })
  const phone = normalisePhone(draft.phone)
  if (!phone.ok) errors.push({ field: 'phone', code: phone.error })
  const role = (participantRoles as readonly string[]).includes(draft.role) ? draft.role : 'iger'
  if (role !== draft.role) errors.push({ field: 'role', code: 'invalidRole' })

  let birthYear: number | null = null
  let birthDate: LocalDate | null = null
  let isMinor = draft.isMinor
  // A year ("2011") or a full date ("14/03/2011", "2011-03-14"): the date gives the exact age.
  const birthText = draft.birthYear.trim()
  if (birthText !== '') {
    const birth = parseBirthDate(birthText)
    const single = birth?.days.length === 1 ? birth.days[0] : undefined
    const date = birth && single ? `${String(birth.year).padStart(4, '0')}-${String(single.month).padStart(2, '0')}-${String(single.day).padStart(2, '0')}` : null
    if (!birth || birth.year < eventYear - 120 || birth.year > eventYear || (date !== null && date > eventDate)) {
      errors.push({ field: 'birthYear', code: 'invalidYear' })
    } else if (draft.isMinor && !isMinorOn(birth, eventDate)) {
      errors.push({ field: 'birthYear', code: 'notAMinor' })
    } else {
      birthYear = birth.year
      birthDate = date
      // A minor on the day whatever their birthday (or exactly, with the date): ticked or not.
      const surelyMinor = birth.days.length === 0 ? minorityByYear(birth.year, eventDate) === 'minor' : isMinorOn(birth, eventDate)
      if (surelyMinor) isMinor = true
    }
  }
  // Consent rules depend on age, so a minor's birth year is needed.
  if (isMinor && birthYear === null && !errors.some((error) => error.field === 'birthYear')) {
    errors.push({ field: 'birthYear', code: 'required' })
  }

  let notes = draft.notes.trim()
  if (notes.length > maxNotesLength) {
    errors.push({ field: 'notes', code: 'tooLong' })
    notes = notes.slice(0, maxNotesLength)
  }
  let bookedBy = draft.bookedBy.trim().replace(/\s+/g, ' ')
  if (bookedBy.length > maxBookedByLength) {
    errors.push({ field: 'bookedBy', code: 'tooLong' })
    bookedBy = bookedBy.slice(0, maxBookedByLength)
  }

  return {
    details: {
      firstName,
      lastName,
      instagram: instagram.ok ? instagram.value : '',
      email: email.ok ? email.value : '',
      phone: phone.ok ? phone.value : '',
      role,
      isMinor,
      birthYear,
      birthDate,
      companionOf: draft.companionOf.trim() || null,
      notes,
      bookedBy,
    },
    errors,
  }
}

export function validateParticipantDraft(
  draft: ParticipantDraft,
  reference: AgeReference,
): Result<ParticipantDetails, ParticipantFieldError[]> {
  const { details, errors } = normaliseParticipantDraft(draft, reference)
  return errors.length > 0 ? err(errors) : ok(details)
}

export function displayName(participant: Pick<Participant, 'firstName' | 'lastName'>): string {
  return [participant.firstName, participant.lastName].filter((part) => part !== '').join(' ')
}
