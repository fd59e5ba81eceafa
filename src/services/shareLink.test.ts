import { describe, expect, it } from 'vitest'
import { frameSharePayload, publicEventOf, type PublicEvent } from '@/domain/publicEvent'
import { buildSampleEvent } from '@/domain/sampleEvent'
import type { Stop } from '@/domain/types'
import { deflateRaw } from './compression'
import { qrCodeVersion } from './qrCode'
import { decodeShareFragment, encodeShareFragment, shareUrl } from './shareLink'

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

describe('share links', () => {
  it('round-trip the public event', async () => {
    const event = sampleDay()
    const decoded = await decodeShareFragment(await encodeShareFragment(event))
    expect(decoded).toEqual({ ok: true, value: event })
    expect(event.stops[2]?.delayMinutes).toBe(15)
    expect(event.stops[1]?.delayMinutes).toBe(0)
  })

  it('stay under 1,500 bytes for a day of 12 stops, in a QR code a phone reads easily', async () => {
    const event = sampleDay(3)
    expect(event.stops).toHaveLength(12)
    const fragment = await encodeShareFragment(event)
    const url = shareUrl('https://photowalk.example', fragment)
    console.info(`share link for 12 stops: ${fragment.length} bytes of payload, QR version ${qrCodeVersion(url, 'L')}`)
    expect(fragment.length).toBeLessThan(1500)
    // Version 25 is a 117×117 grid, 3 px a module on a 390 px screen: phones read it from a screen.
    expect(qrCodeVersion(url, 'L')).toBeLessThanOrEqual(25)
  })

  it('carry nothing about participants', async () => {
    const event = sampleDay()
    const json = JSON.stringify(event)
    expect(json).not.toMatch(/example\.org|@|\+33/)
  })

  it.each([
    ['', 'empty'],
    ['not base64!', 'malformed'],
    ['AQID', 'truncated'],
  ])('refuse %j as %s', async (fragment, error) => {
    expect(await decodeShareFragment(fragment)).toEqual({ ok: false, error })
  })

  it('refuse a truncated, a tampered and an unknown-version link', async () => {
    const fragment = await encodeShareFragment(sampleDay())
    for (const cut of [1, 10, 11, 400]) {
      const truncated = await decodeShareFragment(fragment.slice(0, -cut))
      expect(truncated.ok).toBe(false)
      expect(['truncated', 'corrupt']).toContain(!truncated.ok && truncated.error)
    }
    const tampered = fragment.slice(0, 40) + (fragment[40] === 'A' ? 'B' : 'A') + fragment.slice(41)
    expect(await decodeShareFragment(tampered)).toEqual({ ok: false, error: 'corrupt' })
    const future = frameSharePayload(await deflateRaw(new TextEncoder().encode('[]')), 2)
    expect(await decodeShareFragment(future)).toEqual({ ok: false, error: 'unknownVersion' })
  })

  it('refuse a well-formed link whose content is not an event', async () => {
    const payload = async (value: unknown) =>
      frameSharePayload(await deflateRaw(new TextEncoder().encode(JSON.stringify(value))))
    expect(await decodeShareFragment(await payload({ hello: 'world' }))).toEqual({ ok: false, error: 'invalid' })
    const broken = frameSharePayload(new Uint8Array([1, 2, 3, 4, 5]))
    expect(await decodeShareFragment(broken)).toEqual({ ok: false, error: 'corrupt' })
  })
})
