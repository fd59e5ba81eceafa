import { describe, expect, it } from 'vitest'
import { crc32, fromBase64Url, toBase64Url } from './bytes'

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
