import { epochMsToZoned, isOnLocalDate } from './time'
import type { HashtagMedia, HashtagSample, IsoInstant, LocalDate } from './types'

/**
 * The day's count of posts: what each source saw, counted once per post, on the event's date in
 * the event's time zone, plus what the organiser tallied by hand.
 */

/** A post as the count needs it. */
export type SeenPost = Pick<HashtagMedia, 'provider' | 'mediaId' | 'postedAt'>

/** A change to the hand count (a tap, a total read, an adjustment); readings are left out. */
export type ManualTally = Pick<HashtagSample, 'id' | 'kind' | 'count' | 'at'>

export interface DayCount {
  instagram: number
  fediverse: number
  /** Taps and totals read by hand. */
  manual: number
  /** Adjustments. */
  extra: number
  total: number
}

const postIdentity = (post: SeenPost) => `${post.provider}\u0000${post.mediaId}`

/** The event's posts published on its date: each post once, however many hashtags or pages it came through. */
export function postsOfTheDay<Post extends SeenPost>(posts: readonly Post[], event: { date: LocalDate; timeZone: string }): Post[] {
  const seen = new Map<string, Post>()
  for (const post of posts) {
    if (!post.postedAt) continue
    const epochMs = Date.parse(post.postedAt)
    if (Number.isNaN(epochMs) || !isOnLocalDate(epochMs, event.date, event.timeZone)) continue
    const identity = postIdentity(post)
    if (!seen.has(identity)) seen.set(identity, post)
  }
  return [...seen.values()]
}

const byTime = (a: Pick<ManualTally, 'at' | 'id'>, b: Pick<ManualTally, 'at' | 'id'>) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** The hand count: the latest total read, plus the taps after it; adjustments apart. */
export function manualTally(records: readonly ManualTally[]): { manual: number; extra: number } {
  let manual = 0
  let extra = 0
  for (const record of [...records].sort(byTime)) {
    if (record.kind === 'total') manual = record.count
    else if (record.kind === 'plusOne') manual += record.count
    else if (record.kind === 'extra') extra += record.count
  }
  return { manual, extra }
}

/** The day's count, by source and in all. */
export function dayCount(posts: readonly SeenPost[], tallies: readonly ManualTally[], event: { date: LocalDate; timeZone: string }): DayCount {
  const ofTheDay = postsOfTheDay(posts, event)
  const instagram = ofTheDay.filter((post) => post.provider === 'instagram').length
  const fediverse = ofTheDay.length - instagram
  const { manual, extra } = manualTally(tallies)
  return { instagram, fediverse, manual, extra, total: Math.max(0, instagram + fediverse + manual + extra) }
}

/**
 * Posts per hour of the event's day, by the local hour on its clock (24 bars; on the night clocks
 * go back, the repeated hour's posts fall in one bar).
 */
export function postsPerHour(posts: readonly SeenPost[], event: { date: LocalDate; timeZone: string }): number[] {
  const hours = Array.from({ length: 24 }, () => 0)
  for (const post of postsOfTheDay(posts, event)) {
    const hour = Number(epochMsToZoned(Date.parse(post.postedAt ?? ''), event.timeZone).time.slice(0, 2))
    hours[hour] = (hours[hour] ?? 0) + 1
  }
  return hours
}

/** The latest posts first, for the list of links. */
export function latestPosts<Post extends SeenPost>(posts: readonly Post[], event: { date: LocalDate; timeZone: string }, count: number): Post[] {
  return postsOfTheDay(posts, event)
    .sort((a, b) => ((a.postedAt ?? '') < (b.postedAt ?? '') ? 1 : (a.postedAt ?? '') > (b.postedAt ?? '') ? -1 : 0))
    .slice(0, count)
}

// ---- Polling: how often, and how long to wait after a failure ----

export const defaultPollSeconds = 60
/** Instagram's hashtag edges and public fediverse timelines are not meant to be polled faster. */
export const shortestPollSeconds = 30
export const longestBackoffSeconds = 30 * 60

export function pollSeconds(chosen: number | null | undefined): number {
  if (chosen == null || !Number.isFinite(chosen)) return defaultPollSeconds
  return Math.min(Math.max(Math.round(chosen), shortestPollSeconds), 24 * 60 * 60)
}

/**
 * Seconds to wait after `failures` failures in a row (1, 2…): twice as long each time from the
 * poll interval, at most 30 minutes, with "equal jitter" (half fixed, half random, `random` in
 * [0, 1)) so that several phones of one office do not retry in step.
 */
export function backoffSeconds(failures: number, intervalSeconds: number, random: number): number {
  const ceiling = Math.min(longestBackoffSeconds, intervalSeconds * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1))
}

// ---- Instagram's limits ----

export const hashtagLookupsPerWeek = 30
const weekMs = 7 * 24 * 60 * 60 * 1000

export interface HashtagBudget {
  used: number
  left: number
  /** When the oldest lookup of the week stops counting, if the budget is used up. */
  nextFreeAt: IsoInstant | null
}

/**
 * How many distinct hashtags this account may still look up: 30 in any rolling 7 days, each from
 * its first lookup (a repeated lookup within the week neither counts again nor restarts it).
 */
export function hashtagBudget(lookups: readonly { hashtag: string; firstAt: IsoInstant }[], now: IsoInstant): HashtagBudget {
  const nowMs = Date.parse(now)
  const within = new Map<string, number>()
  for (const lookup of lookups) {
    const at = Date.parse(lookup.firstAt)
    if (nowMs - at >= weekMs) continue
    const previous = within.get(lookup.hashtag)
    if (previous === undefined || at < previous) within.set(lookup.hashtag, at)
  }
  const used = within.size
  const left = Math.max(0, hashtagLookupsPerWeek - used)
  const oldest = Math.min(...within.values())
  return { used, left, nextFreeAt: left === 0 ? new Date(oldest + weekMs).toISOString() : null }
}

export type GraphProblem =
  | { kind: 'token' }
  | { kind: 'permission'; permission: string | null }
  | { kind: 'rateLimit' }
  | { kind: 'hashtagLimit' }
  | { kind: 'notFound' }
  | { kind: 'other'; message: string }

const rateLimitCodes = new Set([4, 17, 32, 613])

/**
 * What a Graph API error means for the organiser: a token to renew (190), a permission missing
 * (10, 200–299), a rate limit to back off from (4, 17, 32, 613, HTTP 429), the 30-hashtag weekly
 * limit, or something else said as Instagram said it. Instagram documents no code of its own for
 * the hashtag limit: the app counts its lookups itself (`hashtagBudget`) and never asks beyond it;
 * a refusal that still comes (lookups made by another app on the account) is recognised by its words.
 */
export function graphProblem(status: number, body: unknown): GraphProblem {
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : null
  const fields = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {}
  const code = typeof fields.code === 'number' ? fields.code : null
  const message = typeof fields.message === 'string' ? fields.message : ''
  if (code === 190 || status === 401) return { kind: 'token' }
  if (/hashtag/i.test(message) && /\b(30|limit|maximum)\b/i.test(message)) return { kind: 'hashtagLimit' }
  if (status === 429 || (code !== null && rateLimitCodes.has(code))) return { kind: 'rateLimit' }
  if (code === 10 || (code !== null && code >= 200 && code < 300) || status === 403) {
    const named = /\b(instagram_[a-z_]+|pages_[a-z_]+|business_management|ads_management)\b/.exec(message)
    return { kind: 'permission', permission: named?.[1] ?? null }
  }
  if (status === 404) return { kind: 'notFound' }
  return { kind: 'other', message: message.slice(0, 300) || `HTTP ${status}` }
}

/**
 * Whether Meta's `X-App-Usage` (or `X-Business-Use-Case-Usage`) header says the app is close to
 * its limit: any of its percentages at 95 or more. Unreadable headers say nothing.
 */
export function usageNearLimit(header: string | null): boolean {
  if (!header) return false
  try {
    const parsed: unknown = JSON.parse(header)
    const percentages: number[] = []
    const collect = (value: unknown): void => {
      if (typeof value === 'number') percentages.push(value)
      else if (Array.isArray(value)) value.forEach(collect)
      else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) if (key !== 'type' && key !== 'estimated_time_to_regain_access') collect(inner)
      }
    }
    collect(parsed)
    return percentages.some((percentage) => percentage >= 95)
  } catch {
    return false
  }
}

// ---- The fediverse's paging ----

/** The `next` and `prev` links of an HTTP `Link` header, as Mastodon and Pixelfed send them. */
export function linkHeaderLinks(header: string | null): { next: string | null; prev: string | null } {
  const links = { next: null as string | null, prev: null as string | null }
  if (!header) return links
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([a-z ]+)"?/i.exec(part.trim())
    if (!match?.[1] || !match[2]) continue
    for (const rel of match[2].toLowerCase().split(/\s+/)) {
      if (rel === 'next' || rel === 'prev') links[rel] ??= match[1]
    }
  }
  return links
}

/** A fediverse instance host as typed ("https://pixelfed.social/", "Mastodon.Social"), or null. */
export function normaliseInstanceHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '')
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/.test(trimmed)) return null
  return trimmed
}
