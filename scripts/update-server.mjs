// Serves the production build like a static host, with one twist for the update test: the
// service worker script carries the build number found in the request's `build` cookie, so a
// test can make a new version of the app appear on its own browser context by setting a cookie.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const port = Number(process.argv[2] ?? 4174)
const root = fileURLToPath(new URL('../dist/', import.meta.url))
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
}

async function resolveFile(pathname) {
  const candidate = normalize(join(root, decodeURIComponent(pathname)))
  if (!candidate.startsWith(root)) return null
  try {
    if ((await stat(candidate)).isFile()) return candidate
  } catch {
    // Not a file: fall through to the single-page app's index.
  }
  return extname(pathname) === '' ? join(root, 'index.html') : null
}

createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
  const file = await resolveFile(url.pathname)
  if (!file) {
    response.writeHead(404).end('not found')
    return
  }
  let body = await readFile(file)
  if (url.pathname === '/sw.js') {
    const build = /(?:^|;\s*)build=(\d+)/.exec(request.headers.cookie ?? '')?.[1] ?? '1'
    body = Buffer.concat([body, Buffer.from(`\n// build ${build}\n`)])
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
  response.end(body)
}).listen(port, '127.0.0.1')
