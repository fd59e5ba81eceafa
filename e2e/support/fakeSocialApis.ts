// A stand-in for the Instagram Graph API and the fediverse tag timelines, for end-to-end tests:
// the documented response shapes (Graph `data` / `paging.cursors` / `paging.next` and error
// objects; Mastodon statuses with `Link` headers), CORS as the real services send it, and a small
// control API with which a test adds posts, makes a source fail and counts the requests it got.
// Each Playwright worker starts its own on a free port of 127.0.0.1, so parallel runs never share
// its state.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

type Provider = 'instagram' | 'fediverse'
type FailureKind = 'token' | 'rateLimit' | 'permission'

interface Media {
  id: string
  timestamp: string
  media_type: string
  permalink: string
  caption: string
}
interface Status {
  id: string
  uri: string
  url: string
  created_at: string
  content: string
  account: { id: string; username: string }
}

function freshState() {
  return {
    /** Hashtag name (lowercase) → Graph id. */
    hashtagIds: new Map<string, string>(),
    /** Graph hashtag id → media, newest first. */
    media: new Map<string, Media[]>(),
    /** Tag (lowercase) → statuses, newest first. */
    statuses: new Map<string, Status[]>(),
    failures: new Map<Provider, { kind: FailureKind; times: number | null }>(),
    requests: { instagram: 0, fediverse: 0 },
    nextMediaId: 18000000000000001n,
    nextStatusId: 110000000000000001n,
  }
}

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Content-Type, Authorization',
  'Access-Control-Expose-Headers': 'Link, X-App-Usage',
}

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...corsHeaders, ...headers })
  response.end(body === undefined ? '' : JSON.stringify(body))
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of request) text += String(chunk)
  return text ? (JSON.parse(text) as Record<string, unknown>) : {}
}

const graphErrors: Record<FailureKind, [number, unknown]> = {
  token: [400, { error: { message: 'Error validating access token: Session has expired on Saturday, 24-Jul-27 01:00:00 PDT.', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'AbCdEfGh123' } }],
  rateLimit: [429, { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true, fbtrace_id: 'AbCdEfGh124' } }],
  permission: [403, { error: { message: '(#10) Application does not have permission for this action: instagram_basic', type: 'OAuthException', code: 10, fbtrace_id: 'AbCdEfGh125' } }],
}

/** Starts the fake on `port` (0: any free port) of 127.0.0.1. */
export async function startFakeSocialApis(port = 0): Promise<{ origin: string; host: string; close: () => Promise<void> }> {
  let state = freshState()
  let origin = ''

  const hashtagId = (name: string): string => {
    let id = state.hashtagIds.get(name)
    if (!id) {
      id = String(17843000000000000n + BigInt(state.hashtagIds.size + 1))
      state.hashtagIds.set(name, id)
    }
    return id
  }

  /** The failure in force for a provider, counted down when it is for a number of requests. */
  const takeFailure = (provider: Provider): FailureKind | null => {
    const failure = state.failures.get(provider)
    if (!failure) return null
    if (failure.times !== null) {
      failure.times -= 1
      if (failure.times <= 0) state.failures.delete(provider)
    }
    return failure.kind
  }

  function graph(url: URL, response: ServerResponse) {
    state.requests.instagram += 1
    const failure = takeFailure('instagram')
    if (failure) {
      const [status, body] = graphErrors[failure]
      return send(response, status, body, failure === 'rateLimit' ? { 'X-App-Usage': '{"call_count":100,"total_cputime":12,"total_time":20}' } : {})
    }
    if (!url.searchParams.get('access_token')) {
      return send(response, 400, { error: { message: 'An access token is required to request this resource.', type: 'OAuthException', code: 104 } })
    }
    const parts = url.pathname.split('/').filter(Boolean) // [version, edge] or [version, id, 'recent_media']
    if (parts[1] === 'ig_hashtag_search') return send(response, 200, { data: [{ id: hashtagId((url.searchParams.get('q') ?? '').toLowerCase()) }] })
    if (parts[2] === 'recent_media' && parts[1] && url.searchParams.get('user_id')) {
      const all = state.media.get(parts[1]) ?? []
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), 50)
      const offset = Number(Buffer.from(url.searchParams.get('after') ?? '', 'base64url').toString() || 0)
      const page = all.slice(offset, offset + limit)
      const cursors = { before: Buffer.from(String(offset)).toString('base64url'), after: Buffer.from(String(offset + page.length)).toString('base64url') }
      const paging: { cursors: typeof cursors; next?: string } = { cursors }
      if (offset + page.length < all.length) {
        const next = new URL(url)
        next.searchParams.set('after', cursors.after)
        paging.next = next.href
      }
      return send(response, 200, { data: page, paging })
    }
    return send(response, 400, { error: { message: 'Unsupported get request.', type: 'GraphMethodException', code: 100, error_subcode: 33 } })
  }

  function timeline(url: URL, response: ServerResponse) {
    state.requests.fediverse += 1
    const failure = takeFailure('fediverse')
    if (failure === 'rateLimit') return send(response, 429, { error: 'Too many requests' }, { 'X-RateLimit-Remaining': '0' })
    if (failure) return send(response, 503, { error: 'Service unavailable' })
    const tag = decodeURIComponent(url.pathname.split('/').pop() ?? '').toLowerCase()
    const all = state.statuses.get(tag) ?? []
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 40)
    const maxId = url.searchParams.get('max_id')
    const older = maxId ? all.filter((status) => BigInt(status.id) < BigInt(maxId)) : all
    const page = older.slice(0, limit)
    const headers: Record<string, string> = {}
    const first = page[0]
    const last = page.at(-1)
    if (first && last) {
      const base = `${origin}/api/v1/timelines/tag/${encodeURIComponent(tag)}?limit=${limit}`
      headers.Link = `<${base}&max_id=${last.id}>; rel="next", <${base}&min_id=${first.id}>; rel="prev"`
    }
    return send(response, 200, page, headers)
  }

  async function control(url: URL, request: IncomingMessage, response: ServerResponse) {
    const path = url.pathname.replace('/control/', '')
    if (path === 'health') return send(response, 200, { ok: true })
    if (path === 'requests') return send(response, 200, state.requests)
    const body = request.method === 'POST' ? await readBody(request) : {}
    const count = typeof body.count === 'number' ? body.count : 1
    if (path === 'reset') {
      state = freshState()
      return send(response, 200, { ok: true })
    }
    if (path === 'instagram/posts') {
      const name = String(body.hashtag).toLowerCase()
      const id = hashtagId(name)
      const list = state.media.get(id) ?? []
      for (let index = 0; index < count; index += 1) {
        const mediaId = String(state.nextMediaId++)
        list.unshift({ id: mediaId, timestamp: String(body.timestamp), media_type: 'IMAGE', permalink: `https://www.instagram.com/p/${mediaId}/`, caption: `#${name}` })
      }
      state.media.set(id, list)
      return send(response, 200, { count: list.length })
    }
    if (path === 'fediverse/posts') {
      const tag = String(body.hashtag).toLowerCase()
      const list = state.statuses.get(tag) ?? []
      for (let index = 0; index < count; index += 1) {
        const id = String(state.nextStatusId++)
        const uri = typeof body.uri === 'string' ? body.uri : `https://pixelfed.example/p/walker/${id}`
        list.unshift({ id, uri, url: uri, created_at: String(body.created_at), content: `<p>#${tag}</p>`, account: { id: '1', username: 'walker' } })
      }
      state.statuses.set(tag, list)
      return send(response, 200, { count: list.length })
    }
    if (path === 'fail') {
      state.failures.set(body.provider as Provider, { kind: body.kind as FailureKind, times: typeof body.times === 'number' ? body.times : null })
      return send(response, 200, { ok: true })
    }
    if (path === 'heal') {
      state.failures.delete(body.provider as Provider)
      return send(response, 200, { ok: true })
    }
    return send(response, 404, { error: 'unknown control' })
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin)
    if (request.method === 'OPTIONS') return send(response, 204)
    if (url.pathname.startsWith('/control/')) {
      control(url, request, response).catch((error: unknown) => send(response, 500, { error: String(error) }))
      return
    }
    if (url.pathname.startsWith('/api/v1/timelines/tag/')) return timeline(url, response)
    if (/^\/v\d+\.\d+\//.test(url.pathname)) return graph(url, response)
    return send(response, 404, { error: 'Record not found' })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: actual } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${actual}`
  return {
    origin,
    host: `127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
