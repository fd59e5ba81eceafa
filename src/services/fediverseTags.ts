import { instanceOrigin, tagTimelinePage, type SourceOutcome, type SourceProblem } from '@/domain/counterSources'
import { hashtagKey } from '@/domain/hashtags'
import { linkHeaderLinks } from '@/domain/postCount'
import type { HashtagMedia, Id, IsoInstant } from '@/domain/types'
import { fetchJson, NetworkError, ResponseTooLargeError, type Fetch, type JsonAnswer } from './boundedFetch'

export const maxTimelinePagesPerPoll = 5
export const timelinePageSize = 40

export interface FediverseRound {
  hosts: readonly string[]
  hashtags: readonly string[]
  eventId: Id
  /** The first instant of the event's day: older posts end the paging. */
  dayStartMs: number
  /** Whether a post (by its URI) is already kept: a page of nothing new ends the paging. */
  isKnown: (uri: string) => boolean
  now: () => IsoInstant
  fetch?: Fetch
  maxPages?: number
}

/**
 * One round of the tag timelines that Mastodon and Pixelfed share (no account needed): each
 * instance and hashtag, newest first, page after page until posts are older than the event's day,
 * already known, or the pages run out. A post seen through two instances has one URI: it counts once.
 */
export async function pollFediverse(round: FediverseRound): Promise<SourceOutcome> {
  const posts: HashtagMedia[] = []
  let problem: SourceProblem | null = null
  for (const host of round.hosts) {
    const origin = instanceOrigin(host)
    for (const hashtag of new Set(round.hashtags.map(hashtagKey))) {
      const failed = await pollTimeline(round, host, origin, hashtag, posts)
      problem ??= failed
      // A rate limit from one instance says nothing about the others, but the next round waits anyway.
    }
  }
  return { posts, problem }
}

async function pollTimeline(round: FediverseRound, host: string, origin: string, hashtag: string, posts: HashtagMedia[]): Promise<SourceProblem | null> {
  let next: string | null = `${origin}/api/v1/timelines/tag/${encodeURIComponent(hashtag)}?limit=${timelinePageSize}`
  for (let page = 0; next && page < (round.maxPages ?? maxTimelinePagesPerPoll); page += 1) {
    let answer: JsonAnswer
    try {
      answer = await fetchJson(next, { fetch: round.fetch })
    } catch (error) {
      if (error instanceof ResponseTooLargeError) return { kind: 'tooLarge', host }
      if (error instanceof NetworkError) return { kind: 'network', host }
      throw error
    }
    if (!answer.ok) {
      if (answer.status === 429) return { kind: 'rateLimit' }
      if (answer.status === 404) return { kind: 'notFound', host }
      return { kind: 'other', message: `HTTP ${answer.status}`, host }
    }
    if (!Array.isArray(answer.body)) return { kind: 'other', message: 'not a timeline', host }
    const parsed = tagTimelinePage(answer.body, { eventId: round.eventId, hashtag, seenAt: round.now() })
    const fresh = parsed.posts.filter((post) => !round.isKnown(post.mediaId))
    posts.push(...parsed.posts)
    const reachedOlderDays = parsed.oldestPostedAt !== null && Date.parse(parsed.oldestPostedAt) < round.dayStartMs
    if (answer.body.length === 0 || fresh.length === 0 || reachedOlderDays) return null
    next = nextPage(answer, origin, parsed.lastId, next)
  }
  return null
}

/** The `Link` header's next page on the same instance, or else the page before the last status seen. */
function nextPage(answer: JsonAnswer, origin: string, lastId: string | null, current: string): string | null {
  const linked = linkHeaderLinks(answer.headers.get('Link')).next
  if (linked) {
    try {
      return new URL(linked).origin === origin ? linked : null
    } catch {
      return null
    }
  }
  if (!lastId || !Array.isArray(answer.body) || answer.body.length < timelinePageSize) return null
  const url = new URL(current)
  url.searchParams.set('max_id', lastId)
  return url.href
}
