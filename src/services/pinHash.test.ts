import { describe, expect, it } from 'vitest'
import { fromBase64Url } from '@/domain/bytes'
import { hashPin, pinHashIterations, pinMatches } from './pinHash'

// The stored count is what makes guessing slow; tests derive with fewer rounds to stay quick.
const iterations = 1000
const salt = new Uint8Array(16).fill(7)

describe('hashing the organiser’s PIN', () => {
  it('keeps a salted PBKDF2-SHA-256 hash, never the PIN', async () => {
    const secret = await hashPin('482913', { iterations })
    expect(secret.algorithm).toBe('PBKDF2-SHA-256')
    expect(secret.iterations).toBe(iterations)
    expect(fromBase64Url(secret.salt)).toHaveLength(16)
    expect(fromBase64Url(secret.hash)).toHaveLength(32)
    expect(JSON.stringify(secret)).not.toContain('482913')
  })

  it('gives the same hash for the same PIN and salt, another for another PIN', async () => {
    const first = await hashPin('482913', { iterations, salt })
    const again = await hashPin('482913', { iterations, salt })
    const other = await hashPin('482914', { iterations, salt })
    expect(again.hash).toBe(first.hash)
    expect(other.hash).not.toBe(first.hash)
  })

  it('draws a new random salt each time, so two phones with the same PIN keep different hashes', async () => {
    const first = await hashPin('482913', { iterations })
    const second = await hashPin('482913', { iterations })
    expect(second.salt).not.toBe(first.salt)
    expect(second.hash).not.toBe(first.hash)
  })

  it('is the standard PBKDF2: it matches Node’s own derivation', async () => {
    const { pbkdf2Sync } = await import('node:crypto')
    const secret = await hashPin('0000', { iterations, salt })
    expect(Buffer.from(fromBase64Url(secret.hash) ?? []).toString('hex')).toBe(pbkdf2Sync('0000', salt, iterations, 32, 'sha256').toString('hex'))
  })

  it('verifies the right PIN and refuses any other, with the iterations the hash was made with', async () => {
    const secret = await hashPin('482913', { iterations })
    expect(await pinMatches('482913', secret)).toBe(true)
    expect(await pinMatches('482912', secret)).toBe(false)
    expect(await pinMatches('4829130', secret)).toBe(false)
    expect(await pinMatches('', secret)).toBe(false)
  })

  it('refuses rather than throws for a stored hash that is damaged', async () => {
    const secret = await hashPin('482913', { iterations })
    expect(await pinMatches('482913', { ...secret, hash: secret.hash.slice(0, 20) })).toBe(false)
    expect(await pinMatches('482913', { ...secret, salt: '*' })).toBe(false)
  })

  it('makes each guess cost hundreds of thousands of rounds by default', () => {
    expect(pinHashIterations).toBeGreaterThanOrEqual(600_000)
  })
})
