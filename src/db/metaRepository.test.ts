import { describe, expect, it } from 'vitest'
import type { DeviceLock } from '@/domain/lock'
import { noPinAttempts, type PinSecret } from '@/domain/pin'
import { createMetaRepository, metaKeys } from './metaRepository'
import { databasesClosedAfterEachTest } from './testing'

const databases = databasesClosedAfterEachTest()
const open = databases.open

const secret = (hash: string): PinSecret => ({ algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA', hash })
const lock: DeviceLock = { kind: 'handover', path: '/consent/p1/sign', label: 'Rendre le téléphone', returnTo: '/consent', startedAt: '2027-07-24T08:00:00.000Z' }
const now = Date.UTC(2027, 6, 24, 8, 0, 0)

describe('the organiser’s PIN, a device secret', () => {
  it('is kept under a device-secret key, and none is set at first', async () => {
    const db = open()
    const meta = createMetaRepository(db)
    expect(await meta.pinStatus()).toEqual({ pinSet: false, attempts: noPinAttempts })
    expect(await meta.createPinSecret(secret('first'))).toBe('saved')
    expect(await meta.pinSecret()).toEqual(secret('first'))
    expect(metaKeys.pinSecret.startsWith(metaKeys.deviceSecretPrefix)).toBe(true)
    expect((await db.meta.get(metaKeys.pinSecret))?.value).toEqual(secret('first'))
    expect(await meta.pinStatus()).toEqual({ pinSet: true, attempts: noPinAttempts })
  })

  it('is set once: setting it again needs the current one (a change), so a second tab cannot overwrite it', async () => {
    const meta = createMetaRepository(open())
    await meta.createPinSecret(secret('first'))
    expect(await meta.createPinSecret(secret('second'))).toBe('alreadySet')
    expect(await meta.pinSecret()).toEqual(secret('first'))
  })

  it('counts wrong tries, and a change or a removal starts the count again', async () => {
    const meta = createMetaRepository(open())
    await meta.createPinSecret(secret('first'))
    await meta.recordWrongPin(now)
    await meta.recordWrongPin(now)
    expect(await meta.recordWrongPin(now + 1000)).toEqual({ failures: 3, waitUntilMs: now + 31_000 })
    expect((await meta.pinStatus()).attempts).toEqual({ failures: 3, waitUntilMs: now + 31_000 })
    await meta.replacePinSecret(secret('second'))
    expect(await meta.pinStatus()).toEqual({ pinSet: true, attempts: noPinAttempts })
    await meta.recordWrongPin(now)
    expect(await meta.removePinSecret()).toBe('removed')
    expect(await meta.pinStatus()).toEqual({ pinSet: false, attempts: noPinAttempts })
    expect(await meta.pinSecret()).toBeNull()
  })

  it('cannot be removed while the phone is locked: the lock could never be left', async () => {
    const meta = createMetaRepository(open())
    await meta.createPinSecret(secret('first'))
    expect(await meta.startLock(lock)).toBe('started')
    expect(await meta.removePinSecret()).toBe('locked')
    expect(await meta.pinSecret()).toEqual(secret('first'))
  })
})

describe('the device lock', () => {
  it('is refused without a PIN, and nothing is written', async () => {
    const db = open()
    const meta = createMetaRepository(db)
    expect(await meta.startLock(lock)).toBe('noPin')
    expect(await meta.lock()).toBeNull()
    expect(await db.meta.get(metaKeys.lock)).toBeUndefined()
  })

  it('is kept until it is ended, which also starts the count of wrong tries again', async () => {
    const meta = createMetaRepository(open())
    await meta.createPinSecret(secret('first'))
    expect(await meta.startLock(lock)).toBe('started')
    expect(await meta.lock()).toEqual(lock)
    await meta.recordWrongPin(now)
    await meta.endLock()
    expect(await meta.lock()).toBeNull()
    expect((await meta.pinStatus()).attempts).toEqual(noPinAttempts)
  })

  it('is never replaced by another while in force: a locked screen cannot move the lock elsewhere', async () => {
    const meta = createMetaRepository(open())
    await meta.createPinSecret(secret('first'))
    await meta.startLock(lock)
    expect(await meta.startLock({ ...lock, path: '/participants' })).toBe('alreadyLocked')
    expect(await meta.lock()).toEqual(lock)
  })

  it('reads a damaged record as no lock rather than failing', async () => {
    const db = open()
    await db.meta.put({ key: metaKeys.lock, value: { kind: 'handover' } })
    expect(await createMetaRepository(db).lock()).toBeNull()
  })
})
