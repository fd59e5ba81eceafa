import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type * as PinHashing from '@/services/pinHash'

// Each guess costs 600,000 rounds in the app; a few thousand keep these tests quick.
vi.mock('@/services/pinHash', async () => {
  const real = await vi.importActual<typeof PinHashing>('@/services/pinHash')
  return { ...real, hashPin: (pin: string) => real.hashPin(pin, { iterations: 2000 }) }
})

const { database } = await import('@/db/database')
const { readStartupMeta } = await import('@/db/startupSettings')
const { useLockStore } = await import('@/stores/lock')
const { usePinStore } = await import('@/stores/pin')
const { lockControls } = await import('./lock')
const { installLockGuard } = await import('./lockGuard')

const screen = { render: () => null }
const routes = ['/', '/consent', '/consent/:participantId/sign', '/participants', '/settings', '/:unknown(.*)*'].map((path) => ({ path, component: screen }))
const pin = '482913'
const handover = { kind: 'handover', path: '/consent/p1/sign', label: 'Rendre le téléphone à l’organisateur' } as const

interface App {
  pinia: Pinia
  router: Router
  controls: ReturnType<typeof lockControls>
  lockStore: ReturnType<typeof useLockStore>
}

/** What main.ts does at start-up: the lock is read before the first route is decided. */
async function startApp(at = '/consent'): Promise<App> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const lockStore = useLockStore(pinia)
  lockStore.initialise((await readStartupMeta()).lock)
  const router = createRouter({ history: createMemoryHistory(), routes })
  installLockGuard(router, lockStore)
  await router.push(at)
  await router.isReady()
  return { pinia, router, controls: lockControls(router, lockStore, usePinStore(pinia)), lockStore }
}

async function setPin(app: App) {
  const set = await usePinStore(app.pinia).setPin(pin, pin)
  expect(set.ok).toBe(true)
}

async function lockedApp(): Promise<App> {
  const app = await startApp('/consent')
  await setPin(app)
  expect(await app.controls.startLock(handover)).toEqual({ ok: true, value: null })
  expect(app.router.currentRoute.value.fullPath).toBe('/consent/p1/sign')
  return app
}

const storedLock = async () => (await database().meta.get('lock.current'))?.value

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2027-07-24T10:00:00+02:00'))
})

afterEach(async () => {
  vi.useRealTimers()
  await database().meta.clear()
})

describe('starting the lock', () => {
  it('is refused without a PIN: the caller is told why, nothing is written and the screen stays', async () => {
    const app = await startApp('/consent')
    expect(await app.controls.startLock(handover)).toEqual({ ok: false, error: 'noPin' })
    expect(app.controls.lock.value).toBeNull()
    expect(await storedLock()).toBeUndefined()
    expect(app.router.currentRoute.value.fullPath).toBe('/consent')
  })

  it('keeps the lock on this device and shows the locked screen', async () => {
    const app = await lockedApp()
    expect(app.controls.lock.value).toMatchObject({ kind: 'handover', path: '/consent/p1/sign', label: handover.label, returnTo: '/consent' })
    expect(await storedLock()).toMatchObject({ path: '/consent/p1/sign', returnTo: '/consent' })
    expect(app.lockStore.pinRequest).toBeNull()
  })

  it('is refused while a lock is in force, so a locked screen cannot open another', async () => {
    const app = await lockedApp()
    expect(await app.controls.startLock({ ...handover, path: '/consent/p2/sign' })).toEqual({ ok: false, error: 'alreadyLocked' })
    expect(app.router.currentRoute.value.fullPath).toBe('/consent/p1/sign')
  })
})

describe('while locked', () => {
  it('cancels a navigation to another screen and asks for the PIN', async () => {
    const app = await lockedApp()
    await app.router.push('/participants')
    expect(app.router.currentRoute.value.fullPath).toBe('/consent/p1/sign')
    expect(app.lockStore.pinRequest).toEqual({ then: '/participants' })
  })

  it('cancels the back button too', async () => {
    const app = await lockedApp()
    app.router.back()
    await vi.waitFor(() => expect(app.lockStore.pinRequest).toEqual({ then: '/consent' }))
    expect(app.router.currentRoute.value.fullPath).toBe('/consent/p1/sign')
  })

  it('confines the phone to the locked address, its query included: another participant is not reachable', async () => {
    const app = await startApp('/consent')
    await setPin(app)
    await app.controls.startLock({ ...handover, path: '/consent?participant=p1' })
    await app.router.push('/consent?participant=p2')
    expect(app.router.currentRoute.value.fullPath).toBe('/consent?participant=p1')
    expect(app.lockStore.pinRequest).toEqual({ then: '/consent?participant=p2' })
    // Moving within the locked screen is not leaving it.
    await app.router.push('/consent?participant=p1#signature')
    expect(app.router.currentRoute.value.hash).toBe('#signature')
  })

  it('lets the right PIN end the lock, and the navigation asked for proceeds', async () => {
    const app = await lockedApp()
    await app.router.push('/participants')
    expect(await app.controls.leaveLock(pin)).toEqual({ ok: true, value: null })
    expect(app.controls.lock.value).toBeNull()
    expect(await storedLock()).toBeUndefined()
    expect(app.lockStore.pinRequest).toBeNull()
    expect(app.router.currentRoute.value.fullPath).toBe('/participants')
  })

  it('returns to where the organiser was when the lock is left from its own button', async () => {
    const app = await lockedApp()
    app.lockStore.askForPin(null)
    expect(await app.controls.leaveLock(pin)).toEqual({ ok: true, value: null })
    expect(app.router.currentRoute.value.fullPath).toBe('/consent')
  })

  it('refuses a wrong PIN: still locked, still on the locked screen, the navigation not made', async () => {
    const app = await lockedApp()
    await app.router.push('/participants')
    expect(await app.controls.leaveLock('000000')).toEqual({ ok: false, error: { reason: 'wrong', triesBeforeWait: 2, waitMs: 0 } })
    expect(app.controls.lock.value).not.toBeNull()
    expect(await storedLock()).toBeDefined()
    expect(app.router.currentRoute.value.fullPath).toBe('/consent/p1/sign')
    expect(app.lockStore.pinRequest).toEqual({ then: '/participants' })
  })

  it('refuses what is not a PIN without counting it as a try', async () => {
    const app = await lockedApp()
    expect(await app.controls.leaveLock('12')).toEqual({ ok: false, error: { reason: 'malformed', problem: 'length' } })
    expect(await app.controls.leaveLock('000000')).toMatchObject({ ok: false, error: { reason: 'wrong', triesBeforeWait: 2 } })
  })

  it('makes the phone wait after three wrong PINs, even for the right one, until the wait is over', async () => {
    const app = await lockedApp()
    await app.controls.leaveLock('000000')
    await app.controls.leaveLock('111111')
    expect(await app.controls.leaveLock('222222')).toEqual({ ok: false, error: { reason: 'wrong', triesBeforeWait: 0, waitMs: 30_000 } })
    vi.setSystemTime(Date.now() + 3000)
    expect(await app.controls.leaveLock(pin)).toEqual({ ok: false, error: { reason: 'waiting', waitMs: 27_000 } })
    expect(app.controls.lock.value).not.toBeNull()

    vi.setSystemTime(Date.now() + 27_000)
    expect(await app.controls.leaveLock(pin)).toEqual({ ok: true, value: null })
    expect(app.router.currentRoute.value.fullPath).toBe('/consent')
    // The right PIN starts the count again.
    await vi.waitFor(() => expect(usePinStore(app.pinia).attempts).toEqual({ failures: 0, waitUntilMs: null }), { timeout: 5000 })
  })

  it('survives a reload: a new app reads the lock before its first route and shows only the locked screen', async () => {
    const before = await lockedApp()
    await before.controls.leaveLock('000000')
    await before.controls.leaveLock('111111')
    await before.controls.leaveLock('222222')

    // A reload, or an address typed: the app starts again on whatever path the browser asks for.
    const after = await startApp('/participants')
    expect(after.controls.lock.value).toMatchObject({ path: '/consent/p1/sign' })
    expect(after.router.currentRoute.value.fullPath).toBe('/consent/p1/sign')
    expect(after.lockStore.pinRequest).toEqual({ then: '/participants' })
    // The wait survived too.
    expect(await after.controls.leaveLock(pin)).toMatchObject({ ok: false, error: { reason: 'waiting' } })
    vi.setSystemTime(Date.now() + 30_000)
    expect(await after.controls.leaveLock(pin)).toEqual({ ok: true, value: null })
    expect(after.router.currentRoute.value.fullPath).toBe('/participants')
  })

  it('opens on the locked screen without asking anything when that is the screen reloaded', async () => {
    await lockedApp()
    const after = await startApp('/consent/p1/sign')
    expect(after.router.currentRoute.value.fullPath).toBe('/consent/p1/sign')
    expect(after.lockStore.pinRequest).toBeNull()
  })

  it('keeps the PIN from being removed', async () => {
    const app = await lockedApp()
    expect(await usePinStore(app.pinia).removePin(pin)).toEqual({ ok: false, error: { reason: 'locked' } })
    expect(await database().meta.get('deviceSecret.pin')).toBeDefined()
  })
})

describe('the lock in another tab', () => {
  it('reaches a tab that was already open: it goes to the locked screen', async () => {
    const other = await startApp('/participants')
    const app = await lockedApp()
    expect(app.controls.lock.value).not.toBeNull()
    await vi.waitFor(() => expect(other.controls.lock.value).toMatchObject({ path: '/consent/p1/sign' }), { timeout: 5000 })
    await vi.waitFor(() => expect(other.router.currentRoute.value.fullPath).toBe('/consent/p1/sign'), { timeout: 5000 })
  })
})
