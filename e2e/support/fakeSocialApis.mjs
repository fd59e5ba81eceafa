// A stand-in for the Instagram Graph API and the fediverse tag timelines, for end-to-end tests:
// the documented response shapes (Graph `data` / `paging.cursors` / `paging.next` and error
// objects; Mastodon statuses with `Link` headers), CORS as the real services send it, and a small
// control API with which a test adds posts, makes a source fail and counts the requests it got.
import { createServer } from 'node:http'

const port = Number(process.argv[2] ?? 4175)
const origin = `http://127.0.0.1:${port}`

function freshState() {
  return {
    /** Hashtag name (lowercase) → Graph id. */
    hashtagIds: new Map(),
    /** Graph hashtag id → media, newest first. */
    media: new Map(),
    /** Tag (lowercase) → statuses, newest first. */
    statuses: new Map(),
    /** Provider → { kind, times } while it is made to fail. */
    failures: new Map(),
    requests: { instagram: 0, fediverse: 0 },
    nextMediaId: 18000000000000001n,
    nextStatusId: 110000000000000001n,
  }
}
let state = freshState()

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Content-Type, Authorization',
  'Access-Control-Expose-Headers': 'Link, X-App-Usage',
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...corsHeaders, ...headers })
  response.end(body === undefined ? '' : JSON.stringify(body))
}

async function readBody(request) {
  let text = ''
  for await (const chunk of request) text += chunk
  return text ? JSON.parse(text) : {}
}

/** The failure in force for a provider, counted down when it is for a number of requests. */
function takeFailure(provider) {
  const failure = state.failures.get(provider)
  if (!failure) return null
  if (failure.times !== null) {
    failure.times -= 1
    if (failure.times <= 0) state.failures.delete(provider)
  }
  return failure.kind
}

const graphErrors = {
  token: [400, { error: { message: 'Error validating access token: Session has expired on Saturday, 25-Jul-26 16:00:00 PDT.', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'AbCdEfGh123' } }],
  rateLimit: [429, { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true, fbtrace_id: 'AbCdEfGh124' } }],
  permission: [403, { error: { message: '(#10) Application does not have permission for this action: instagram_basic', type: 'OAuthException', code: 10, fbtrace_id: 'AbCdEfGh125' } }],
}

function graph(url, response) {
  state.requests.instagram += 1
  const failure = takeFailure('instagram')
  if (failure) {
    const [status, body] = graphErrors[failure]
    return send(response, status, body, failure === 'rateLimit' ? { 'X-App-Usage': '{"call_count":100,"total_cputime":12,"total_time":20}' } : {})
  }
  if (!url.searchParams.get('access_token')) return send(response, 400, { error: { message: 'An access token is required to request this resource.', type: 'OAuthException', code: 104 } })
  const parts = url.pathname.split('/').filter(Boolean) // [version, edge] or [version, id, 'recent_media']
  if (parts[1] === 'ig_hashtag_search') {
    const name = (url.searchParams.get('q') ?? '').toLowerCase()
    if (!state.hashtagIds.has(name)) state.hashtagIds.set(name, String(17843000000000000n + BigInt(state.hashtagIds.size + 1)))
    return send(response, 200, { data: [{ id: state.hashtagIds.get(name) }] })
  }
  if (parts[2] === 'recent_media' && url.searchParams.get('user_id')) {
    const all = state.media.get(parts[1]) ?? []
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), 50)
    const offset = Number(Buffer.from(url.searchParams.get('after') ?? '', 'base64url').toString() || 0)
    const page = all.slice(offset, offset + limit)
    const paging = { cursors: { before: Buffer.from(String(offset)).toString('base64url'), after: Buffer.from(String(offset + page.length)).toString('base64url') } }
    if (offset + page.length < all.length) {
      const next = new URL(url)
      next.searchParams.set('after', paging.cursors.after)
      paging.next = next.href
    }
    return send(response, 200, { data: page, paging })
  }
  return send(response, 400, { error: { message: 'Unsupported get request.', type: 'GraphMethodException', code: 100, error_subcode: 33 } })
}

function timeline(url, response) {
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
  const headers = {}
  if (page.length > 0) {
    const base = `${origin}/api/v1/timelines/tag/${encodeURIComponent(tag)}?limit=${limit}`
    headers.Link = `<${base}&max_id=${page.at(-1).id}>; rel="next", <${base}&min_id=${page[0].id}>; rel="prev"`
  }
  return send(response, 200, page, headers)
}

async function control(url, request, response) {
  const path = url.pathname.replace('/control/', '')
  if (path === 'health') return send(response, 200, { ok: true })
  if (path === 'requests') return send(response, 200, state.requests)
  const body = request.method === 'POST' ? await readBody(request) : {}
  if (path === 'reset') {
    state = freshState()
    return send(response, 200, { ok: true })
  }
  if (path === 'instagram/posts') {
    const name = String(body.hashtag).toLowerCase()
    if (!state.hashtagIds.has(name)) state.hashtagIds.set(name, String(17843000000000000n + BigInt(state.hashtagIds.size + 1)))
    const id = state.hashtagIds.get(name)
    const list = state.media.get(id) ?? []
    for (let index = 0; index < (body.count ?? 1); index += 1) {
      const mediaId = String(state.nextMediaId++)
      list.unshift({ id: mediaId, timestamp: body.timestamp, media_type: 'IMAGE', permalink: `https://www.instagram.com/p/${mediaId}/`, caption: `#${name}` })
    }
    state.media.set(id, list)
    return send(response, 200, { count: list.length })
  }
  if (path === 'fediverse/posts') {
    const tag = String(body.hashtag).toLowerCase()
    const list = state.statuses.get(tag) ?? []
    for (let index = 0; index < (body.count ?? 1); index += 1) {
      const id = String(state.nextStatusId++)
      const uri = body.uri ?? `https://pixelfed.example/p/walker/${id}`
      list.unshift({ id, uri, url: uri, created_at: body.created_at, content: `<p>#${tag}</p>`, account: { id: '1', username: 'walker' } })
    }
    state.statuses.set(tag, list)
    return send(response, 200, { count: list.length })
  }
  if (path === 'fail') {
    state.failures.set(body.provider, { kind: body.kind, times: body.times ?? null })
    return send(response, 200, { ok: true })
  }
  if (path === 'heal') {
    state.failures.delete(body.provider)
    return send(response, 200, { ok: true })
  }
  return send(response, 404, { error: 'unknown control' })
}

createServer((request, response) => {
  const url = new URL(request.url ?? '/', origin)
  if (request.method === 'OPTIONS') return send(response, 204)
  if (url.pathname.startsWith('/control/')) {
    control(url, request, response).catch((error) => send(response, 500, { error: String(error) }))
    return
  }
  if (url.pathname.startsWith('/api/v1/timelines/tag/')) return timeline(url, response)
  if (/^\/v\d+\.\d+\//.test(url.pathname)) return graph(url, response)
  return send(response, 404, { error: 'Record not found' })
}).listen(port, '127.0.0.1', () => console.log(`fake social APIs on ${origin}`))
