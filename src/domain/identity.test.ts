import { describe, expect, it } from 'vitest'
import { createIdentityIndex, normalisedName, samePerson, type IdentityFields } from './identity'

const person = (firstName: string, lastName: string, email = '', instagram = '', birthYear: number | null = null): IdentityFields => ({
  firstName,
  lastName,
  email,
  instagram,
  birthYear,
})

describe('who is the same person', () => {
  it('folds accents, case, punctuation and spacing in names', () => {
    expect(normalisedName('  CHLOÉ ', 'd’Émo-Martin')).toBe('chloe d emo martin')
    expect(normalisedName('Chloé', 'D Emo  Martin')).toBe('chloe d emo martin')
  })

  const pairs: Array<[string, IdentityFields, IdentityFields, boolean]> = [
    ['same handle, whatever else', person('Lucas', 'Fictif', 'a@x.org', 'lucas'), person('Lulu', 'F', 'b@x.org', 'lucas'), true],
    ['same email and name', person('Hélène', 'Exemple', 'h@x.org'), person('HELENE', 'exemple', 'h@x.org'), true],
    ['one parent’s email on two children', person('Tom', 'Parent', 'marc@x.org'), person('Lina', 'Parent', 'marc@x.org'), false],
    ['the same name with two emails', person('Jean', 'Martin', 'a@x.org'), person('Jean', 'Martin', 'b@x.org'), false],
    ['the same name, one without contacts', person('Léo', 'Démo'), person('Leo', 'Demo', 'leo@x.org'), true],
    ['the same name without contacts', person('Léo', 'Démo'), person('Léo', 'Démo'), true],
    ['birth years that differ', person('Léo', 'Démo', '', '', 2013), person('Léo', 'Démo', '', '', 1980), false],
    // A child named like an adult already registered without a birth year is not that adult.
    ['a birth year on one side only', person('Léo', 'Démo', '', '', 2013), person('Léo', 'Démo'), false],
    ['two handles, same name', person('Jean', 'Martin', '', 'jm1'), person('Jean', 'Martin', '', 'jm2'), false],
  ]

  it.each(pairs)('%s', (_, a, b, expected) => {
    expect(samePerson(a, b)).toBe(expected)
    expect(samePerson(b, a)).toBe(expected)
  })

  it('the index finds exactly whom samePerson would', () => {
    for (const [, a, b, expected] of pairs) {
      const index = createIdentityIndex<string>()
      index.add(a, 'a')
      expect(index.find(b)).toBe(expected ? 'a' : undefined)
    }
  })
})
