import { describe, expect, it } from 'vitest'
import {
  dialableNumber,
  emptyParticipantDraft,
  normaliseEmail,
  normaliseInstagramHandle,
  normalisePhone,
  validateParticipantDraft,
} from './participant'
import { foldForSearch, searchable, searchParticipants } from './search'
import type { Participant } from './types'

describe('Instagram handles', () => {
  it.each([
    ['@Helene.Exemple', 'helene.exemple'],
    ['lucas_fictif', 'lucas_fictif'],
    ['  @ZOE_ESSAI ', 'zoe_essai'],
    ['https://www.instagram.com/chloe.demo/', 'chloe.demo'],
    ['instagram.com/theo.modele?igsh=abc', 'theo.modele'],
    ['', ''],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseInstagramHandle(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['hélène', 'invalidHandle'],
    ['with space', 'invalidHandle'],
    ['.dot', 'invalidHandle'],
    ['dot.', 'invalidHandle'],
    ['two..dots', 'invalidHandle'],
    ['a'.repeat(31), 'tooLong'],
  ])('refuses %j', (input, error) => {
    expect(normaliseInstagramHandle(input)).toEqual({ ok: false, error })
  })
})

describe('contact details', () => {
  it('lowercases emails and refuses malformed ones', () => {
    expect(normaliseEmail(' Helene.Exemple@Example.ORG ')).toEqual({ ok: true, value: 'helene.exemple@example.org' })
    expect(normaliseEmail('pas-un-email')).toEqual({ ok: false, error: 'invalidEmail' })
    expect(normaliseEmail('a@b')).toEqual({ ok: false, error: 'invalidEmail' })
  })

  it('keeps phones as written and makes them dialable', () => {
    expect(normalisePhone(' +33 1  99 00 10 20 ')).toEqual({ ok: true, value: '+33 1 99 00 10 20' })
    expect(normalisePhone('appelez-moi')).toEqual({ ok: false, error: 'invalidPhone' })
    expect(dialableNumber('+33 1 99 00 10 20')).toBe('+33199001020')
    expect(dialableNumber('06.99.00.10.20')).toBe('0699001020')
  })
})

describe('validateParticipantDraft', () => {
  const context = { eventDate: '2027-07-24' }

  it('needs a name and a minor’s birth year', () => {
    const result = validateParticipantDraft({ ...emptyParticipantDraft(), isMinor: true }, context)
    expect(result).toEqual({
      ok: false,
      error: [
        { field: 'name', code: 'required' },
        { field: 'birthYear', code: 'required' },
      ],
    })
  })

  it('accepts a first name alone and normalises the rest', () => {
    const result = validateParticipantDraft(
      { ...emptyParticipantDraft(), firstName: ' Hélène ', instagram: '@Helene', email: 'H@Example.org', isMinor: true, birthYear: '2012' },
      context,
    )
    expect(result).toMatchObject({ ok: true, value: { firstName: 'Hélène', lastName: '', instagram: 'helene', email: 'h@example.org', birthYear: 2012 } })
  })

  it('refuses a minor born too long ago and impossible years', () => {
    const draft = { ...emptyParticipantDraft(), firstName: 'A', isMinor: true, birthYear: '1990' }
    expect(validateParticipantDraft(draft, context)).toEqual({ ok: false, error: [{ field: 'birthYear', code: 'notAMinor' }] })
    expect(validateParticipantDraft({ ...draft, isMinor: false, birthYear: '3000' }, context)).toEqual({
      ok: false,
      error: [{ field: 'birthYear', code: 'invalidYear' }],
    })
  })
})

describe('search', () => {
  const person = (id: string, firstName: string, lastName: string, instagram: string, email: string) =>
    ({ id, firstName, lastName, instagram, email, phone: '+33 1 99 00 10 20' }) as Participant
  const entries = [
    person('1', 'Hélène', 'Exemple', 'helene.exemple', 'helene@example.org'),
    person('2', 'Lucas', 'Fictif', 'lucas_fictif', 'lucas@example.org'),
    person('3', 'Chloé', 'Démo', 'chloe.demo', 'chloe@example.org'),
  ].map(searchable)
  const ids = (query: string) => searchParticipants(entries, query).map((participant) => participant.id)

  it('forgives accents, case and partial words', () => {
    expect(foldForSearch('  HÉLÈNE  l’Exemple ')).toBe('helene lexemple')
    expect(ids('helene')).toEqual(['1'])
    expect(ids('CHLOE')).toEqual(['3'])
    expect(ids('fic')).toEqual(['2'])
    expect(ids('exe hel')).toEqual(['1'])
  })

  it('finds handles, emails and phone digits; an empty query finds everyone', () => {
    expect(ids('@lucas')).toEqual(['2'])
    expect(ids('chloe.demo')).toEqual(['3'])
    expect(ids('lucas@example')).toEqual(['2'])
    expect(ids('0010')).toEqual(['1', '2', '3'])
    expect(ids('  ')).toEqual(['1', '2', '3'])
    expect(ids('nobody')).toEqual([])
  })

  it('stops at a limit, keeping the entries’ order', () => {
    expect(searchParticipants(entries, 'example', 2).map((participant) => participant.id)).toEqual(['1', '2'])
    expect(searchParticipants(entries, '', 1).map((participant) => participant.id)).toEqual(['1'])
  })
})
