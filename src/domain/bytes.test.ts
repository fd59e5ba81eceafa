import { describe, expect, it } from 'vitest'
import { crc32, fromBase64Url, fromDecimalDigits, sameBytes, toBase64Url, toDecimalDigits } from './bytes'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('base64url', () => {
  it.each(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', 'Hélène 📸'])('round-trips %j', (text) => {
    const bytes = utf8(text)
    const encoded = toBase64Url(bytes)
    expect(encoded).toBe(Buffer.from(bytes).toString('base64url'))
    expect(fromBase64Url(encoded)).toEqual(bytes)
  })

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('abc+')).toBeNull()
    expect(fromBase64Url('ab=c')).toBeNull()
    expect(fromBase64Url('abcde')).toBeNull()
  })
})

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })
})

describe('decimal digits', () => {
  const bytesOf = (...values: number[]) => new Uint8Array(values)

  it.each([
    ['nothing', bytesOf()],
    ['a zero', bytesOf(0)],
    ['leading zeros', bytesOf(0, 0, 0, 1)],
    ['the largest values', bytesOf(255, 255, 255, 255, 255, 255, 255, 255)],
    ['text', utf8('Hélène 📸 au bord de l’Yonne')],
  ])('round-trip %s', (_, bytes) => {
    const digits = toDecimalDigits(bytes)
    expect(digits).toMatch(/^\d*$/)
    expect(fromDecimalDigits(digits)).toEqual(bytes)
  })

  it('round-trip every length up to 40 bytes', () => {
    for (let length = 0; length <= 40; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 97 + 13) & 255)
      expect(fromDecimalDigits(toDecimalDigits(bytes))).toEqual(bytes)
    }
  })

  it('take about 2.41 digits a byte', () => {
    expect(toDecimalDigits(new Uint8Array())).toBe('1')
    expect(toDecimalDigits(new Uint8Array([0]))).toBe('256')
    expect(toDecimalDigits(new Uint8Array(1000).fill(255)).length).toBe(2409)
  })

  it('refuse anything but a number written as they write one', () => {
    const digits = toDecimalDigits(utf8('photowalk!'))
    expect(fromDecimalDigits(digits.slice(0, -1))).toBeNull()
    expect(fromDecimalDigits(`0${digits}`)).toBeNull()
    expect(fromDecimalDigits('255')).toBeNull()
    expect(fromDecimalDigits('4096')).toBeNull()
    expect(fromDecimalDigits('')).toBeNull()
    expect(fromDecimalDigits('12a')).toBeNull()
    expect(fromDecimalDigits(' 256')).toBeNull()
  })
})

describe('sameBytes', () => {
  it('says whether two byte strings are equal', () => {
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true)
    expect(sameBytes(new Uint8Array(), new Uint8Array())).toBe(true)
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false)
    expect(sameBytes(new Uint8Array([0, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(false)
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false)
  })

  it('reads every byte even when the first already differs, so the time taken does not tell where', () => {
    const read: number[] = []
    const watched = (bytes: Uint8Array) =>
      new Proxy(bytes, {
        get(target, property) {
          if (typeof property === 'string' && /^\d+$/.test(property)) read.push(Number(property))
          const value: unknown = Reflect.get(target, property, target)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    expect(sameBytes(watched(new Uint8Array([9, 2, 3, 4])), new Uint8Array([1, 2, 3, 4]))).toBe(false)
    expect([...new Set(read)].sort()).toEqual([0, 1, 2, 3])
  })
})
