import { describe, expect, it } from 'vitest'
import { deflateRaw, inflateRaw, OutputTooLargeError } from './compression'

describe('raw DEFLATE', () => {
  it('round-trips', async () => {
    const text = new TextEncoder().encode('Pique-nique au bord de l’eau. '.repeat(50))
    const compressed = await deflateRaw(text)
    expect(compressed.length).toBeLessThan(text.length / 10)
    expect(await inflateRaw(compressed, 1_000_000)).toEqual(text)
  })

  it('stops inflating past the limit: a few kilobytes of zeros that would grow to megabytes', async () => {
    const bomb = await deflateRaw(new Uint8Array(8 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(16 * 1024)
    await expect(inflateRaw(bomb, 1024 * 1024)).rejects.toBeInstanceOf(OutputTooLargeError)
  })

  it('accepts output of exactly the limit', async () => {
    const exact = await deflateRaw(new Uint8Array(4096).fill(7))
    expect(await inflateRaw(exact, 4096)).toHaveLength(4096)
    await expect(inflateRaw(exact, 4095)).rejects.toBeInstanceOf(OutputTooLargeError)
  })

  it('rejects what is not DEFLATE', async () => {
    await expect(inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 1000)).rejects.toThrow()
  })
})
