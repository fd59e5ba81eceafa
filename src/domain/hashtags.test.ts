import { describe, expect, it } from 'vitest'
import { displayHashtag, hashtagKey, normaliseHashtag, normaliseHashtagList, sameHashtag } from './hashtags'

describe('normaliseHashtag', () => {
  it.each([
    ['#PHOTOWALKXERRE', 'PHOTOWALKXERRE'],
    ['SecretsAuxerre', 'SecretsAuxerre'],
    ['  #Bourgogne_2027 ', 'Bourgogne_2027'],
    ['#CôteSaintJacques', 'CôteSaintJacques'],
    ['#東京', '東京'],
    ['#Ελλάδα', 'Ελλάδα'],
    ['#हिंदी', 'हिंदी'],
    ['2027photowalk', '2027photowalk'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normaliseHashtag(input)).toEqual({ ok: true, value: expected })
  })

  it('composes accents typed as combining marks into one form', () => {
    const decomposed = '#Aucune\u0301' // "e" followed by a combining acute accent
    const result = normaliseHashtag(decomposed)
    expect(result).toEqual({ ok: true, value: 'Aucuné' })
  })

  it.each([
    ['', 'empty'],
    ['#', 'empty'],
    ['   ', 'empty'],
    ['photo walk', 'whitespace'],
    ['#photo\twalk', 'whitespace'],
    ['#photowalk📸', 'invalidCharacter'],
    ['#photo-walk', 'invalidCharacter'],
    ['#photo.walk', 'invalidCharacter'],
    ['##double', 'invalidCharacter'],
    ['#2027', 'digitsOnly'],
    ['#' + 'a'.repeat(101), 'tooLong'],
  ])('rejects %j with %j', (input, error) => {
    expect(normaliseHashtag(input)).toEqual({ ok: false, error })
  })
})

describe('hashtag comparison', () => {
  it('ignores case and the leading #', () => {
    expect(sameHashtag('#SecretsAuxerre', 'secretsauxerre')).toBe(true)
    expect(sameHashtag('Été', 'ÉTÉ')).toBe(true)
    expect(sameHashtag('photowalk', 'photowalks')).toBe(false)
    expect(hashtagKey('#PHOTOWALKXERRE')).toBe('photowalkxerre')
  })

  it('displays with a single #', () => {
    expect(displayHashtag('SecretsAuxerre')).toBe('#SecretsAuxerre')
  })
})

describe('normaliseHashtagList', () => {
  it('keeps order, primary first, and drops blank fields', () => {
    expect(normaliseHashtagList(['#PHOTOWALKXERRE', '', ' SecretsAuxerre', '#'])).toEqual({
      ok: true,
      value: ['PHOTOWALKXERRE', 'SecretsAuxerre'],
    })
  })

  it('reports each bad entry by its index, duplicates included', () => {
    const result = normaliseHashtagList(['#Auxerre', 'photo walk', '#AUXERRE', '📷'])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect([...result.error.entries()]).toEqual([
      [1, 'whitespace'],
      [2, 'duplicate'],
      [3, 'invalidCharacter'],
    ])
  })
})
