import { foldForSearch } from './search'
import type { Participant } from './types'

/** What tells people apart. The person who booked (`bookedBy`) is deliberately not part of it. */
export type IdentityFields = Pick<Participant, 'firstName' | 'lastName' | 'email' | 'instagram' | 'birthYear'>

/** A name with accents, case, punctuation and spacing folded: "  CHLOE  démo" and "Chloé Démo" are one. */
export function normalisedName(...parts: string[]): string {
  return foldForSearch(parts.join(' ').replace(/[’'`]/g, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const fullName = (person: IdentityFields) => normalisedName(person.firstName, person.lastName)
const hasContact = (person: IdentityFields) => person.email !== '' || person.instagram !== ''
// A name is a weak key: a birth year on one side only (a child named like an adult already
// registered) is a difference, not a blank to fill.
const birthYearsAgree = (a: IdentityFields, b: IdentityFields) => a.birthYear === b.birthYear

/**
 * Whether two registrations are one person:
 * - the same Instagram handle; or
 * - the same email and the same name (a parent's email on two children's tickets does not make
 *   them one child); or
 * - when one of them has neither email nor handle, the same name and the same birth year, or none on
 *   either side (so a list imported without contacts, then again with them, finds its people).
 * Emails and handles are compared as normalised by `validateParticipantDraft`.
 */
export function samePerson(a: IdentityFields, b: IdentityFields): boolean {
  if (a.instagram !== '' && a.instagram === b.instagram) return true
  const sameName = fullName(a) === fullName(b)
  if (a.email !== '' && a.email === b.email && sameName) return true
  return sameName && (!hasContact(a) || !hasContact(b)) && birthYearsAgree(a, b)
}

/**
 * The people known so far, looked up by the rules of `samePerson` without comparing every pair: an
 * import of thousands of rows against thousands of people stays linear.
 */
export function createIdentityIndex<T>() {
  const byHandle = new Map<string, T>()
  const byEmailAndName = new Map<string, T>()
  const byName = new Map<string, Array<{ person: IdentityFields; value: T }>>()
  // A name is folded once per call: on thousands of rows, folding is the costly part.
  const emailKey = (person: IdentityFields, name: string) => `${person.email}\n${name}`

  return {
    /** Remembers a person (again, after a merge gave them new contacts); the first one known wins. */
    add(person: IdentityFields, value: T): void {
      const name = fullName(person)
      if (person.instagram !== '' && !byHandle.has(person.instagram)) byHandle.set(person.instagram, value)
      if (person.email !== '' && !byEmailAndName.has(emailKey(person, name))) byEmailAndName.set(emailKey(person, name), value)
      const entries = byName.get(name)
      if (entries) entries.push({ person: { ...person }, value })
      else byName.set(name, [{ person: { ...person }, value }])
    },
    find(person: IdentityFields): T | undefined {
      if (person.instagram !== '') {
        const found = byHandle.get(person.instagram)
        if (found !== undefined) return found
      }
      const name = fullName(person)
      if (person.email !== '') {
        const found = byEmailAndName.get(emailKey(person, name))
        if (found !== undefined) return found
      }
      return byName.get(name)?.find((entry) => (!hasContact(person) || !hasContact(entry.person)) && birthYearsAgree(person, entry.person))?.value
    },
  }
}
