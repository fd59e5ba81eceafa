import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, effectScope, nextTick, shallowRef, type EffectScope } from 'vue'
import type * as DatabaseLayer from '@/db'
import { buildSampleEvent } from '@/domain/sampleEvent'
import type { CheckIn, Participant, Stop } from '@/domain/types'

/**
 * The checkpoint's records are read through a gate the test opens (or breaks), so what the screen
 * does while they are still being read can be seen.
 */
const gate = vi.hoisted(() => {
  let release: () => void = () => undefined
  let fail: (error: Error) => void = () => undefined
  let waiting: Promise<void> = Promise.resolve()
  return {
    close() {
      waiting = new Promise<void>((resolve, reject) => {
        release = resolve
        fail = reject
      })
    },
    open: () => release(),
    break: (error: Error) => fail(error),
    wait: () => waiting,
  }
})

vi.mock('./database', async () => {
  const real = await vi.importActual<typeof DatabaseLayer>('@/db')
  const participantRepository = () => {
    const repository = real.participantRepository()
    return {
      ...repository,
      checkinsAt: async (eventId: string, stopId: string) => {
        await gate.wait()
        return repository.checkinsAt(eventId, stopId)
      },
    }
  }
  const module = { ...real, participantRepository }
  return { loadDatabase: async () => module }
})

const { useCheckpoint, CheckpointNotLoadedError } = await import('./checkpoint')
const { useEventsStore } = await import('./events')
const db = await import('@/db')

let scope: EffectScope
let sampleIds = 0
const sample = buildSampleEvent({
  today: '2027-01-10',
  now: '2027-01-10T10:00:00.000Z',
  language: 'fr',
  newId: () => `00000000-0000-4000-8000-${String((sampleIds += 1)).padStart(12, '0')}`,
  newBadgeCode: () => `BADGE${String(sampleIds).padStart(11, '0')}`,
})
const meeting = sample.stops.find((stop) => stop.kind === 'meeting') as Stop
const helene = sample.participants[0] as Participant

function record(participant: Participant, action: CheckIn['action'], at: string): CheckIn {
  return {
    id: `${participant.id}-${action}-${at}`,
    eventId: sample.event.id,
    participantId: participant.id,
    stopId: meeting.id,
    action,
    undoesId: null,
    at,
    deviceId: 'other-phone',
    method: 'qr',
  }
}

const storedAtMeeting = () => db.participantRepository().checkinsAt(sample.event.id, meeting.id)

async function openCheckpoint() {
  setActivePinia(createPinia())
  scope = effectScope()
  const events = useEventsStore()
  const event = computed(() => events.currentEvent)
  const here = scope.run(() => useCheckpoint(event, shallowRef(meeting.id)))
  if (!here) throw new Error('no checkpoint')
  await vi.waitFor(() => expect(events.currentEvent?.id).toBe(sample.event.id), { timeout: 5000 })
  return here
}

beforeEach(async () => {
  await db.eventRepository().saveSample(structuredClone(sample))
  await db.participantRepository().appendCheckIn(record(helene, 'in', '2027-07-24T07:35:00.000Z'))
  gate.close()
})

afterEach(async () => {
  scope.stop()
  gate.open()
  await db.eventRepository().remove(sample.event.id)
})

describe('a checkpoint whose records are still being read', () => {
  it('shows no head-count and decides nothing until they are read', async () => {
    const here = await openCheckpoint()
    expect(here.state.value).toBe('loading')
    expect(here.count.value).toBeNull()

    // Hélène is already checked in (by another phone): a tap during the read must not add her again.
    const tap = here.checkIn(helene, 'in', 'manual')
    await nextTick()
    gate.open()
    await expect(tap).resolves.toMatchObject({ kind: 'alreadyIn', since: '2027-07-24T07:35:00.000Z' })
    expect(await storedAtMeeting()).toHaveLength(1)
    expect(here.state.value).toBe('ready')
    expect(here.count.value?.present.map((person) => person.id)).toEqual([helene.id])
  })

  it('lets someone leave who arrived before the screen was opened', async () => {
    const here = await openCheckpoint()
    const leaving = here.checkIn(helene, 'out', 'manual')
    gate.open()
    await expect(leaving).resolves.toMatchObject({ kind: 'record', action: 'out' })
    expect((await storedAtMeeting()).map((entry) => entry.action).sort()).toEqual(['in', 'out'])
  })

  it('a scanned badge waits for the read as a tap does', async () => {
    const here = await openCheckpoint()
    const scan = here.scan(`PW:${helene.badgeCode}`, 'in')
    gate.open()
    await expect(scan).resolves.toMatchObject({ kind: 'alreadyIn' })
    expect(await storedAtMeeting()).toHaveLength(1)
  })

  it('a failed read says so, refuses taps without writing, and can be tried again', async () => {
    const here = await openCheckpoint()
    const tap = here.checkIn(helene, 'in', 'manual')
    gate.break(new Error('disk on fire'))
    await expect(tap).rejects.toBeInstanceOf(CheckpointNotLoadedError)
    await vi.waitFor(() => expect(here.state.value).toBe('failed'), { timeout: 5000 })
    expect(here.count.value).toBeNull()
    expect(await storedAtMeeting()).toHaveLength(1)

    gate.close()
    const retried = here.retry()
    expect(here.state.value).toBe('loading')
    gate.open()
    await retried
    expect(here.state.value).toBe('ready')
    await expect(here.checkIn(helene, 'in', 'manual')).resolves.toMatchObject({ kind: 'alreadyIn' })
  })
})
