import { describe, expect, it } from 'vitest'
import { canonicalJson, canonicalJsonIndented } from './canonicalJson'

describe('canonical JSON', () => {
  it('sorts members at every depth and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}')
  })

  it('gives the same text whatever the order the members were written in', () => {
    expect(canonicalJson({ title: 'T', items: [{ label: 'L', id: 'i' }] })).toBe(canonicalJson({ items: [{ id: 'i', label: 'L' }], title: 'T' }))
  })

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // "é" (U+00E9) sorts after "z"; "€" (U+20AC) after both; an astral character by its surrogates.
    expect(canonicalJson({ é: 1, z: 2, '€': 3, a: 4, '😀': 5 })).toBe('{"a":4,"z":2,"é":1,"€":3,"😀":5}')
  })

  it('escapes strings as JSON does, keeping non-ASCII text as it is', () => {
    expect(canonicalJson('Łucja "Ła" \\ \n Nguyễn')).toBe('"Łucja \\"Ła\\" \\\\ \\n Nguyễn"')
  })

  it('writes numbers as ECMAScript does, and -0 as 0', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 0.000001])).toBe('[1,1.5,0,1e+21,0.000001]')
  })

  it('refuses what JSON cannot carry instead of dropping it', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError)
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson([() => 1])).toThrow(TypeError)
  })
})

describe('canonical JSON laid out for a reader', () => {
  const value = { records: [{ b: 1, a: { strokes: [[1, 2], [3, 4]] } }], format: 'x', empty: [], none: {} }

  it('puts the first levels one member a line and keeps deeper values on one line', () => {
    expect(canonicalJsonIndented(value, 3)).toBe(
      ['{', '  "empty": [],', '  "format": "x",', '  "none": {},', '  "records": [', '    {', '      "a": {"strokes":[[1,2],[3,4]]},', '      "b": 1', '    }', '  ]', '}'].join('\n'),
    )
  })

  it('is the canonical form once its whitespace is taken out', () => {
    expect(JSON.stringify(JSON.parse(canonicalJsonIndented(value, 2)))).toBe(canonicalJson(value))
    expect(canonicalJsonIndented(value, 0)).toBe(canonicalJson(value))
  })
})
