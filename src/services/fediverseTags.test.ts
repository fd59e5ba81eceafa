import { describe, expect, it } from 'vitest'
import { pollFediverse, type FediverseRound } from './fediverseTags'

type Reply = { status?: number; body: unknown; headers?: Record<string, string> }

function fakeInstances(route: (url: URL) => Reply) {
  const requests: URL[] = []
  const fetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    requests.push(url)
    const reply = route(url)
    return Promise.resolve(new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: reply.headers }))
  }
  return { fetch: fetch as typeof globalThis.fetch, requests }
}

const status = (id: string, createdAt: string, uri = `https://pixelfed.social/p/walker/${id}`) => ({
  id,
  uri,
  url: uri,
  created_at: createdAt,
  account: { username: 'walker' },
})

const dayStartMs = Date.parse('2026-07-25T22:00:00Z') // 26 July, 00:00 in Paris

function round(fetch: typeof globalThis.fetch, overrides: Partial<FediverseRound> = {}): FediverseRound {
  return {
    hosts: ['pixelfed.social'],
    hashtags: ['PhotowalkXerre'],
    eventId: 'event-1',
    dayStartMs,
    isKnown: () => false,
    now: () => '2026-07-26T12:00:00.000Z',
    fetch,
    ...overrides,
  }
}

describe('the fediverse tag timelines', () => {
  it('reads the tag timeline over https, following the Link header until posts are older than the day', async () => {
    const instance = fakeInstances((url) => {
      if (!url.searchParams.get('max_id')) {
        return {
          body: [status('30', '2026-07-26T10:00:00.000Z'), status('29', '2026-07-26T09:00:00.000Z')],
          headers: { Link: '<https://pixelfed.social/api/v1/timelines/tag/photowalkxerre?limit=40&max_id=29>; rel="next", <https://pixelfed.social/api/v1/timelines/tag/photowalkxerre?min_id=30>; rel="prev"' },
        }
      }
      return {
        body: [status('28', '2026-07-25T23:30:00.000Z'), status('27', '2026-07-25T21:00:00.000Z')],
        headers: { Link: '<https://pixelfed.social/api/v1/timelines/tag/photowalkxerre?limit=40&max_id=27>; rel="next"' },
      }
    })
    const outcome = await pollFediverse(round(instance.fetch))
    expect(outcome.problem).toBeNull()
    expect(outcome.posts.map((post) => post.mediaId)).toEqual([30, 29, 28, 27].map((id) => `https://pixelfed.social/p/walker/${id}`))
    expect(instance.requests.map((url) => url.href)).toEqual([
      'https://pixelfed.social/api/v1/timelines/tag/photowalkxerre?limit=40',
      'https://pixelfed.social/api/v1/timelines/tag/photowalkxerre?limit=40&max_id=29',
    ])
  })

  it('pages by max_id when an instance sends no Link header', async () => {
    const full = Array.from({ length: 40 }, (_, index) => status(String(100 - index), '2026-07-26T10:00:00.000Z'))
    const instance = fakeInstances((url) => (url.searchParams.get('max_id') === '61' ? { body: [] } : { body: full }))
    await pollFediverse(round(instance.fetch))
    expect(instance.requests.map((url) => url.searchParams.get('max_id'))).toEqual([null, '61'])
  })

  it('stops at a page of posts already kept', async () => {
    const instance = fakeInstances(() => ({
      body: [status('30', '2026-07-26T10:00:00.000Z')],
      headers: { Link: '<https://pixelfed.social/api/v1/timelines/tag/photowalkxerre?max_id=30>; rel="next"' },
    }))
    await pollFediverse(round(instance.fetch, { isKnown: () => true }))
    expect(instance.requests).toHaveLength(1)
  })

  it('asks every instance for every hashtag; one post seen twice keeps one URI', async () => {
    const shared = 'https://mastodon.social/users/walker/statuses/1'
    const instance = fakeInstances(() => ({ body: [status('1', '2026-07-26T10:00:00.000Z', shared)] }))
    const outcome = await pollFediverse(round(instance.fetch, { hosts: ['pixelfed.social', 'mastodon.social'], hashtags: ['PhotowalkXerre', 'SecretsAuxerre'] }))
    expect(instance.requests.map((url) => `${url.host}${url.pathname}`)).toEqual([
      'pixelfed.social/api/v1/timelines/tag/photowalkxerre',
      'pixelfed.social/api/v1/timelines/tag/secretsauxerre',
      'mastodon.social/api/v1/timelines/tag/photowalkxerre',
      'mastodon.social/api/v1/timelines/tag/secretsauxerre',
    ])
    expect(new Set(outcome.posts.map((post) => post.mediaId))).toEqual(new Set([shared]))
  })

  it('speaks plain http to this machine only', async () => {
    const instance = fakeInstances(() => ({ body: [] }))
    await pollFediverse(round(instance.fetch, { hosts: ['127.0.0.1:4191', 'localhost:8080', 'pixelfed.social'] }))
    expect(instance.requests.map((url) => url.origin)).toEqual(['http://127.0.0.1:4191', 'http://localhost:8080', 'https://pixelfed.social'])
  })

  it('keeps statuses whose URI is https only, and never follows a next page on another host', async () => {
    const instance = fakeInstances(() => ({
      body: [status('1', '2026-07-26T10:00:00.000Z'), status('2', '2026-07-26T10:00:00.000Z', 'http://insecure.test/2'), { id: '3', created_at: 'yesterday', uri: 'https://pixelfed.social/p/3' }],
      headers: { Link: '<https://elsewhere.test/api/v1/timelines/tag/photowalkxerre?max_id=1>; rel="next"' },
    }))
    const outcome = await pollFediverse(round(instance.fetch))
    expect(outcome.posts.map((post) => post.mediaId)).toEqual(['https://pixelfed.social/p/walker/1'])
    expect(instance.requests).toHaveLength(1)
  })

  it('says which instance failed and carries on with the others', async () => {
    const instance = fakeInstances((url) => (url.host === 'down.example' ? { status: 503, body: null } : { body: [status('1', '2026-07-26T10:00:00.000Z')] }))
    const outcome = await pollFediverse(round(instance.fetch, { hosts: ['down.example', 'pixelfed.social'] }))
    expect(outcome.problem).toEqual({ kind: 'other', message: 'HTTP 503', host: 'down.example' })
    expect(outcome.posts).toHaveLength(1)
  })

  it.each([
    [429, { kind: 'rateLimit' }],
    [404, { kind: 'notFound', host: 'pixelfed.social' }],
  ])('says what HTTP %i means', async (code, problem) => {
    const instance = fakeInstances(() => ({ status: code, body: { error: 'no' } }))
    expect((await pollFediverse(round(instance.fetch))).problem).toEqual(problem)
  })

  it('says the network failed when an instance does not answer', async () => {
    const outcome = await pollFediverse(round(() => Promise.reject(new TypeError('Failed to fetch'))))
    expect(outcome.problem).toEqual({ kind: 'network', host: 'pixelfed.social' })
  })
})
