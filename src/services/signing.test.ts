import { describe, expect, it } from 'vitest'
import { fromBase64Url } from '@/domain/bytes'
import { generateSigningKeyPair, signBytes, verifySignature } from './signing'

const message = new TextEncoder().encode('the day’s schedule, revision 7')

describe('signing keys', () => {
  it('makes a P-256 key pair: the public half as a raw point, the private half as a JWK', async () => {
    const pair = await generateSigningKeyPair()
    const publicKey = fromBase64Url(pair.publicKey)
    expect(publicKey).toHaveLength(65)
    expect(publicKey?.[0]).toBe(4)
    expect(Object.keys(pair.privateKey).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y'])
    expect(pair.privateKey).toMatchObject({ kty: 'EC', crv: 'P-256' })
  })

  it('signs in 64 bytes, and the signature holds for that key and message only', async () => {
    const pair = await generateSigningKeyPair()
    const other = await generateSigningKeyPair()
    const signature = await signBytes(pair.privateKey, message)
    expect(signature).toHaveLength(64)
    expect(await verifySignature(pair.publicKey, signature, message)).toBe(true)
    expect(await verifySignature(other.publicKey, signature, message)).toBe(false)
    const changed = message.slice()
    changed[3] = (changed[3] ?? 0) ^ 1
    expect(await verifySignature(pair.publicKey, signature, changed)).toBe(false)
    const forged = signature.slice()
    forged[10] = (forged[10] ?? 0) ^ 1
    expect(await verifySignature(pair.publicKey, forged, message)).toBe(false)
  })

  it('answers false, never throws, for a key that is not one', async () => {
    const signature = await signBytes((await generateSigningKeyPair()).privateKey, message)
    expect(await verifySignature('BAAA', signature, message)).toBe(false)
    expect(await verifySignature('not base64!', signature, message)).toBe(false)
    expect(await verifySignature((await generateSigningKeyPair()).publicKey, signature.subarray(1), message)).toBe(false)
  })
})
