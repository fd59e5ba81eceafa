import { describe, expect, it } from 'vitest'
import { defaultCounterSettings } from '@/domain/counterSources'
import type { HashtagLookup } from '@/domain/types'
import { pollInstagram, type InstagramRound } from './instagramGraph'

const base = 'https://graph.test'
const settings = { ...defaultCounterSettings.instagram, enabled: true, accountId: '17841400000000001', baseUrl: base }

type Reply = { status?: number; body: unknown; headers?: Record<string, string> }

/** A Graph API that answers from a table of paths, recording every request. */
function fakeGraph(routes: Record<string, Reply | ((url: URL) => Reply)>) {
  const requests: URL[] = []
  const fetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    requests.push(url)
    const route = routes[url.pathname + (url.searchParams.get('after') ? `?after=${url.searchParams.get('after')}` : '')] ?? routes[url.pathname]
    const reply = typeof route === 'function' ? route(url) : route ?? { status: 404, body: { error: { code: 100, message: 'Unknown path' } } }
    return Promise.resolve(new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: reply.headers }))
  }
  return { fetch: fetch as typeof globalThis.fetch, requests }
}

const media = (id: string, timestamp = '2026-07-26T10:00:00+0000') => ({ id, timestamp, media_type: 'IMAGE', permalink: `https://www.instagram.com/p/${id}/`, caption: '#photowalkxerre' })

function round(fetch: typeof globalThis.fetch, overrides: Partial<InstagramRound> = {}) {
  const saved: HashtagLookup[] = []
  const value: InstagramRound = {
    settings,
    token: 'EAAB-token-for-tests-0123456789',
    eventId: 'event-1',
    hashtags: ['PhotowalkXerre'],
    lookups: [],
    saveLookup: async (lookup) => {
      saved.push(lookup)
    },
    now: () => '2026-07-26T12:00:00.000Z',
    fetch,
    ...overrides,
  }
  return { value, saved }
}

describe('the Instagram Graph client', () => {
  it('looks a hashtag up once, keeps its id, and reads its recent media page after page', async () => {
    const graph = fakeGraph({
      '/v24.0/ig_hashtag_search': { body: { data: [{ id: '17843853986012965' }] } },
      '/v24.0/17843853986012965/recent_media': {
        body: { data: [media('1'), media('2')], paging: { cursors: { after: 'A' }, next: `${base}/v24.0/17843853986012965/recent_media?after=A` } },
      },
      '/v24.0/17843853986012965/recent_media?after=A': { body: { data: [media('2'), media('3')], paging: { cursors: { after: 'B' } } } },
    })
    const { value, saved } = round(graph.fetch)
    const outcome = await pollInstagram(value)
    expect(outcome.problem).toBeNull()
    expect(outcome.posts.map((post) => post.mediaId)).toEqual(['1', '2', '2', '3'])
    expect(outcome.posts[0]).toMatchObject({ provider: 'instagram', postedAt: '2026-07-26T10:00:00.000Z', permalink: 'https://www.instagram.com/p/1/', hashtag: 'photowalkxerre' })
    expect(saved).toEqual([{ accountId: settings.accountId, hashtag: 'photowalkxerre', hashtagId: '17843853986012965', firstAt: '2026-07-26T12:00:00.000Z' }])
    const search = graph.requests[0]
    expect(search?.searchParams.get('q')).toBe('photowalkxerre')
    expect(search?.searchParams.get('user_id')).toBe(settings.accountId)
    const recent = graph.requests[1]
    expect(recent?.searchParams.get('fields')).toBe('id,timestamp,media_type,permalink,caption')
    expect(recent?.searchParams.get('limit')).toBe('50')
  })

  it('uses a kept hashtag id without looking it up again', async () => {
    const graph = fakeGraph({ '/v24.0/42/recent_media': { body: { data: [media('9')] } } })
    const lookups = [{ accountId: settings.accountId, hashtag: 'photowalkxerre', hashtagId: '42', firstAt: '2026-07-25T08:00:00.000Z' }]
    const { value, saved } = round(graph.fetch, { lookups })
    const outcome = await pollInstagram(value)
    expect(outcome.posts.map((post) => post.mediaId)).toEqual(['9'])
    expect(graph.requests.map((url) => url.pathname)).toEqual(['/v24.0/42/recent_media'])
    expect(saved).toEqual([])
  })

  it('refuses a 31st hashtag of the week without asking Instagram, and says when one frees up', async () => {
    const graph = fakeGraph({})
    const lookups = Array.from({ length: 30 }, (_, index) => ({
      accountId: settings.accountId,
      hashtag: `tag${index}`,
      hashtagId: String(index + 1),
      firstAt: `2026-07-2${index < 15 ? 1 : 2}T08:00:00.000Z`,
    }))
    const { value } = round(graph.fetch, { lookups })
    const outcome = await pollInstagram(value)
    expect(outcome.problem).toEqual({ kind: 'hashtagLimit', nextFreeAt: '2026-07-28T08:00:00.000Z' })
    expect(graph.requests).toEqual([])
  })

  it('stops following pages at the bound for one poll', async () => {
    let page = 0
    const graph = fakeGraph({
      '/v24.0/42/recent_media': () => {
        page += 1
        return { body: { data: [media(String(page))], paging: { next: `${base}/v24.0/42/recent_media?page=${page}` } } }
      },
    })
    const lookups = [{ accountId: settings.accountId, hashtag: 'photowalkxerre', hashtagId: '42', firstAt: '2026-07-25T08:00:00.000Z' }]
    const { value } = round(graph.fetch, { lookups, maxPages: 3 })
    expect((await pollInstagram(value)).posts).toHaveLength(3)
    expect(graph.requests).toHaveLength(3)
  })

  it('does not follow a next page on another host (nor send the token there)', async () => {
    const graph = fakeGraph({ '/v24.0/42/recent_media': { body: { data: [media('1')], paging: { next: 'https://elsewhere.test/v24.0/42/recent_media?after=A' } } } })
    const lookups = [{ accountId: settings.accountId, hashtag: 'photowalkxerre', hashtagId: '42', firstAt: '2026-07-25T08:00:00.000Z' }]
    const { value } = round(graph.fetch, { lookups })
    await pollInstagram(value)
    expect(graph.requests.map((url) => url.host)).toEqual(['graph.test'])
  })

  it('drops media whose id is not digits or whose time is missing, and links that are not https', async () => {
    const graph = fakeGraph({
      '/v24.0/42/recent_media': {
        body: { data: [media('12'), { ...media('13'), permalink: 'javascript:alert(1)' }, { id: 'abc', timestamp: '2026-07-26T10:00:00+0000' }, { id: '14' }] },
      },
    })
    const lookups = [{ accountId: settings.accountId, hashtag: 'photowalkxerre', hashtagId: '42', firstAt: '2026-07-25T08:00:00.000Z' }]
    const { value } = round(graph.fetch, { lookups })
    const outcome = await pollInstagram(value)
    expect(outcome.posts.map((post) => [post.mediaId, post.permalink])).toEqual([
      ['12', 'https://www.instagram.com/p/12/'],
      ['13', null],
    ])
  })

  it.each([
    [400, { error: { code: 190, message: 'Error validating access token: Session has expired' } }, { kind: 'token' }],
    [403, { error: { code: 10, message: 'Application does not have permission for this action: instagram_basic' } }, { kind: 'permission', permission: 'instagram_basic' }],
    [400, { error: { code: 4, message: 'Application request limit reached' } }, { kind: 'rateLimit' }],
    [400, { error: { code: 17, message: 'User request limit reached' } }, { kind: 'rateLimit' }],
    [400, { error: { code: 32, message: 'Page request limit reached' } }, { kind: 'rateLimit' }],
    [400, { error: { code: 613, message: 'Calls to this api have exceeded the rate limit.' } }, { kind: 'rateLimit' }],
    [429, null, { kind: 'rateLimit' }],
    [400, { error: { code: 24, message: 'You can only query 30 unique hashtags within a 7 day period' } }, { kind: 'hashtagLimit', nextFreeAt: null }],
    [500, { error: { code: 2, message: 'Service temporarily unavailable' } }, { kind: 'other', message: 'Service temporarily unavailable', host: null }],
  ])('says what HTTP %i with %j means', async (status, body, problem) => {
    const graph = fakeGraph({ '/v24.0/ig_hashtag_search': { status, body } })
    const { value, saved } = round(graph.fetch)
    const outcome = await pollInstagram(value)
    expect(outcome.problem).toEqual(problem)
    expect(saved).toEqual([])
  })

  it('keeps what it read and slows down when X-App-Usage nears 100 %', async () => {
    const graph = fakeGraph({
      '/v24.0/42/recent_media': {
        body: { data: [media('1')], paging: { next: `${base}/v24.0/42/recent_media?after=A` } },
        headers: { 'X-App-Usage': '{"call_count":96,"total_time":20,"total_cputime":10}' },
      },
    })
    const lookups = [{ accountId: settings.accountId, hashtag: 'photowalkxerre', hashtagId: '42', firstAt: '2026-07-25T08:00:00.000Z' }]
    const { value } = round(graph.fetch, { lookups })
    const outcome = await pollInstagram(value)
    expect(outcome).toMatchObject({ problem: { kind: 'rateLimit' }, posts: [{ mediaId: '1' }] })
    expect(graph.requests).toHaveLength(1)
  })

  it('keeps the posts of a hashtag that answered when the next one fails', async () => {
    const graph = fakeGraph({
      '/v24.0/42/recent_media': { body: { data: [media('1')] } },
      '/v24.0/43/recent_media': { status: 429, body: null },
    })
    const lookups = [
      { accountId: settings.accountId, hashtag: 'photowalkxerre', hashtagId: '42', firstAt: '2026-07-25T08:00:00.000Z' },
      { accountId: settings.accountId, hashtag: 'secretsauxerre', hashtagId: '43', firstAt: '2026-07-25T08:00:00.000Z' },
    ]
    const { value } = round(graph.fetch, { lookups, hashtags: ['PhotowalkXerre', 'SecretsAuxerre'] })
    expect(await pollInstagram(value)).toMatchObject({ problem: { kind: 'rateLimit' }, posts: [{ mediaId: '1' }] })
  })

  it('says the network failed when no answer came', async () => {
    const { value } = round(() => Promise.reject(new TypeError('Failed to fetch')))
    expect((await pollInstagram(value)).problem).toEqual({ kind: 'network', host: null })
  })

  it('refuses an answer larger than the bound', async () => {
    const huge = () => Promise.resolve(new Response('x'.repeat(5 * 1024 * 1024)))
    const { value } = round(huge)
    expect((await pollInstagram(value)).problem).toEqual({ kind: 'tooLarge', host: null })
  })
})
