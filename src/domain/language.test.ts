import { describe, expect, it } from 'vitest'
import { chooseLanguage, isLanguage } from './language'

describe('chooseLanguage', () => {
  it('prefers the query parameter, then the saved setting, then the browser', () => {
    expect(chooseLanguage({ query: 'en', saved: 'fr', browser: ['fr-FR'] })).toBe('en')
    expect(chooseLanguage({ query: 'EN', saved: null, browser: [] })).toBe('en')
    expect(chooseLanguage({ query: null, saved: 'en', browser: ['fr-FR'] })).toBe('en')
    expect(chooseLanguage({ query: 'de', saved: undefined, browser: ['de-DE', 'en-GB', 'fr'] })).toBe('en')
  })

  it('falls back to French', () => {
    expect(chooseLanguage({ query: null, saved: null, browser: ['de-DE', 'it'] })).toBe('fr')
    expect(chooseLanguage({ query: '', saved: 'klingon', browser: [] })).toBe('fr')
  })

  it('recognises the supported languages only', () => {
    expect(isLanguage('fr')).toBe(true)
    expect(isLanguage('en')).toBe(true)
    expect(isLanguage('es')).toBe(false)
    expect(isLanguage(undefined)).toBe(false)
  })
})
