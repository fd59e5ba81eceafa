import { describe, expect, it } from 'vitest'
import { badgeCodeFromBytes, isBadgeCode } from './badge'

describe('badge codes', () => {
  it('encodes 80 bits as 16 base32 characters', () => {
    expect(badgeCodeFromBytes(new Uint8Array(10))).toBe('0000000000000000')
    expect(badgeCodeFromBytes(new Uint8Array(10).fill(255))).toBe('ZZZZZZZZZZZZZZZZ')
    expect(badgeCodeFromBytes(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe('0000000000000001')
  })

  it('gives different codes for different bytes and recognises them', () => {
    const first = badgeCodeFromBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
    const second = badgeCodeFromBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 11]))
    expect(first).not.toBe(second)
    expect(isBadgeCode(first)).toBe(true)
    expect(isBadgeCode('0000-0000')).toBe(false)
    expect(isBadgeCode('IIIIIIIIIIIIIIII')).toBe(false)
  })

  it('refuses too little randomness', () => {
    expect(() => badgeCodeFromBytes(new Uint8Array(7))).toThrow(RangeError)
  })
})
