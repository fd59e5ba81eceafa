import { describe, expect, it } from 'vitest'
import { fromBase64Url } from '@/domain/bytes'
import { compressP256Point } from '@/domain/ecPoint'
import { publicEventOf, type PublicEvent } from '@/domain/publicEvent'
import { buildSampleEvent } from '@/domain/sampleEvent'
import { frameShareLink, signedShareBytes, unframeShareLink } from '@/domain/shareFrame'
import type { Stop } from '@/domain/types'
import { deflateRaw } from './compression'
import { qrCodeSize } from './qrCode'
import { decodeShareFragment, encodeShareFragment, shareUrl } from './shareLink'
import { generateSigningKeyPair, signBytes, type SigningKeyPair } from './signing'

/** Random-looking but repeatable UUIDs (mulberry32), so sizes measured here do not vary between runs. */
function seededUuids(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0).toString(16).padStart(8, '0')
  }
  return () => {
    const hex = next() + next() + next() + next()
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  }
}

function sampleDay(extraStops = 0): PublicEvent {
  let counter = 0
  const newId = seededUuids(2027)
  const sample = buildSampleEvent({
    today: '2026-11-26',
    now: '2026-11-26T12:00:00.000Z',
    language: 'fr',
    newId,
    newBadgeCode: () => `B${String(++counter).padStart(15, '0')}`,
  })
  const extra = Array.from({ length: extraStops }, (_, index): Stop => ({
    ...(sample.stops[3] as Stop),
    id: newId(),
    order: sample.stops.length + index,
    title: `Spot photo supplémentaire ${index + 1}`,
    plannedStart: `20:${String(index * 15).padStart(2, '0')}`,
    durationMinutes: 15,
  }))
  const shift = {
    id: newId(),
    eventId: sample.event.id,
    fromStopId: sample.stops[2]?.id ?? '',
    minutes: 15,
    undoesShiftId: null,
    lengthensStop: false,
    at: '2027-07-24T10:00:00.000Z',
    deviceId: newId(),
  }
  return publicEventOf(sample.event, [...sample.stops, ...extra], [shift])
}

async function organiserKey() {
  return generateSigningKeyPair()
}

/** A link in the app's format around any payload, signed by `key`: what a forger can make. */
async function signedLink(payload: Uint8Array, key: SigningKeyPair): Promise<string> {
  const signerKey = compressP256Point(fromBase64Url(key.publicKey) ?? new Uint8Array()) ?? new Uint8Array()
  const signature = await signBytes(key.privateKey, signedShareBytes(signerKey, payload))
  return frameShareLink({ signerKey, signature, payload })
}

/** Version, QR version and CSS pixels per module of the link shown full-screen on a 390-px-wide phone. */
function measure(url: string) {
  const { version, modulesAcross } = qrCodeSize(url, 'L')
  return { version, modulesAcross, pixelsPerModule: Math.floor((390 / modulesAcross) * 100) / 100 }
}

describe('share links', () => {
  it('round-trip the public event with the key that signed it', async () => {
    const key = await organiserKey()
    const event = sampleDay()
    const decoded = await decodeShareFragment(await encodeShareFragment(event, key))
    expect(decoded).toEqual({ ok: true, value: { event, signerKey: key.publicKey } })
    expect(event.stops[2]?.delayMinutes).toBe(15)
    expect(event.stops[1]?.delayMinutes).toBe(0)
  })

  it('fit a day of 12 stops in a QR code of version 21 at most: 3.5 CSS px a module full-screen on a 390-px phone', async () => {
    const key = await organiserKey()
    const figures: string[] = []
    const sizes: Record<number, ReturnType<typeof measure> & { digits: number }> = {}
    for (const extraStops of [0, 3]) {
      const event = sampleDay(extraStops)
      const fragment = await encodeShareFragment(event, key)
      const url = shareUrl('https://photowalk.example', fragment)
      sizes[event.stops.length] = { ...measure(url), digits: fragment.length }
      const { version, pixelsPerModule } = measure(url)
      figures.push(`${event.stops.length} stops: ${fragment.length} digits, QR version ${version}, ${pixelsPerModule} CSS px a module`)
    }
    console.info(`share link (signed, numeric): ${figures.join('; ')}`)
    // Before signed links (JSON in base64url, a byte segment): 1,111 and 1,202 characters of fragment,
    // versions 24 and 25, 3.22 and 3.12 CSS px a module. Version 21 holds 2,142 digits after this address.
    expect(sizes[12]?.digits).toBeLessThanOrEqual(2120)
    expect(sizes[12]?.version).toBeLessThanOrEqual(21)
    expect(sizes[12]?.pixelsPerModule).toBeGreaterThanOrEqual(3.5)
    expect(sizes[9]?.version).toBeLessThanOrEqual(21)
  })

  it('carry nothing about participants', async () => {
    const event = sampleDay()
    const json = JSON.stringify(event)
    expect(json).not.toMatch(/example\.org|@|\+33/)
  })

  it('refuse a link whose payload was changed and its checksum made to hold again', async () => {
    const key = await organiserKey()
    const link = await encodeShareFragment(sampleDay(), key)
    const frame = unframeShareLink(link)
    if (!frame.ok) throw new Error('the link does not read back')
    const payload = frame.value.payload.slice()
    payload[payload.length - 3] = (payload.at(-3) ?? 0) ^ 0x10
    const tampered = frameShareLink({ signerKey: frame.value.signerKey, signature: frame.value.signature, payload })
    expect(await decodeShareFragment(tampered)).toEqual({ ok: false, error: 'badSignature' })
  })

  it('refuse a link whose key is not a point of the curve', async () => {
    const key = await organiserKey()
    const frame = unframeShareLink(await encodeShareFragment(sampleDay(), key))
    if (!frame.ok) throw new Error('the link does not read back')
    // x = 1: y² = b − 2 has no square root modulo p, so no point has this x.
    const signerKey = new Uint8Array(33)
    signerKey[0] = 2
    signerKey[32] = 1
    const forged = frameShareLink({ ...frame.value, signerKey })
    expect(await decodeShareFragment(forged)).toEqual({ ok: false, error: 'badSignature' })
  })

  it('read a link signed by another key, and say which key signed it', async () => {
    const genuine = await organiserKey()
    const forger = await organiserKey()
    const forged = await encodeShareFragment({ ...sampleDay(), revision: 999_999 }, forger)
    const decoded = await decodeShareFragment(forged)
    expect(decoded.ok && decoded.value.signerKey).toBe(forger.publicKey)
    expect(decoded.ok && decoded.value.signerKey).not.toBe(genuine.publicKey)
  })

  it('stop inflating a signed deflate bomb at 1 MB and call the link damaged', async () => {
    const bomb = await deflateRaw(new Uint8Array(4 * 1024 * 1024))
    const link = await signedLink(bomb, await organiserKey())
    expect(link.length).toBeLessThan(16 * 1024)
    expect(await decodeShareFragment(link)).toEqual({ ok: false, error: 'corrupt' })
  })

  it('refuse a signed link whose content is not an event', async () => {
    const key = await organiserKey()
    const notAnEvent = await signedLink(await deflateRaw(new TextEncoder().encode('hello\u001fworld')), key)
    expect(await decodeShareFragment(notAnEvent)).toEqual({ ok: false, error: 'invalid' })
    const notDeflate = await signedLink(new Uint8Array([0xff, 0xff, 0xff, 0xff]), key)
    expect(await decodeShareFragment(notDeflate)).toEqual({ ok: false, error: 'corrupt' })
  })

  it.each([
    ['', 'empty'],
    ['not a link!', 'malformed'],
    ['001', 'corrupt'],
  ])('refuse %j as %s', async (fragment, error) => {
    expect(await decodeShareFragment(fragment)).toEqual({ ok: false, error })
  })

  it('refuse a fragment over 16 KB before any work', async () => {
    expect(await decodeShareFragment('7'.repeat(16 * 1024 + 1))).toEqual({ ok: false, error: 'corrupt' })
  })
})
