import { fromBase64Url, toBase64Url } from '@/domain/bytes'
import type { EcPrivateJwk } from '@/domain/types'

/** An event's key pair: the public half as a raw uncompressed P-256 point in base64url, the private half as a JWK. */
export interface SigningKeyPair {
  publicKey: string
  privateKey: EcPrivateJwk
}

const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const
const signatureAlgorithm = { name: 'ECDSA', hash: 'SHA-256' } as const

/** A new ECDSA P-256 key pair, exported so that it can be stored (and, later, carried in backups). */
export async function generateSigningKeyPair(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<SigningKeyPair> {
  const pair = await subtle.generateKey(algorithm, true, ['sign', 'verify'])
  const [raw, jwk] = await Promise.all([subtle.exportKey('raw', pair.publicKey), subtle.exportKey('jwk', pair.privateKey)])
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y || !jwk.d) throw new Error('the platform exported an unexpected private key')
  return {
    publicKey: toBase64Url(new Uint8Array(raw)),
    privateKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d },
  }
}

/** ECDSA with SHA-256; Web Crypto gives the 64-byte IEEE P1363 form (r‖s). */
export async function signBytes(privateKey: EcPrivateJwk, bytes: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Uint8Array> {
  const key = await subtle.importKey('jwk', privateKey, algorithm, false, ['sign'])
  return new Uint8Array(await subtle.sign(signatureAlgorithm, key, bytes as BufferSource))
}

/** Whether `signature` is the key's over `bytes`; false, never an exception, for a key or signature that is not one. */
export async function verifySignature(
  publicKey: string,
  signature: Uint8Array,
  bytes: Uint8Array,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  const raw = fromBase64Url(publicKey)
  if (!raw || raw.length !== 65 || raw[0] !== 4) return false
  try {
    const key = await subtle.importKey('raw', raw as BufferSource, algorithm, false, ['verify'])
    return await subtle.verify(signatureAlgorithm, key, signature as BufferSource, bytes as BufferSource)
  } catch {
    return false
  }
}
