import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as DatabaseLayer from '@/db'
import { metaKeys } from '@/db/metaKeys'
import { counterSettingsDraft, defaultCounterSettings } from '@/domain/counterSources'
import { buildSampleEvent } from '@/domain/sampleEvent'

vi.mock('./database', async () => {
  const real = await vi.importActual<typeof DatabaseLayer>('@/db')
  return { loadDatabase: async () => real }
})

const { useCounterStore } = await import('./counter')
const { useEventsStore } = await import('./events')
const db = await import('@/db')

let ids = 0
const sample = buildSampleEvent({
  today: '2027-01-10',
  now: '2027-01-10T10:00:00.000Z',
  language: 'fr',
  newId: () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`,
  newBadgeCode: () => `BADGE${String(ids).padStart(11, '0')}`,
})

async function open() {
  setActivePinia(createPinia())
  const events = useEventsStore()
  const counter = useCounterStore()
  await vi.waitFor(() => expect(events.currentEvent?.id).toBe(sample.event.id), { timeout: 5000 })
  await vi.waitFor(() => expect(counter.ready).toBe(true))
  return counter
}

beforeEach(async () => {
  await db.eventRepository().saveSample(structuredClone(sample))
  // Hand tallies count on the event's date: the clock is set on the day.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(`${sample.event.date}T09:00:00Z`))
})

afterEach(async () => {
  vi.useRealTimers()
  await db.eventRepository().remove(sample.event.id)
  await db.metaRepository().deleteInstagramToken()
  await db.metaRepository().setCounterSettings(defaultCounterSettings)
})

describe('the counter store', () => {
  it('keeps each hand tally as a record with its time and device; bad input changes nothing', async () => {
    const counter = await open()
    // A second between actions, as a hand on a phone takes.
    const later = () => vi.setSystemTime(Date.now() + 1000)
    await counter.plusOne()
    later()
    await counter.plusOne()
    later()
    expect(await counter.recordTotal('quarante')).toEqual({ ok: false, error: 'notAWholeNumber' })
    expect(await counter.addExtra('0', '')).toEqual({ ok: false, error: 'zero' })
    expect(await counter.addExtra('3', 'x'.repeat(201))).toEqual({ ok: false, error: 'noteTooLong' })
    await vi.waitFor(() => expect(counter.count.total).toBe(2))
    expect(await counter.recordTotal('40')).toEqual({ ok: true, value: 40 })
    later()
    expect(await counter.addExtra('+12', ' Publications d’avant le suivi ')).toEqual({ ok: true, value: 12 })
    await vi.waitFor(() => expect(counter.count).toEqual({ instagram: 0, fediverse: 0, manual: 40, extra: 12, total: 52 }))

    const records = await db.counterRepository().samples(sample.event.id)
    expect(records.map((record) => [record.kind, record.count, record.note])).toEqual([
      ['plusOne', 1, ''],
      ['plusOne', 1, ''],
      ['total', 40, ''],
      ['extra', 12, 'Publications d’avant le suivi'],
    ])
    const deviceId = await db.metaRepository().deviceId()
    expect(records.every((record) => record.deviceId === deviceId && record.provider === 'manual' && record.at.startsWith(sample.event.date))).toBe(true)
    expect(counter.asOf).toBe(records.at(-1)?.at)
  })

  it('saves the sources’ settings only when they are right', async () => {
    const counter = await open()
    const refused = await counter.saveSettings({ ...counterSettingsDraft(defaultCounterSettings), accountId: 'office', pollSeconds: '5' })
    expect(refused.ok).toBe(false)
    expect(await db.metaRepository().counterSettings()).toEqual(defaultCounterSettings)
    const saved = await counter.saveSettings({ ...counterSettingsDraft(defaultCounterSettings), accountId: '17841400000000001', pollSeconds: '90' })
    expect(saved.ok).toBe(true)
    expect(await db.metaRepository().counterSettings()).toMatchObject({ instagram: { accountId: '17841400000000001' }, pollSeconds: 90 })
    expect(counter.sourceSettings.pollSeconds).toBe(90)
  })

  it('keeps the token as this device’s secret, shows its last 4 characters only, and deletes it', async () => {
    const counter = await open()
    expect(await counter.saveToken('not a token')).toEqual({ ok: false, error: 'invalid' })
    expect(await db.metaRepository().instagramToken()).toBeNull()
    expect(await counter.saveToken(' EAAGsecretTokenValue000wxyz ')).toEqual({ ok: true, value: null })
    expect(counter.tokenMask).toBe('••••wxyz')
    expect(JSON.stringify(counter.$state)).not.toContain('EAAGsecret')
    expect(await db.metaRepository().instagramToken()).toBe('EAAGsecretTokenValue000wxyz')
    // Under the prefix that exports and backups leave out.
    expect(metaKeys.instagramToken.startsWith(metaKeys.deviceSecretPrefix)).toBe(true)
    await counter.deleteToken()
    expect(counter.tokenMask).toBeNull()
    expect(await db.metaRepository().instagramToken()).toBeNull()
  })
})
