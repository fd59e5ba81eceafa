/**
 * The canonical JSON form of a value, as RFC 8785 (JSON Canonicalization Scheme) describes it for
 * the values this app hashes: object members sorted by key (UTF-16 code units, as JavaScript
 * compares strings), no whitespace, strings escaped as `JSON.stringify` escapes them, numbers as
 * ECMAScript writes them (the app hashes integers and short decimals only), `null`, booleans and
 * arrays in order. Anything JSON cannot carry — `undefined`, a function, NaN, Infinity — is refused
 * rather than silently dropped, so two different records can never hash alike.
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = []
  write(value, parts, 0, 0)
  return parts.join('')
}

/**
 * The canonical form laid out for a person: the members and items of the first `levels` levels
 * each on a line of their own, indented by two spaces; anything deeper on one line (a record's
 * signature strokes stay one line, not one line per coordinate). The same value as the canonical
 * form, in the same order; only whitespace is added.
 */
export function canonicalJsonIndented(value: unknown, levels: number): string {
  const parts: string[] = []
  write(value, parts, 0, levels)
  return parts.join('')
}

// One pass that appends to `parts`: a thousand records with their strokes are megabytes of JSON.
function write(value: unknown, parts: string[], depth: number, indentedLevels: number): void {
  if (value === null) {
    parts.push('null')
    return
  }
  switch (typeof value) {
    case 'boolean':
      parts.push(value ? 'true' : 'false')
      return
    case 'string':
      parts.push(JSON.stringify(value))
      return
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no place for NaN or Infinity')
      // -0 is written 0, as RFC 8785 requires; otherwise as ECMAScript writes a number.
      parts.push(Object.is(value, -0) ? '0' : String(value))
      return
    case 'object': {
      const indented = depth < indentedLevels
      const inner = indented ? `\n${'  '.repeat(depth + 1)}` : ''
      const close = indented ? `\n${'  '.repeat(depth)}` : ''
      if (Array.isArray(value)) {
        parts.push('[')
        value.forEach((item, index) => {
          parts.push(index === 0 ? inner : `,${inner}`)
          write(item, parts, depth + 1, indentedLevels)
        })
        parts.push(value.length > 0 ? `${close}]` : ']')
        return
      }
      const object = value as Record<string, unknown>
      // Default sort order: UTF-16 code units, as RFC 8785 sorts member names.
      const keys = Object.keys(object).sort()
      parts.push('{')
      keys.forEach((key, index) => {
        parts.push(index === 0 ? inner : `,${inner}`, JSON.stringify(key), indented ? ': ' : ':')
        write(object[key], parts, depth + 1, indentedLevels)
      })
      parts.push(keys.length > 0 ? `${close}}` : '}')
      return
    }
    default:
      throw new TypeError(`canonical JSON has no place for a ${typeof value}`)
  }
}

/** The canonical form as UTF-8 bytes: what a digest is taken of. */
export const canonicalBytes = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value))
