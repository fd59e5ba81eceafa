import { describe, expect, it } from 'vitest'
import { asDeviceLock, newDeviceLock } from './lock'

const at = '2027-07-24T08:00:00.000Z'

describe('a device lock', () => {
  it('keeps the screen it confines the phone to, what its leave button says and where the organiser was', () => {
    expect(newDeviceLock({ kind: 'handover', path: '/consent/p1/sign', label: 'Rendre le téléphone' }, '/consent?tab=2', at)).toEqual({
      kind: 'handover',
      path: '/consent/p1/sign',
      label: 'Rendre le téléphone',
      returnTo: '/consent?tab=2',
      startedAt: at,
    })
  })

  it('confines the phone to a path of the app only', () => {
    for (const path of ['', 'consent', 'https://example.org/', '//example.org/x', '/\\example.org/x']) {
      expect(newDeviceLock({ kind: 'handover', path, label: 'x' }, '/', at)).toBeNull()
    }
  })

  it('may name a query: the phone is then confined to that query too', () => {
    expect(newDeviceLock({ kind: 'handover', path: '/consent?participant=p1', label: 'x' }, '/', at)).not.toBeNull()
  })

  it('returns only to a path of the app', () => {
    expect(newDeviceLock({ kind: 'reception', path: '/counter', label: 'x' }, 'https://example.org/', at)).toMatchObject({ returnTo: '/' })
  })

  it('is read back as stored, and a malformed record is no lock', () => {
    const lock = { kind: 'reception', path: '/counter', label: 'Quitter', returnTo: '/', startedAt: at }
    expect(asDeviceLock(lock)).toEqual(lock)
    expect(asDeviceLock(undefined)).toBeNull()
    expect(asDeviceLock(null)).toBeNull()
    expect(asDeviceLock({ ...lock, kind: 'kiosk' })).toBeNull()
    expect(asDeviceLock({ ...lock, path: 'counter' })).toBeNull()
    expect(asDeviceLock({ ...lock, label: 3 })).toBeNull()
  })
})
