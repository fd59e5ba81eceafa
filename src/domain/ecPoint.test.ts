import { describe, expect, it } from 'vitest'
import { compressP256Point, decompressP256Point } from './ecPoint'

const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16))
const generatorX = '6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'
const generatorY = '4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5'

describe('P-256 point compression', () => {
  it('compresses and restores the curve’s generator (odd y)', () => {
    const uncompressed = hex(`04${generatorX}${generatorY}`)
    const compressed = compressP256Point(uncompressed)
    expect(compressed).toEqual(hex(`03${generatorX}`))
    expect(decompressP256Point(hex(`03${generatorX}`))).toEqual(uncompressed)
  })

  it('restores the other point with the same x (even y)', () => {
    const p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn
    const otherY = (p - BigInt(`0x${generatorY}`)).toString(16).padStart(64, '0')
    expect(decompressP256Point(hex(`02${generatorX}`))).toEqual(hex(`04${generatorX}${otherY}`))
  })

  it('round-trips keys made by Web Crypto', async () => {
    for (let round = 0; round < 8; round += 1) {
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
      const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
      const compressed = compressP256Point(raw)
      expect(compressed).toHaveLength(33)
      expect(decompressP256Point(compressed ?? new Uint8Array())).toEqual(raw)
    }
  })

  it('refuses what is not a point of the curve', () => {
    expect(decompressP256Point(hex(`04${generatorX}`))).toBeNull()
    expect(decompressP256Point(hex(`03${generatorX.slice(2)}`))).toBeNull()
    // x = 1 gives y² = b − 2, which has no square root modulo p.
    expect(decompressP256Point(hex(`02${'00'.repeat(31)}01`))).toBeNull()
    expect(decompressP256Point(hex(`02${'ff'.repeat(32)}`))).toBeNull()
    expect(compressP256Point(hex(`03${generatorX}`))).toBeNull()
    expect(compressP256Point(hex(`04${generatorX}${generatorX}`))).toBeNull()
  })
})
