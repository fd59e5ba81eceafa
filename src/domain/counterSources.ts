import { hashtagKey } from './hashtags'
import { normaliseInstanceHost, shortestPollSeconds, defaultPollSeconds } from './postCount'
import { err, ok, type Result } from './result'
import type { HashtagMedia, Id, IsoInstant } from './types'

/**
 * What the counter's sources answer, checked field by field before anything is kept, and the
 * device's settings for them. Responses come from outside: every field the app keeps is validated
 * here, and anything malformed is dropped rather than trusted.
 */

// ---- Settings of the sources (device-only) ----

export const defaultGraphBaseUrl = 'https://graph.facebook.com'
export const defaultGraphApiVersion = 'v24.0'
export const maxInstanceHosts = 5

export interface CounterSettings {
  instagram: {
    enabled: boolean
    /** The Instagram business or creator account the Graph API acts for: digits. */
    accountId: string
    apiVersion: string
    /** Graph API root: Meta's by default; a self-hosted proxy or a test server otherwise. */
    baseUrl: string
  }
  fediverse: {
    enabled: boolean
    hosts: string[]
  }
  pollSeconds: number
}

export const defaultCounterSettings: CounterSettings = {
  instagram: { enabled: false, accountId: '', apiVersion: defaultGraphApiVersion, baseUrl: defaultGraphBaseUrl },
  fediverse: { enabled: false, hosts: [] },
  pollSeconds: defaultPollSeconds,
}

/** The form as typed. */
export interface CounterSettingsDraft {
  instagramEnabled: boolean
  accountId: string
  apiVersion: string
  baseUrl: string
  fediverseEnabled: boolean
  /** One host a line, or separated by commas or spaces. */
  hosts: string
  pollSeconds: string
}

export type CounterSettingsField = 'accountId' | 'apiVersion' | 'baseUrl' | 'hosts' | 'pollSeconds' | 'token'
export type CounterSettingsError =
  | { field: 'accountId'; reason: 'required' | 'digits' }
  | { field: 'apiVersion'; reason: 'format' }
  | { field: 'baseUrl'; reason: 'format' | 'insecure' }
  | { field: 'hosts'; reason: 'required' | 'tooMany'; host?: undefined }
  | { field: 'hosts'; reason: 'invalid'; host: string }
  | { field: 'pollSeconds'; reason: 'notANumber' | 'tooShort' }

export function counterSettingsDraft(settings: CounterSettings): CounterSettingsDraft {
  return {
    instagramEnabled: settings.instagram.enabled,
    accountId: settings.instagram.accountId,
    apiVersion: settings.instagram.apiVersion,
    baseUrl: settings.instagram.baseUrl,
    fediverseEnabled: settings.fediverse.enabled,
    hosts: settings.fediverse.hosts.join('\n'),
    pollSeconds: String(settings.pollSeconds),
  }
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Whether the app may send requests (and the Instagram token) to this address: https anywhere,
 * plain http only to this machine (a test server or a local proxy), never with credentials in it.
 */
export function isAllowedEndpoint(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.username || parsed.password) return false
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname)
}

/** The origin of a fediverse instance: https, except this machine's (tests, a local relay). */
export function instanceOrigin(host: string): string {
  const name = host.replace(/:\d+$/, '')
  return `${loopbackHosts.has(name) ? 'http' : 'https'}://${host}`
}

export function validateCounterSettings(draft: CounterSettingsDraft): Result<CounterSettings, CounterSettingsError[]> {
  const errors: CounterSettingsError[] = []
  const accountId = draft.accountId.trim()
  const apiVersion = draft.apiVersion.trim() || defaultGraphApiVersion
  const baseUrl = (draft.baseUrl.trim() || defaultGraphBaseUrl).replace(/\/+$/, '')
  if (draft.instagramEnabled && accountId === '') errors.push({ field: 'accountId', reason: 'required' })
  else if (accountId !== '' && !/^\d{1,30}$/.test(accountId)) errors.push({ field: 'accountId', reason: 'digits' })
  if (!/^v\d{1,3}\.\d{1,2}$/.test(apiVersion)) errors.push({ field: 'apiVersion', reason: 'format' })
  if (!/^https?:\/\//i.test(baseUrl) || !URL.canParse(baseUrl)) errors.push({ field: 'baseUrl', reason: 'format' })
  else if (!isAllowedEndpoint(baseUrl)) errors.push({ field: 'baseUrl', reason: 'insecure' })

  const typedHosts = draft.hosts.split(/[\s,;]+/).filter((host) => host !== '')
  const hosts: string[] = []
  for (const typed of typedHosts) {
    const host = normaliseInstanceHost(typed)
    if (!host) errors.push({ field: 'hosts', reason: 'invalid', host: typed })
    else if (!hosts.includes(host)) hosts.push(host)
  }
  if (draft.fediverseEnabled && typedHosts.length === 0) errors.push({ field: 'hosts', reason: 'required' })
  if (hosts.length > maxInstanceHosts) errors.push({ field: 'hosts', reason: 'tooMany' })

  const typedSeconds = draft.pollSeconds.trim()
  const seconds = Number(typedSeconds)
  if (typedSeconds !== '' && (!/^\d+$/.test(typedSeconds) || !Number.isFinite(seconds))) errors.push({ field: 'pollSeconds', reason: 'notANumber' })
  else if (typedSeconds !== '' && seconds < shortestPollSeconds) errors.push({ field: 'pollSeconds', reason: 'tooShort' })

  if (errors.length > 0) return err(errors)
  return ok({
    instagram: { enabled: draft.instagramEnabled, accountId, apiVersion, baseUrl },
    fediverse: { enabled: draft.fediverseEnabled, hosts },
    pollSeconds: typedSeconds === '' ? defaultPollSeconds : seconds,
  })
}

/** Settings read back from storage: anything unexpected falls back to the defaults. */
export function readCounterSettings(stored: unknown): CounterSettings {
  if (typeof stored !== 'object' || stored === null) return defaultCounterSettings
  const value = stored as Partial<Record<keyof CounterSettings, unknown>>
  const instagram = (typeof value.instagram === 'object' && value.instagram !== null ? value.instagram : {}) as Record<string, unknown>
  const fediverse = (typeof value.fediverse === 'object' && value.fediverse !== null ? value.fediverse : {}) as Record<string, unknown>
  const draft: CounterSettingsDraft = {
    instagramEnabled: instagram.enabled === true,
    accountId: typeof instagram.accountId === 'string' ? instagram.accountId : '',
    apiVersion: typeof instagram.apiVersion === 'string' ? instagram.apiVersion : defaultGraphApiVersion,
    baseUrl: typeof instagram.baseUrl === 'string' ? instagram.baseUrl : defaultGraphBaseUrl,
    fediverseEnabled: fediverse.enabled === true,
    hosts: Array.isArray(fediverse.hosts) ? fediverse.hosts.filter((host) => typeof host === 'string').join('\n') : '',
    pollSeconds: typeof value.pollSeconds === 'number' ? String(value.pollSeconds) : '',
  }
  const checked = validateCounterSettings(draft)
  return checked.ok ? checked.value : defaultCounterSettings
}

/** What the screen shows of a token: its last 4 characters only. */
export function maskedToken(token: string): string {
  return token.length <= 4 ? '••••' : `••••${token.slice(-4)}`
}

/** A token as pasted: surrounding spaces and quotes dropped; Graph tokens hold no spaces. */
export function normaliseToken(input: string): string | null {
  const token = input.trim().replace(/^["']|["']$/g, '')
  return /^[A-Za-z0-9._|%-]{20,1024}$/.test(token) ? token : null
}

// ---- Instagram Graph API answers ----

const digitsId = /^\d{1,30}$/

/** The hashtag's id from `ig_hashtag_search`: `{ data: [{ id }] }`. */
export function hashtagIdFrom(body: unknown): string | null {
  const data = objectField(body, 'data')
  if (!Array.isArray(data)) return null
  const id = objectField(data[0], 'id')
  return typeof id === 'string' && digitsId.test(id) ? id : null
}

/** Graph timestamps read "2026-07-26T10:12:00+0000"; the app keeps ISO instants. */
export function graphInstant(value: unknown): IsoInstant | null {
  if (typeof value !== 'string' || value.length > 40) return null
  const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(withColon)) return null
  const epochMs = Date.parse(withColon)
  return Number.isNaN(epochMs) ? null : new Date(epochMs).toISOString()
}

/** An https address kept as a post's link; anything else (javascript:, http:) is not. */
export function safePermalink(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null
  } catch {
    return null
  }
}

export interface PageOfPosts {
  posts: HashtagMedia[]
  /** The next page's address, when there is one. */
  next: string | null
  /** Items dropped because a field was missing or malformed. */
  rejected: number
}

/** A page of `recent_media`: `{ data: [{ id, timestamp, permalink, … }], paging: { cursors, next } }`. */
export function recentMediaPage(
  body: unknown,
  context: { eventId: Id; hashtag: string; seenAt: IsoInstant },
): PageOfPosts {
  const data = objectField(body, 'data')
  const items = Array.isArray(data) ? data : []
  const posts: HashtagMedia[] = []
  let rejected = 0
  for (const item of items) {
    const id = objectField(item, 'id')
    const postedAt = graphInstant(objectField(item, 'timestamp'))
    if (typeof id !== 'string' || !digitsId.test(id) || !postedAt) {
      rejected += 1
      continue
    }
    posts.push({
      provider: 'instagram',
      mediaId: id,
      eventId: context.eventId,
      hashtag: hashtagKey(context.hashtag),
      postedAt,
      permalink: safePermalink(objectField(item, 'permalink')),
      seenAt: context.seenAt,
    })
  }
  const next = objectField(objectField(body, 'paging'), 'next')
  return { posts, next: typeof next === 'string' && isAllowedEndpoint(next) ? next : null, rejected }
}

// ---- Fediverse (Mastodon, Pixelfed) tag timelines ----

/** A page of statuses from `/api/v1/timelines/tag/:tag`; each post is known by its URI wherever it is seen. */
export function tagTimelinePage(
  body: unknown,
  context: { eventId: Id; hashtag: string; seenAt: IsoInstant },
): { posts: HashtagMedia[]; rejected: number; oldestPostedAt: IsoInstant | null; lastId: string | null } {
  const items = Array.isArray(body) ? (body as unknown[]) : []
  const posts: HashtagMedia[] = []
  let rejected = 0
  let oldestPostedAt: IsoInstant | null = null
  let lastId: string | null = null
  for (const item of items) {
    const localId = objectField(item, 'id')
    if (typeof localId === 'string' && /^[\w-]{1,64}$/.test(localId)) lastId = localId
    const uri = safePermalink(objectField(item, 'uri'))
    const postedAt = graphInstant(objectField(item, 'created_at'))
    if (!uri || !postedAt) {
      rejected += 1
      continue
    }
    if (oldestPostedAt === null || postedAt < oldestPostedAt) oldestPostedAt = postedAt
    posts.push({
      provider: 'fediverse',
      mediaId: uri,
      eventId: context.eventId,
      hashtag: hashtagKey(context.hashtag),
      postedAt,
      permalink: safePermalink(objectField(item, 'url')) ?? uri,
      seenAt: context.seenAt,
    })
  }
  return { posts, rejected, oldestPostedAt, lastId }
}

function objectField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
}

// ---- What went wrong with a source, and what the poller does about it ----

export type SourceProblem =
  /** Graph code 190: the token expired or was revoked. */
  | { kind: 'token' }
  /** No token saved on this device. */
  | { kind: 'noToken' }
  | { kind: 'permission'; permission: string | null }
  | { kind: 'rateLimit' }
  /** The account's 30 hashtags of the week are used up (counted here, or refused by Instagram). */
  | { kind: 'hashtagLimit'; nextFreeAt: IsoInstant | null }
  /** An account id, a hashtag or an instance's API that does not exist. */
  | { kind: 'notFound'; host: string | null }
  | { kind: 'network'; host: string | null }
  | { kind: 'tooLarge'; host: string | null }
  | { kind: 'other'; message: string; host: string | null }

/**
 * Back off and try again (rate limits, the network, a server's bad day), or stop until the
 * organiser changes something (a token, a permission, the hashtag budget, an address).
 */
export function problemAction(problem: SourceProblem): 'retry' | 'stop' {
  switch (problem.kind) {
    case 'rateLimit':
    case 'network':
    case 'tooLarge':
    case 'other':
      return 'retry'
    default:
      return 'stop'
  }
}

export interface SourceOutcome {
  /** Posts seen in this round, even when one hashtag or instance failed. */
  posts: HashtagMedia[]
  problem: SourceProblem | null
}

// ---- Hand tallies ----

export const maxTally = 1_000_000
export const maxTallyNoteLength = 200
export type TallyError = 'notAWholeNumber' | 'negative' | 'zero' | 'tooLarge' | 'noteTooLong'

/**
 * A figure typed by the organiser: a total read in the Instagram app (0 or more) or an adjustment
 * (any whole number but 0; negative to take posts off). Spaces and "+" are forgiven.
 */
export function parseTally(input: string, kind: 'total' | 'extra'): Result<number, TallyError> {
  const compact = input.replace(/[\s\u202f\u00a0]/gu, '').replace(/^\+/, '').replace(/^[−–]/u, '-')
  if (!/^-?\d+$/.test(compact)) return err('notAWholeNumber')
  const value = Number(compact)
  if (kind === 'total' && value < 0) return err('negative')
  if (kind === 'extra' && value === 0) return err('zero')
  if (Math.abs(value) > maxTally) return err('tooLarge')
  return ok(value)
}
