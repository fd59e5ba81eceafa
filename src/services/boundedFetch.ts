/** Answers from outside are read up to this size; a bigger one is refused rather than parsed. */
export const maxResponseBytes = 4 * 1024 * 1024

/** The request never got an answer: no network, DNS, refused connection, CORS. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The request got no answer', { cause })
    this.name = 'NetworkError'
  }
}

export class ResponseTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The answer is larger than ${limitBytes} bytes`)
    this.name = 'ResponseTooLargeError'
  }
}

export interface JsonAnswer {
  status: number
  ok: boolean
  headers: Headers
  /** The parsed JSON, or null when the body was empty or not JSON. */
  body: unknown
}

export type Fetch = typeof globalThis.fetch

/** GET a JSON document, reading at most `maxBytes` of it; credentials and referrer are never sent. */
export async function fetchJson(url: string, options: { fetch?: Fetch; maxBytes?: number; signal?: AbortSignal } = {}): Promise<JsonAnswer> {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis)
  const maxBytes = options.maxBytes ?? maxResponseBytes
  let response: Response
  try {
    response = await fetchFn(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: options.signal,
    })
  } catch (error) {
    throw new NetworkError(error)
  }
  const declared = Number(response.headers.get('Content-Length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel()
    throw new ResponseTooLargeError(maxBytes)
  }
  const text = await readText(response, maxBytes)
  return { status: response.status, ok: response.ok, headers: response.headers, body: parseJson(text) }
}

function parseJson(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

async function readText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel()
        throw new ResponseTooLargeError(maxBytes)
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof ResponseTooLargeError) throw error
    throw new NetworkError(error)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}
