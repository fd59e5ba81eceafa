import { describe, expect, it } from 'vitest'
import {
  counterSettingsDraft,
  defaultCounterSettings,
  graphInstant,
  hashtagIdFrom,
  instanceOrigin,
  isAllowedEndpoint,
  maskedToken,
  normaliseToken,
  problemAction,
  readCounterSettings,
  validateCounterSettings,
  type CounterSettingsDraft,
} from './counterSources'

const draft = (overrides: Partial<CounterSettingsDraft> = {}): CounterSettingsDraft => ({ ...counterSettingsDraft(defaultCounterSettings), ...overrides })

describe('the counter’s settings', () => {
  it('keep Instagram and the fediverse off by default, polling every minute from Meta’s Graph API v24.0', () => {
    expect(validateCounterSettings(draft())).toEqual({ ok: true, value: defaultCounterSettings })
    expect(defaultCounterSettings.instagram).toMatchObject({ apiVersion: 'v24.0', baseUrl: 'https://graph.facebook.com' })
  })

  it('accept a full configuration, hosts normalised and once each', () => {
    const result = validateCounterSettings(
      draft({ instagramEnabled: true, accountId: ' 17841400000000001 ', fediverseEnabled: true, hosts: 'https://Pixelfed.social/\nmastodon.social, pixelfed.social', pollSeconds: '90', baseUrl: 'http://127.0.0.1:4191/' }),
    )
    expect(result).toEqual({
      ok: true,
      value: {
        instagram: { enabled: true, accountId: '17841400000000001', apiVersion: 'v24.0', baseUrl: 'http://127.0.0.1:4191' },
        fediverse: { enabled: true, hosts: ['pixelfed.social', 'mastodon.social'] },
        pollSeconds: 90,
      },
    })
  })

  it.each([
    [{ instagramEnabled: true, accountId: '' }, { field: 'accountId', reason: 'required' }],
    [{ accountId: '@office' }, { field: 'accountId', reason: 'digits' }],
    [{ apiVersion: '24' }, { field: 'apiVersion', reason: 'format' }],
    [{ baseUrl: 'graph.facebook.com' }, { field: 'baseUrl', reason: 'format' }],
    [{ baseUrl: 'http://graph.example.com' }, { field: 'baseUrl', reason: 'insecure' }],
    [{ fediverseEnabled: true, hosts: ' ' }, { field: 'hosts', reason: 'required' }],
    [{ hosts: 'pixelfed.social not_a host!' }, { field: 'hosts', reason: 'invalid', host: 'not_a' }],
    [{ hosts: 'a.social b.social c.social d.social e.social f.social' }, { field: 'hosts', reason: 'tooMany' }],
    [{ pollSeconds: 'soon' }, { field: 'pollSeconds', reason: 'notANumber' }],
    [{ pollSeconds: '10' }, { field: 'pollSeconds', reason: 'tooShort' }],
  ])('refuse %j', (overrides, error) => {
    const result = validateCounterSettings(draft(overrides))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContainEqual(error)
  })

  it('fall back to the defaults when what is stored is damaged', () => {
    expect(readCounterSettings(null)).toEqual(defaultCounterSettings)
    expect(readCounterSettings({ instagram: { enabled: true, accountId: 'x' } })).toEqual(defaultCounterSettings)
    const saved = { ...defaultCounterSettings, pollSeconds: 120 }
    expect(readCounterSettings(saved)).toEqual(saved)
  })
})

describe('addresses and tokens', () => {
  it('allow https anywhere and http to this machine only', () => {
    expect(isAllowedEndpoint('https://graph.facebook.com/v24.0')).toBe(true)
    expect(isAllowedEndpoint('http://127.0.0.1:4191/v24.0')).toBe(true)
    expect(isAllowedEndpoint('http://localhost:8080')).toBe(true)
    expect(isAllowedEndpoint('http://graph.facebook.com')).toBe(false)
    expect(isAllowedEndpoint('https://user:secret@graph.facebook.com')).toBe(false)
    expect(isAllowedEndpoint('javascript:alert(1)')).toBe(false)
    expect(instanceOrigin('127.0.0.1:4191')).toBe('http://127.0.0.1:4191')
    expect(instanceOrigin('pixelfed.social')).toBe('https://pixelfed.social')
  })

  it('show a token by its last 4 characters only', () => {
    expect(maskedToken('EAABsbCS1iHgBAZCZCabcd1234')).toBe('••••1234')
    expect(maskedToken('abc')).toBe('••••')
  })

  it('take a pasted token without quotes or spaces, and refuse what cannot be one', () => {
    expect(normaliseToken('  "EAABsbCS1iHgBAZCZCabcd1234"\n')).toBe('EAABsbCS1iHgBAZCZCabcd1234')
    expect(normaliseToken('short')).toBeNull()
    expect(normaliseToken('two words that are long enough')).toBeNull()
  })
})

describe('answers of the sources', () => {
  it('read Graph timestamps as instants', () => {
    expect(graphInstant('2026-07-26T10:12:00+0000')).toBe('2026-07-26T10:12:00.000Z')
    expect(graphInstant('2026-07-26T12:12:00+0200')).toBe('2026-07-26T10:12:00.000Z')
    expect(graphInstant('2026-07-26T10:12:00.123Z')).toBe('2026-07-26T10:12:00.123Z')
    expect(graphInstant('26/07/2026')).toBeNull()
    expect(graphInstant(1753524720)).toBeNull()
  })

  it('take a hashtag id only when it is digits', () => {
    expect(hashtagIdFrom({ data: [{ id: '17843853986012965' }] })).toBe('17843853986012965')
    expect(hashtagIdFrom({ data: [] })).toBeNull()
    expect(hashtagIdFrom({ data: [{ id: '../me' }] })).toBeNull()
  })

  it('retry what time may solve and stop on what the organiser must', () => {
    expect(problemAction({ kind: 'rateLimit' })).toBe('retry')
    expect(problemAction({ kind: 'network', host: null })).toBe('retry')
    expect(problemAction({ kind: 'token' })).toBe('stop')
    expect(problemAction({ kind: 'permission', permission: null })).toBe('stop')
    expect(problemAction({ kind: 'hashtagLimit', nextFreeAt: null })).toBe('stop')
  })
})

describe('hand tallies', () => {
  it('take a total read (0 or more) and an adjustment (any whole number but 0)', async () => {
    const { parseTally } = await import('./counterSources')
    expect(parseTally(' 1 234 ', 'total')).toEqual({ ok: true, value: 1234 })
    expect(parseTally('0', 'total')).toEqual({ ok: true, value: 0 })
    expect(parseTally('-3', 'total')).toEqual({ ok: false, error: 'negative' })
    expect(parseTally('+12', 'extra')).toEqual({ ok: true, value: 12 })
    expect(parseTally('−5', 'extra')).toEqual({ ok: true, value: -5 })
    expect(parseTally('0', 'extra')).toEqual({ ok: false, error: 'zero' })
    expect(parseTally('12.5', 'extra')).toEqual({ ok: false, error: 'notAWholeNumber' })
    expect(parseTally('', 'total')).toEqual({ ok: false, error: 'notAWholeNumber' })
    expect(parseTally('2000000', 'total')).toEqual({ ok: false, error: 'tooLarge' })
  })
})
