/**
 * The canonical JSON form of a value, as RFC 8785 (JSON Canonicalization Scheme) describes it for
 * the values this app hashes: object members sorted by key (UTF-16 code units, as JavaScript
 * compares strings), no whitespace, strings escaped as `JSON.stringify` escapes them, numbers as
 * ECMAScript writes them (the app hashes integers and short decimals only), `null`, booleans and
 * arrays in order. Anything JSON cannot carry — `undefined`, a function, NaN, Infinity — is refused
 * rather than silently dropped, so two different records can never hash alike.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no place for NaN or Infinity')
      // -0 is written 0, as RFC 8785 requires.
      return JSON.stringify(Object.is(value, -0) ? 0 : value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonical JSON has no place for a ${typeof value}`)
  }
}

/** The canonical form as UTF-8 bytes: what a digest is taken of. */
export const canonicalBytes = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value))
