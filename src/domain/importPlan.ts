import { minorityByYear } from './age'
import type { ImportCandidate } from './csvImport'
import { createIdentityIndex, normalisedName } from './identity'
import { dialableNumber, displayName, type ParticipantDetails } from './participant'
import type { Id, LocalDate, Participant } from './types'

export type DuplicatePolicy = 'merge' | 'skip'

/** The fields an import may fill in on someone already known. */
export const mergeFields = ['firstName', 'lastName', 'email', 'instagram', 'phone', 'role', 'birthYear', 'notes', 'bookedBy'] as const
export type MergeField = (typeof mergeFields)[number]

/**
 * A field that both the person already known and a row of the file fill in, differently. The known
 * value stays unless the organiser chooses the file's (`choices` holds the conflict's key).
 */
export interface MergeConflict {
  /** Stable while the file and its mapping stay the same: `line:field`. */
  key: string
  line: number
  /** The person as already known (on the roster, or from an earlier line of the file). */
  person: string
  field: MergeField
  current: string
  incoming: string
}

export interface ImportPlan {
  toAdd: ParticipantDetails[]
  toUpdate: Array<{ id: Id; details: ParticipantDetails }>
  /** Rows matching someone already registered (or an earlier row), with who they match. */
  duplicates: Array<{ candidate: ImportCandidate; matches: string }>
  conflicts: MergeConflict[]
  /** Duplicates of registered people that bring nothing new. */
  unchanged: number
  /** Rows left out: no name at all. */
  invalid: ImportCandidate[]
  /** Rows imported with a field set aside or shortened. */
  flagged: ImportCandidate[]
}

export interface PlanOptions {
  policy: DuplicatePolicy
  /** Ages are counted on the event's day. */
  eventDate: LocalDate
  /** Keys of the conflicts where the file's value is taken; every other conflict keeps the known value. */
  choices?: ReadonlySet<string>
}

const isBlank = (value: unknown) => value === '' || value === null

/** Values that differ only in writing (accents and case in a name, spaces in a phone) are the same. */
function sameValue(field: MergeField, a: ParticipantDetails[MergeField], b: ParticipantDetails[MergeField]): boolean {
  if (field === 'firstName' || field === 'lastName' || field === 'bookedBy') return normalisedName(String(a)) === normalisedName(String(b))
  if (field === 'phone') return dialableNumber(String(a)) === dialableNumber(String(b))
  return a === b
}

/** Whether the row gives a value for the field (a role only when the file has one: the default is no value). */
function provided(candidate: ImportCandidate, details: ParticipantDetails, field: MergeField): boolean {
  if (field === 'role') return candidate.raw.role !== ''
  return !isBlank(details[field])
}

function merge(
  current: ParticipantDetails,
  candidate: ImportCandidate,
  incoming: ParticipantDetails,
  options: PlanOptions,
  conflicts: MergeConflict[],
): ParticipantDetails {
  const result: ParticipantDetails = { ...current }
  const assign = <F extends MergeField>(field: F, value: ParticipantDetails[F]) => {
    result[field] = value
  }
  for (const field of mergeFields) {
    if (!provided(candidate, incoming, field)) continue
    if (field !== 'role' && isBlank(current[field])) {
      assign(field, incoming[field])
      continue
    }
    if (sameValue(field, current[field], incoming[field])) continue
    const key = `${candidate.line}:${field}`
    conflicts.push({ key, line: candidate.line, person: displayName(current), field, current: String(current[field]), incoming: String(incoming[field]) })
    if (options.choices?.has(key)) assign(field, incoming[field])
  }
  // The date of birth goes with the year it is the date of: the file's when its year was taken, or
  // when it completes the same year.
  if (result.birthYear !== current.birthYear || (result.birthDate === null && result.birthYear === incoming.birthYear)) {
    result.birthDate = incoming.birthDate
  }
  // Minor or not follows the birth year kept; without one, either side saying "minor" is enough.
  const minority = result.birthYear === null ? null : minorityByYear(result.birthYear, options.eventDate)
  result.isMinor = minority === 'minor' || (minority !== 'adult' && (current.isMinor || incoming.isMinor))
  return result
}

const changed = (before: ParticipantDetails, after: ParticipantDetails) =>
  before.isMinor !== after.isMinor || before.birthDate !== after.birthDate || mergeFields.some((field) => before[field] !== after[field])

const detailsOf = (person: ParticipantDetails): ParticipantDetails => {
  const { firstName, lastName, instagram, email, phone, role, isMinor, birthYear, birthDate, companionOf, notes, bookedBy } = person
  return { firstName, lastName, instagram, email, phone, role, isMinor, birthYear, birthDate, companionOf, notes, bookedBy }
}

/**
 * What an import will do, from the rows read, the roster and the organiser's choices: who is added,
 * who is completed, which rows are duplicates (by `samePerson`, against the roster and earlier rows
 * of the file alike), which values conflict, which rows were imported with a problem or left out.
 * A merge fills blank fields only; a differing value is a conflict, settled by `choices`.
 */
export function planImport(candidates: readonly ImportCandidate[], roster: readonly Participant[], options: PlanOptions): ImportPlan {
  const plan: ImportPlan = { toAdd: [], toUpdate: [], duplicates: [], conflicts: [], unchanged: 0, invalid: [], flagged: [] }
  type Target = { kind: 'roster'; id: Id } | { kind: 'row'; index: number }
  const known = createIdentityIndex<Target>()
  const rosterById = new Map<Id, ParticipantDetails>()
  for (const participant of roster) {
    rosterById.set(participant.id, detailsOf(participant))
    known.add(participant, { kind: 'roster', id: participant.id })
  }
  const updates = new Map<Id, ParticipantDetails>()

  for (const candidate of candidates) {
    const details = candidate.details
    if (!details) {
      plan.invalid.push(candidate)
      continue
    }
    const target = known.find(details)
    if (!target) {
      if (candidate.problems.length > 0) plan.flagged.push(candidate)
      const index = plan.toAdd.push(details) - 1
      known.add(details, { kind: 'row', index })
      continue
    }
    const current = target.kind === 'roster' ? (updates.get(target.id) ?? rosterById.get(target.id)) : plan.toAdd[target.index]
    if (!current) continue
    plan.duplicates.push({ candidate, matches: displayName(current) })
    if (options.policy === 'skip') continue
    if (candidate.problems.length > 0) plan.flagged.push(candidate)
    const combined = merge(current, candidate, details, options, plan.conflicts)
    known.add(combined, target)
    if (target.kind === 'row') plan.toAdd[target.index] = combined
    else if (changed(rosterById.get(target.id) ?? current, combined)) updates.set(target.id, combined)
    else plan.unchanged += 1
  }
  for (const [id, details] of updates) plan.toUpdate.push({ id, details: detailsOf(details) })
  return plan
}
