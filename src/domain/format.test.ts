import { describe, expect, it } from 'vitest'
import { endTime, formatBytes, formatEventTime, formatLocalDate, formatNumber } from './format'

describe('formatting', () => {
  it('formats the event date in each language, whatever the machine’s time zone', () => {
    expect(formatLocalDate('2027-07-24', 'fr')).toBe('samedi 24 juillet 2027')
    expect(formatLocalDate('2027-07-24', 'en')).toBe('Saturday, 24 July 2027')
  })

  it('formats wall times of the event’s time zone', () => {
    expect(formatEventTime('2027-07-24', '09:30', 'Europe/Paris', 'fr')).toBe('09:30')
    expect(formatEventTime('2026-10-25', '09:30', 'Europe/Paris', 'en')).toBe('09:30')
  })

  it('computes the end of a stop', () => {
    expect(endTime('10:00', 90)).toBe('11:30')
  })

  it('formats numbers and sizes', () => {
    expect(formatNumber(1500, 'en')).toBe('1,500')
    expect(formatBytes(0, 'en')).toBe('0 byte')
    expect(formatBytes(2_500_000, 'en')).toBe('2.5 MB')
    expect(formatBytes(125_000_000, 'fr')).toMatch(/^125\sMo$/u)
  })
})
