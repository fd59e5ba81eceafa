import { defineStore } from 'pinia'
import { computed, getCurrentScope, onScopeDispose, reactive, shallowRef, watch, type Ref } from 'vue'
import { peopleCheckedInOn } from '@/domain/attendance'
import {
  defaultCounterSettings,
  maxTallyNoteLength,
  normaliseToken,
  parseTally,
  problemAction,
  readCounterSettings,
  validateCounterSettings,
  maskedToken,
  type CounterSettings,
  type CounterSettingsDraft,
  type CounterSettingsError,
  type SourceOutcome,
  type SourceProblem,
  type TallyError,
} from '@/domain/counterSources'
import { dayCount, hashtagBudget, latestPosts, pollSeconds, postsOfTheDay, postsPerHour, type DayCount } from '@/domain/postCount'
import { err, ok, type Result } from '@/domain/result'
import { zonedDateTimeToEpochMs } from '@/domain/time'
import type { HashtagLookup, HashtagMedia, HashtagSample, IsoInstant, PhotowalkEvent, PostSource } from '@/domain/types'
import { nowIso } from '@/services/clock'
import { pollFediverse } from '@/services/fediverseTags'
import { newId } from '@/services/ids'
import { pollInstagram } from '@/services/instagramGraph'
import { watchOnlineStatus } from '@/services/network'
import { createPoller, type Poller, type PollerState, type RoundResult } from '@/services/poller'
import { loadDatabase } from './database'
import { useEventsStore } from './events'
import { liveQueryRef } from './live'
import { useSettingsStore } from './settings'

export type { CounterSettings, CounterSettingsDraft, CounterSettingsError, SourceProblem, TallyError }

export interface SourceStatus {
  enabled: boolean
  phase: PollerState['phase']
  problem: SourceProblem | null
  /** When the next try is due after a failure (epoch ms); null while all is well. */
  nextTryAt: number | null
}

interface CounterData {
  posts: HashtagMedia[]
  samples: HashtagSample[]
}

const sources: readonly PostSource[] = ['instagram', 'fediverse']
const idleStatus = (): SourceStatus => ({ enabled: false, phase: 'idle', problem: null, nextTryAt: null })

/**
 * The live post counter of the current event: what the sources saw (kept in IndexedDB, so a
 * reload or a night offline loses nothing), the hand tallies, the pollers of each source, and the
 * device's settings for them. Polling starts when a counter screen first asks (`start()`) and then
 * runs while the app is open, online and visible.
 */
export const useCounterStore = defineStore('counter', () => {
  const events = useEventsStore()
  const settings = useSettingsStore()
  const event = computed(() => events.currentEvent)
  const eventId = computed(() => event.value?.id)

  const live = liveQueryRef<CounterData>(() => {
    const id = eventId.value
    if (!id) return null
    return async (db) => {
      const repository = db.counterRepository()
      const [posts, samples] = await Promise.all([repository.posts(id), repository.samples(id)])
      return { posts, samples }
    }
  }, { posts: [], samples: [] })

  const sourceSettings = shallowRef<CounterSettings>(defaultCounterSettings)
  /** The token itself stays out of reactive state; screens get its mask. */
  let token: string | null = null
  const tokenMask = shallowRef<string | null>(null)
  const settingsLoaded = shallowRef(false)
  const lookups = shallowRef<HashtagLookup[]>([])
  const status = reactive<Record<PostSource, SourceStatus>>({ instagram: idleStatus(), fediverse: idleStatus() })
  const online = shallowRef(typeof navigator === 'undefined' ? true : navigator.onLine)
  /**
   * The posts each source's latest round added, this session. The change shown is their sum, so
   * two sources polled in the same minute add up, whichever answers last.
   */
  const lastRoundChange = reactive<Record<PostSource, number | null>>({ instagram: null, fediverse: null })
  const changeSinceLastRefresh = computed<number | null>(() =>
    lastRoundChange.instagram === null && lastRoundChange.fediverse === null ? null : (lastRoundChange.instagram ?? 0) + (lastRoundChange.fediverse ?? 0),
  )

  const posts = computed(() => live.value.value.posts)
  const samples = computed(() => live.value.value.samples)
  const tallies = computed(() => samples.value.filter((sample) => sample.kind !== 'reading'))
  const count = computed<DayCount>(() =>
    event.value ? dayCount(posts.value, tallies.value, event.value) : { instagram: 0, fediverse: 0, manual: 0, extra: 0, total: 0 },
  )
  const perHour = computed(() => (event.value ? postsPerHour(posts.value, event.value) : []))
  const latest = computed(() => (event.value ? latestPosts(posts.value, event.value, 8) : []))

  /** When each source last answered in full ("as of 14:32"), from its readings: it survives reloads. */
  const confirmedAt = computed<Record<PostSource, IsoInstant | null>>(() => {
    const latestOf: Record<PostSource, IsoInstant | null> = { instagram: null, fediverse: null }
    for (const sample of samples.value) {
      if (sample.kind !== 'reading' || sample.provider === 'manual') continue
      const previous = latestOf[sample.provider]
      if (previous === null || sample.at > previous) latestOf[sample.provider] = sample.at
    }
    return latestOf
  })
  /** The time the count shown was last true: the latest confirmation of a source in use, or the latest tally. */
  const asOf = computed<IsoInstant | null>(() => {
    const times = sources.filter((source) => status[source].enabled).map((source) => confirmedAt.value[source])
    times.push(...tallies.value.map((tally) => tally.at))
    return times.reduce<IsoInstant | null>((latestTime, time) => (time !== null && (latestTime === null || time > latestTime) ? time : latestTime), null)
  })
  const budget = computed(() => hashtagBudget(lookups.value, nowIso()))

  // ---- Polling ----

  const pollers = new Map<PostSource, Poller>()
  let started = false

  function toRoundResult(problem: SourceProblem | null): RoundResult {
    if (!problem) return { kind: 'ok' }
    if (problemAction(problem) === 'stop') return { kind: 'stop' }
    return { kind: 'retry', rateLimited: problem.kind === 'rateLimit' }
  }

  async function keep(source: PostSource, target: PhotowalkEvent, outcome: SourceOutcome): Promise<void> {
    const at = nowIso()
    const before = [...posts.value]
    const after = [...before, ...outcome.posts]
    const reading: HashtagSample | null = outcome.problem
      ? null
      : {
          id: newId(),
          eventId: target.id,
          hashtag: '',
          provider: source,
          kind: 'reading',
          count: postsOfTheDay(after.filter((post) => post.provider === source), target).length,
          note: '',
          at,
          deviceId: await settings.ensureDeviceId(),
        }
    if (outcome.posts.length > 0 || reading) await (await loadDatabase()).counterRepository().addSeen({ posts: outcome.posts, reading })
    if (reading) {
      const ofSource = (list: readonly HashtagMedia[]) => postsOfTheDay(list.filter((post) => post.provider === source), target).length
      lastRoundChange[source] = ofSource(after) - ofSource(before)
    }
    status[source].problem = outcome.problem
  }

  async function instagramRound(): Promise<RoundResult> {
    const target = event.value
    const chosen = sourceSettings.value.instagram
    if (!target || !token) return { kind: 'stop' }
    const repository = (await loadDatabase()).counterRepository()
    const known = await repository.lookups(chosen.accountId)
    const outcome = await pollInstagram({
      settings: chosen,
      token,
      eventId: target.id,
      hashtags: target.hashtags,
      lookups: known,
      saveLookup: (lookup) => repository.addLookup(lookup),
      now: nowIso,
    })
    lookups.value = await repository.lookups(chosen.accountId)
    await keep('instagram', target, outcome)
    return toRoundResult(outcome.problem)
  }

  async function fediverseRound(): Promise<RoundResult> {
    const target = event.value
    if (!target) return { kind: 'stop' }
    const known = new Set(posts.value.filter((post) => post.provider === 'fediverse').map((post) => post.mediaId))
    const outcome = await pollFediverse({
      hosts: sourceSettings.value.fediverse.hosts,
      hashtags: target.hashtags,
      eventId: target.id,
      dayStartMs: zonedDateTimeToEpochMs(target.date, '00:00', target.timeZone),
      isKnown: (uri) => known.has(uri),
      now: nowIso,
    })
    await keep('fediverse', target, outcome)
    return toRoundResult(outcome.problem)
  }

  function stopPolling() {
    for (const poller of pollers.values()) poller.dispose()
    pollers.clear()
  }

  /** (Re)creates the pollers for what is set now: each starts with a round at once, if online and visible. */
  function syncPollers() {
    stopPolling()
    const target = event.value
    const chosen = sourceSettings.value
    for (const source of sources) {
      const enabled = chosen[source].enabled && target !== null && target.hashtags.length > 0
      Object.assign(status[source], { ...idleStatus(), enabled })
      if (!enabled || !started) continue
      if (source === 'instagram' && !token) {
        Object.assign(status.instagram, { phase: 'stopped', problem: { kind: 'noToken' } })
        continue
      }
      const poller = createPoller({
        round: source === 'instagram' ? instagramRound : fediverseRound,
        intervalSeconds: () => pollSeconds(sourceSettings.value.pollSeconds),
        onState: (state) => {
          status[source].phase = state.phase
          status[source].nextTryAt = state.failures > 0 ? state.nextAt : null
        },
      })
      pollers.set(source, poller)
      poller.start()
    }
  }

  async function loadSettings(): Promise<void> {
    const meta = (await loadDatabase()).metaRepository()
    const [stored, storedToken] = await Promise.all([meta.counterSettings(), meta.instagramToken()])
    sourceSettings.value = readCounterSettings(stored)
    token = storedToken
    tokenMask.value = storedToken ? maskedToken(storedToken) : null
    if (sourceSettings.value.instagram.accountId) lookups.value = await (await loadDatabase()).counterRepository().lookups(sourceSettings.value.instagram.accountId)
    settingsLoaded.value = true
  }

  let loading: Promise<void> | null = null
  /** Reads the settings and starts polling; the screens that show the count call it. */
  function start(): Promise<void> {
    loading ??= loadSettings().then(
      () => {
        started = true
        syncPollers()
      },
      (error: unknown) => {
        // The next screen that asks tries again (the storage problem itself is said by the shell).
        loading = null
        throw error
      },
    )
    return loading
  }

  // A change of event, of its hashtags or date, starts the rounds again for it.
  watch(
    () => (event.value ? `${event.value.id}|${event.value.date}|${event.value.timeZone}|${event.value.hashtags.join(' ')}` : ''),
    () => {
      lastRoundChange.instagram = null
      lastRoundChange.fediverse = null
      if (started) syncPollers()
    },
  )

  const stopWatchingNetwork = typeof window === 'undefined' ? () => undefined : watchOnlineStatus((value) => (online.value = value))
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stopWatchingNetwork()
      stopPolling()
    })
  }

  // ---- Settings ----

  async function saveSettings(draft: CounterSettingsDraft): Promise<Result<CounterSettings, CounterSettingsError[]>> {
    const checked = validateCounterSettings(draft)
    if (!checked.ok) return checked
    await (await loadDatabase()).metaRepository().setCounterSettings(checked.value)
    sourceSettings.value = checked.value
    if (checked.value.instagram.accountId) lookups.value = await (await loadDatabase()).counterRepository().lookups(checked.value.instagram.accountId)
    started = true
    syncPollers()
    return checked
  }

  async function saveToken(input: string): Promise<Result<null, 'invalid'>> {
    const normalised = normaliseToken(input)
    if (!normalised) return err('invalid')
    await (await loadDatabase()).metaRepository().setInstagramToken(normalised)
    token = normalised
    tokenMask.value = maskedToken(normalised)
    started = true
    syncPollers()
    return ok(null)
  }

  async function deleteToken(): Promise<void> {
    await (await loadDatabase()).metaRepository().deleteInstagramToken()
    token = null
    tokenMask.value = null
    syncPollers()
  }

  /**
   * A round now, for every source that may be asked: not one waiting out a rate limit, nor one
   * stopped until the organiser changes something (asking again would only repeat the refusal).
   */
  function refreshNow() {
    for (const [source, poller] of pollers) {
      const problem = status[source].problem
      if (status[source].phase === 'running' || (problem && (problem.kind === 'rateLimit' || problemAction(problem) === 'stop'))) continue
      poller.restart()
    }
  }

  // ---- Hand tallies ----

  async function addTally(kind: HashtagSample['kind'], value: number, note = ''): Promise<void> {
    const target = event.value
    if (!target) throw new Error('no event is selected')
    await (await loadDatabase()).counterRepository().addTally({
      id: newId(),
      eventId: target.id,
      hashtag: '',
      provider: 'manual',
      kind,
      count: value,
      note,
      at: nowIso(),
      deviceId: await settings.ensureDeviceId(),
    })
  }

  const plusOne = () => addTally('plusOne', 1)

  async function recordTotal(input: string): Promise<Result<number, TallyError>> {
    const parsed = parseTally(input, 'total')
    if (parsed.ok) await addTally('total', parsed.value)
    return parsed
  }

  async function addExtra(input: string, note: string): Promise<Result<number, TallyError>> {
    const parsed = parseTally(input, 'extra')
    if (!parsed.ok) return parsed
    if (note.trim().length > maxTallyNoteLength) return err('noteTooLong')
    await addTally('extra', parsed.value, note.trim())
    return parsed
  }

  return {
    ready: live.ready,
    settingsLoaded,
    sourceSettings,
    tokenMask,
    status,
    online,
    posts,
    tallies,
    count,
    perHour,
    latest,
    confirmedAt,
    asOf,
    budget,
    changeSinceLastRefresh,
    start,
    saveSettings,
    saveToken,
    deleteToken,
    refreshNow,
    plusOne,
    recordTotal,
    addExtra,
  }
})

/** People checked in on the event's date, kept current while the caller lives. */
export function useCheckedInToday(event: Ref<PhotowalkEvent | null>) {
  const live = liveQueryRef<number>(() => {
    const target = event.value
    if (!target) return null
    const { id, date, timeZone } = target
    return async (db) => peopleCheckedInOn(await db.participantRepository().checkins(id), date, timeZone)
  }, 0)
  return { count: live.value, ready: live.ready }
}

export type CounterStore = ReturnType<typeof useCounterStore>
