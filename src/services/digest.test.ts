import { describe, expect, it } from 'vitest'
import { sha256Hex, sha256OfCanonical } from './digest'

describe('SHA-256', () => {
  it('matches the standard test vectors', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('of a canonical form does not depend on the order members were written in', async () => {
    expect(await sha256OfCanonical({ b: 1, a: [1, 2] })).toBe(await sha256OfCanonical({ a: [1, 2], b: 1 }))
    expect(await sha256OfCanonical({ a: 1 })).not.toBe(await sha256OfCanonical({ a: 2 }))
  })
})
