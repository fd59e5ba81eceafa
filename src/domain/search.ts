import type { Participant } from './types'

/** Lowercase, without accents or punctuation noise: "Hélène" and "helene" become one. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

export interface SearchableParticipant {
  participant: Participant
  /** Folded name, handle and email, computed once so each keystroke only compares strings. */
  haystack: string
}

export function searchable(participant: Participant): SearchableParticipant {
  return {
    participant,
    haystack: foldForSearch(
      [
        participant.firstName,
        participant.lastName,
        `${participant.lastName} ${participant.firstName}`,
        participant.instagram,
        `@${participant.instagram}`,
        participant.email,
        participant.phone.replace(/\D/g, ''),
      ].join(' | '),
    ),
  }
}

/**
 * The participants matching a query: every word typed must appear somewhere in their name, handle,
 * email or phone ("hel exe" finds Hélène Exemple; "@lucas" finds the handle),, in the entries' order. With a limit, the search stops at the
 * limit'th match: a screen showing the first few answers does not scan the whole roster.
 */
export function searchParticipants(entries: readonly SearchableParticipant[], query: string, limit = Infinity): Participant[] {
  const words = foldForSearch(query).split(' ').filter((word) => word !== '')
  const found: Participant[] = []
  for (const entry of entries) {
    if (found.length >= limit) break
    if (words.every((word) => entry.haystack.includes(word))) found.push(entry.participant)
  }
  return found
}
