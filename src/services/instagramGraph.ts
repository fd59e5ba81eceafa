import { hashtagIdFrom, isAllowedEndpoint, recentMediaPage, type CounterSettings, type SourceOutcome, type SourceProblem } from '@/domain/counterSources'
import { hashtagKey } from '@/domain/hashtags'
import { graphProblem, hashtagBudget, usageNearLimit } from '@/domain/postCount'
import type { HashtagLookup, HashtagMedia, Id, IsoInstant } from '@/domain/types'
import { fetchJson, NetworkError, ResponseTooLargeError, type Fetch, type JsonAnswer } from './boundedFetch'

/** Pages of 50 followed per hashtag and poll: enough for a photowalk's hour, bounded for the data plan. */
export const maxGraphPagesPerPoll = 5
export const recentMediaFields = 'id,timestamp,media_type,permalink,caption'

export interface InstagramRound {
  settings: CounterSettings['instagram']
  token: string
  eventId: Id
  hashtags: readonly string[]
  /** Hashtag ids this account already looked up (they are kept for good; the week counts from each first lookup). */
  lookups: readonly HashtagLookup[]
  saveLookup: (lookup: HashtagLookup) => Promise<void>
  now: () => IsoInstant
  fetch?: Fetch
  maxPages?: number
}

/**
 * One round of the Instagram Graph API (Instagram API with Facebook Login): each hashtag's id,
 * looked up once per account and kept, then its `recent_media`, page after page. Posts of the
 * hashtags that answered are returned even when another failed; the first problem is said.
 */
export async function pollInstagram(round: InstagramRound): Promise<SourceOutcome> {
  const { settings, token } = round
  const root = `${settings.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(settings.apiVersion)}`
  if (!isAllowedEndpoint(root)) return { posts: [], problem: { kind: 'other', message: 'insecure address', host: null } }
  const origin = new URL(root).origin
  const known = [...round.lookups]
  const posts: HashtagMedia[] = []
  const get = (url: string) => fetchJson(url, { fetch: round.fetch })

  for (const hashtag of new Set(round.hashtags.map(hashtagKey))) {
    let hashtagId = known.find((lookup) => lookup.hashtag === hashtag)?.hashtagId ?? null
    if (!hashtagId) {
      const budget = hashtagBudget(known, round.now())
      if (budget.left === 0) return { posts, problem: { kind: 'hashtagLimit', nextFreeAt: budget.nextFreeAt } }
      const search = new URL(`${root}/ig_hashtag_search`)
      search.search = new URLSearchParams({ user_id: settings.accountId, q: hashtag, access_token: token }).toString()
      const answer = await attempt(() => get(search.href))
      if ('problem' in answer) return { posts, problem: answer.problem }
      hashtagId = hashtagIdFrom(answer.body)
      if (!hashtagId) return { posts, problem: { kind: 'notFound', host: null } }
      const lookup: HashtagLookup = { accountId: settings.accountId, hashtag, hashtagId, firstAt: round.now() }
      await round.saveLookup(lookup)
      known.push(lookup)
    }

    const first = new URL(`${root}/${hashtagId}/recent_media`)
    first.search = new URLSearchParams({ user_id: settings.accountId, fields: recentMediaFields, limit: '50', access_token: token }).toString()
    let next: string | null = first.href
    for (let page = 0; next && page < (round.maxPages ?? maxGraphPagesPerPoll); page += 1) {
      const answer = await attempt(() => get(next ?? ''))
      if ('problem' in answer) return { posts, problem: answer.problem }
      const parsed = recentMediaPage(answer.body, { eventId: round.eventId, hashtag, seenAt: round.now() })
      posts.push(...parsed.posts)
      // Meta asks apps near their quota to slow down before it starts refusing.
      if (usageNearLimit(answer.headers.get('X-App-Usage')) || usageNearLimit(answer.headers.get('X-Business-Use-Case-Usage'))) {
        return { posts, problem: { kind: 'rateLimit' } }
      }
      // A next page elsewhere than the Graph root the organiser chose is not followed.
      next = parsed.next && new URL(parsed.next).origin === origin ? parsed.next : null
    }
  }
  return { posts, problem: null }
}

async function attempt(request: () => Promise<JsonAnswer>): Promise<JsonAnswer | { problem: SourceProblem }> {
  let answer: JsonAnswer
  try {
    answer = await request()
  } catch (error) {
    if (error instanceof ResponseTooLargeError) return { problem: { kind: 'tooLarge', host: null } }
    if (error instanceof NetworkError) return { problem: { kind: 'network', host: null } }
    throw error
  }
  if (answer.ok && objectHasNoError(answer.body)) return answer
  return { problem: fromGraph(answer) }
}

function objectHasNoError(body: unknown): boolean {
  return !(typeof body === 'object' && body !== null && 'error' in body)
}

function fromGraph(answer: JsonAnswer): SourceProblem {
  const problem = graphProblem(answer.status, answer.body)
  switch (problem.kind) {
    case 'token':
    case 'rateLimit':
      return { kind: problem.kind }
    case 'permission':
      return { kind: 'permission', permission: problem.permission }
    case 'hashtagLimit':
      return { kind: 'hashtagLimit', nextFreeAt: null }
    case 'notFound':
      return { kind: 'notFound', host: null }
    case 'other':
      return { kind: 'other', message: problem.message, host: null }
  }
}
