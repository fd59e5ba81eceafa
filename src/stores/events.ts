import { defineStore } from 'pinia'
import { computed, watch } from 'vue'
import type { EventContents } from '@/db'

export type { EventContents }
import { validateEventDraft, type EventDraft, type EventFieldError } from '@/domain/event'
import { ok, type Result } from '@/domain/result'
import { buildSampleEvent } from '@/domain/sampleEvent'
import type { Id, Language, PhotowalkEvent } from '@/domain/types'
import { deviceTimeZone, nowIso, todayIn } from '@/services/clock'
import { newBadgeCode, newId } from '@/services/ids'
import { loadDatabase } from './database'
import { liveQueryRef } from './live'
import { askForPersistenceOnFirstWrite } from './persistence'
import { useProblemsStore } from './problems'
import { newSigningKeyOrNone } from './signingKeys'

interface EventsSnapshot {
  events: PhotowalkEvent[]
  currentEventId: Id | null
}

export const useEventsStore = defineStore('events', () => {
  const snapshot = liveQueryRef<EventsSnapshot>(
    () => async (db) => {
      const [events, currentEventId] = await Promise.all([
        db.eventRepository().list(),
        db.metaRepository().currentEventId(),
      ])
      return { events, currentEventId: currentEventId ?? null }
    },
    { events: [], currentEventId: null },
  )

  const events = computed(() => snapshot.value.value.events)
  /** Read, and read without error: a failed read must not pass for "no event yet". */
  const ready = computed(() => snapshot.ready.value && snapshot.error.value === null)
  const loadFailed = computed(() => snapshot.error.value !== null)
  const problems = useProblemsStore()
  watch(snapshot.error, (error) => {
    if (error) problems.report(error)
  })
  const currentEvent = computed<PhotowalkEvent | null>(() => {
    const { events: all, currentEventId } = snapshot.value.value
    return all.find((event) => event.id === currentEventId) ?? null
  })

  const events$ = async () => (await loadDatabase()).eventRepository()

  async function createEvent(draft: EventDraft): Promise<Result<PhotowalkEvent, EventFieldError[]>> {
    const details = validateEventDraft(draft)
    if (!details.ok) return details
    // The key is made first: its Web Crypto work cannot run inside the transaction that stores both.
    const signingKey = await newSigningKeyOrNone()
    const event = await (await events$()).create(details.value, { id: newId(), now: nowIso(), signingKey })
    await askForPersistenceOnFirstWrite()
    return ok(event)
  }

  async function updateEvent(id: Id, draft: EventDraft): Promise<Result<Id, EventFieldError[]>> {
    const details = validateEventDraft(draft)
    if (!details.ok) return details
    await (await events$()).update(id, details.value, nowIso())
    return ok(id)
  }

  async function loadSample(language: Language): Promise<PhotowalkEvent> {
    const sample = buildSampleEvent({
      today: todayIn(deviceTimeZone()),
      now: nowIso(),
      language,
      newId,
      newBadgeCode,
    })
    await (await events$()).saveSample(sample, await newSigningKeyOrNone())
    await askForPersistenceOnFirstWrite()
    return sample.event
  }

  /** Resolves once the events have been read, so a screen opened by a reload knows the current one. */
  const whenReady = () =>
    new Promise<void>((resolve) => {
      if (snapshot.ready.value) return resolve()
      const stop = watch(snapshot.ready, (ready) => {
        if (!ready) return
        stop()
        resolve()
      })
    })

  const selectEvent = async (id: Id) => (await loadDatabase()).metaRepository().setCurrentEventId(id)
  const contentsOf = async (id: Id): Promise<EventContents> => (await events$()).contents(id)
  const deleteEvent = async (id: Id) => (await events$()).remove(id)
  const getEvent = async (id: Id) => (await events$()).get(id)

  return {
    events,
    ready,
    loadFailed,
    currentEvent,
    createEvent,
    updateEvent,
    loadSample,
    selectEvent,
    contentsOf,
    deleteEvent,
    getEvent,
    whenReady,
  }
})
