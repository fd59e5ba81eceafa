import { describe, expect, it } from 'vitest'
import { crc32, fromDecimalDigits, toBase64Url, toDecimalDigits } from './bytes'
import { frameShareLink, maxShareFragmentLength, shareFormatVersion, signedShareBytes, unframeShareLink } from './shareFrame'

const signerKey = Uint8Array.from({ length: 33 }, (_, index) => (index === 0 ? 2 : index * 7))
const signature = Uint8Array.from({ length: 64 }, (_, index) => 255 - index)
const payload = new TextEncoder().encode('a deflated payload would be here, of any length at all')

/** A link in this format with any version byte, its checksum made to hold. */
function linkWithVersion(version: number): string {
  const framed = fromDecimalDigits(frameShareLink({ signerKey, signature, payload })) ?? new Uint8Array()
  framed[0] = version
  new DataView(framed.buffer).setUint32(framed.length - 4, crc32(framed.subarray(0, -4)))
  return toDecimalDigits(framed)
}

/** The format of the first version of the app: `[1][CRC-32 of the payload][payload]`, base64url, unsigned. */
function versionOneLink(): string {
  const framed = new Uint8Array(payload.length + 5)
  framed[0] = 1
  new DataView(framed.buffer).setUint32(1, crc32(payload))
  framed.set(payload, 5)
  return toBase64Url(framed)
}

describe('share link framing', () => {
  it('reads back the signer’s key, the signature and the payload, in decimal digits', () => {
    const link = frameShareLink({ signerKey, signature, payload })
    expect(link).toMatch(/^\d+$/)
    expect(link.length).toBeLessThan((1 + 33 + payload.length + 64 + 4) * 2.41 + 2)
    const read = unframeShareLink(`#${link}`)
    expect(read).toEqual({
      ok: true,
      value: { version: shareFormatVersion, signerKey, signature, payload, signed: signedShareBytes(signerKey, payload) },
    })
  })

  it('signs the version, the key and the payload', () => {
    const signed = signedShareBytes(signerKey, payload)
    expect(signed[0]).toBe(shareFormatVersion)
    expect(signed.subarray(1, 34)).toEqual(signerKey)
    expect(signed.subarray(34)).toEqual(payload)
  })

  it('calls a link damaged when any single character is changed, the first ones included', () => {
    const link = frameShareLink({ signerKey, signature, payload })
    const outcomes = new Set<string>()
    for (let index = 0; index < link.length; index += 1) {
      const digit = Number(link[index])
      for (const replacement of [String((digit + 1) % 10), String((digit + 5) % 10), 'x', '-']) {
        const damaged = link.slice(0, index) + replacement + link.slice(index + 1)
        const read = unframeShareLink(damaged)
        outcomes.add(read.ok ? 'accepted' : read.error)
      }
    }
    expect([...outcomes]).toEqual(['corrupt'])
  })

  it('calls a cut-off link damaged, never newer', () => {
    const link = frameShareLink({ signerKey, signature, payload })
    for (const cut of [1, 2, 5, 17, 40, link.length - 3, link.length - 1]) {
      expect(unframeShareLink(link.slice(0, -cut))).toEqual({ ok: false, error: 'corrupt' })
      expect(unframeShareLink(link.slice(cut))).toEqual({ ok: false, error: 'corrupt' })
    }
  })

  it('says “newer version” only for a well-formed link of a greater version', () => {
    expect(unframeShareLink(linkWithVersion(shareFormatVersion + 1))).toEqual({ ok: false, error: 'unknownVersion' })
    expect(unframeShareLink(linkWithVersion(200))).toEqual({ ok: false, error: 'unknownVersion' })
    const newer = linkWithVersion(shareFormatVersion + 1)
    const damagedNewer = newer.slice(0, 30) + String((Number(newer[30]) + 1) % 10) + newer.slice(31)
    expect(unframeShareLink(damagedNewer)).toEqual({ ok: false, error: 'corrupt' })
  })

  it('recognises the unsigned links of the first version, and asks for a new one', () => {
    expect(unframeShareLink(versionOneLink())).toEqual({ ok: false, error: 'outdated' })
    const damaged = versionOneLink().replace(/^./, (first) => (first === 'A' ? 'B' : 'A'))
    expect(unframeShareLink(damaged)).toEqual({ ok: false, error: 'malformed' })
    expect(unframeShareLink(linkWithVersion(1))).toEqual({ ok: false, error: 'corrupt' })
  })

  it('refuses a fragment longer than 16 KB before reading it', () => {
    expect(maxShareFragmentLength).toBe(16 * 1024)
    const long = frameShareLink({ signerKey, signature, payload: new Uint8Array(7000) })
    expect(long.length).toBeGreaterThan(maxShareFragmentLength)
    expect(unframeShareLink(long)).toEqual({ ok: false, error: 'corrupt' })
    expect(unframeShareLink('1'.repeat(2_000_000))).toEqual({ ok: false, error: 'corrupt' })
  })

  it.each([
    ['', 'empty'],
    ['#', 'empty'],
    ['not a link!', 'malformed'],
    ['<script>alert(1)</script>', 'malformed'],
    ['001', 'corrupt'],
    ['1234', 'corrupt'],
    ['1', 'corrupt'],
  ])('refuses %j as %s', (fragment, error) => {
    expect(unframeShareLink(fragment)).toEqual({ ok: false, error })
  })

  it('refuses a well-formed frame too short to hold a key and a signature', () => {
    const framed = new Uint8Array([shareFormatVersion, 1, 2, 3, 0, 0, 0, 0])
    new DataView(framed.buffer).setUint32(4, crc32(framed.subarray(0, 4)))
    expect(unframeShareLink(toDecimalDigits(framed))).toEqual({ ok: false, error: 'corrupt' })
  })
})
