import { describe, expect, it } from 'vitest'
import {
  backoffSeconds,
  dayCount,
  graphProblem,
  hashtagBudget,
  latestPosts,
  linkHeaderLinks,
  manualTally,
  normaliseInstanceHost,
  pollSeconds,
  postsPerHour,
  usageNearLimit,
  type ManualTally,
} from './postCount'
import type { HashtagMedia } from './types'

const paris = { date: '2027-07-24', timeZone: 'Europe/Paris' }

function post(mediaId: string, postedAt: string | null, overrides: Partial<HashtagMedia> = {}): HashtagMedia {
  return { provider: 'instagram', mediaId, eventId: 'e', hashtag: 'photowalkannecy', postedAt, permalink: null, seenAt: '2027-07-24T20:00:00.000Z', ...overrides }
}

function tally(kind: ManualTally['kind'], count: number, at: string, id = at): ManualTally {
  return { id, kind, count, at }
}

describe('the day’s count', () => {
  it('counts a post once whatever the hashtags, pages or instances it came through', () => {
    const posts = [
      post('1', '2027-07-24T08:00:00.000Z'),
      post('1', '2027-07-24T08:00:00.000Z', { hashtag: 'annecy' }),
      post('2', '2027-07-24T09:00:00.000Z'),
      post('https://pixelfed.social/p/ana/1', '2027-07-24T09:30:00.000Z', { provider: 'fediverse' }),
      // The same status seen through another instance: one URI.
      post('https://pixelfed.social/p/ana/1', '2027-07-24T09:30:00.000Z', { provider: 'fediverse', permalink: 'https://mastodon.social/@ana@pixelfed.social/9' }),
    ]
    expect(dayCount(posts, [], paris)).toEqual({ instagram: 2, fediverse: 1, manual: 0, extra: 0, total: 3 })
  })

  it('keeps Instagram and the fediverse apart even when their ids look alike', () => {
    const posts = [post('17', '2027-07-24T08:00:00.000Z'), post('17', '2027-07-24T08:00:00.000Z', { provider: 'fediverse' })]
    expect(dayCount(posts, [], paris).total).toBe(2)
  })

  it('counts posts of the event’s date in its time zone: 23:59 in, 00:01 the next day out', () => {
    const posts = [
      post('before', '2027-07-23T21:59:00.000Z'), // 23:59 on the 23rd in Paris
      post('first', '2027-07-23T22:01:00.000Z'), // 00:01 on the 24th
      post('last', '2027-07-24T21:59:00.000Z'), // 23:59 on the 24th
      post('after', '2027-07-24T22:01:00.000Z'), // 00:01 on the 25th
      post('undated', null),
    ]
    expect(dayCount(posts, [], paris).instagram).toBe(2)
  })

  it('follows the clock change: the 25-hour day in autumn counts all of its hours', () => {
    const autumn = { date: '2027-10-31', timeZone: 'Europe/Paris' }
    const posts = [
      post('a', '2027-10-30T22:30:00.000Z'), // 00:30 CEST
      post('b', '2027-10-31T00:30:00.000Z'), // 02:30 CEST
      post('c', '2027-10-31T01:30:00.000Z'), // 02:30 CET, the hour repeated
      post('d', '2027-10-31T22:59:00.000Z'), // 23:59 CET
      post('e', '2027-10-31T23:01:00.000Z'), // 00:01 on 1 November
    ]
    expect(dayCount(posts, [], autumn).instagram).toBe(4)
    const hours = postsPerHour(posts, autumn)
    expect(hours[0]).toBe(1)
    expect(hours[2]).toBe(2)
    expect(hours[23]).toBe(1)
    expect(hours.reduce((sum, count) => sum + count, 0)).toBe(4)
  })

  it('adds the hand count: a total read replaces the taps before it, adjustments add apart', () => {
    const tallies = [
      tally('plusOne', 1, '2027-07-24T08:00:00.000Z'),
      tally('plusOne', 1, '2027-07-24T08:05:00.000Z'),
      tally('total', 40, '2027-07-24T09:00:00.000Z'),
      tally('plusOne', 1, '2027-07-24T09:10:00.000Z'),
      tally('extra', 12, '2027-07-24T09:20:00.000Z'),
      tally('extra', -2, '2027-07-24T09:30:00.000Z'),
    ]
    expect(manualTally([...tallies].reverse())).toEqual({ manual: 41, extra: 10 })
    expect(dayCount([post('1', '2027-07-24T08:00:00.000Z')], tallies, paris)).toEqual({ instagram: 1, fediverse: 0, manual: 41, extra: 10, total: 52 })
  })

  it('lists the latest posts of the day first', () => {
    const posts = [post('old', '2027-07-24T08:00:00.000Z'), post('new', '2027-07-24T12:00:00.000Z'), post('mid', '2027-07-24T10:00:00.000Z')]
    expect(latestPosts(posts, paris, 2).map((entry) => entry.mediaId)).toEqual(['new', 'mid'])
  })
})

describe('polling', () => {
  it('every 60 s unless chosen, never faster than 30 s', () => {
    expect(pollSeconds(null)).toBe(60)
    expect(pollSeconds(5)).toBe(30)
    expect(pollSeconds(120)).toBe(120)
  })

  it('backs off twice as long after each failure, with jitter, at most 30 minutes', () => {
    expect(backoffSeconds(1, 60, 0)).toBe(30)
    expect(backoffSeconds(1, 60, 0.999999)).toBe(60)
    expect(backoffSeconds(2, 60, 0)).toBe(60)
    expect(backoffSeconds(3, 60, 1)).toBe(240)
    expect(backoffSeconds(20, 60, 1)).toBe(1800)
    expect(backoffSeconds(20, 60, 0)).toBe(900)
  })
})

describe('Instagram’s limits', () => {
  it('allows 30 distinct hashtags in any 7 days; a repeated lookup counts once, from its first time', () => {
    const now = '2027-07-24T12:00:00.000Z'
    const lookups = Array.from({ length: 29 }, (_, index) => ({ hashtag: `tag${index}`, firstAt: '2027-07-20T12:00:00.000Z' }))
    expect(hashtagBudget(lookups, now)).toEqual({ used: 29, left: 1, nextFreeAt: null })
    const full = [...lookups, { hashtag: 'tag0', firstAt: '2027-07-21T12:00:00.000Z' }, { hashtag: 'last', firstAt: '2027-07-18T12:00:01.000Z' }]
    expect(hashtagBudget(full, now)).toEqual({ used: 30, left: 0, nextFreeAt: '2027-07-25T12:00:01.000Z' })
    // A week after, the oldest no longer counts.
    expect(hashtagBudget(full, '2027-07-25T12:00:01.000Z').left).toBe(1)
  })

  it('tells an expired token, a missing permission, a rate limit and the hashtag limit apart', () => {
    const error = (code: number, message = 'x') => ({ error: { message, type: 'OAuthException', code, fbtrace_id: 'A' } })
    expect(graphProblem(400, error(190, 'Error validating access token: Session has expired'))).toEqual({ kind: 'token' })
    expect(graphProblem(400, error(10, 'Application does not have permission for this action: instagram_basic'))).toEqual({
      kind: 'permission',
      permission: 'instagram_basic',
    })
    expect(graphProblem(403, error(200, 'Permissions error'))).toEqual({ kind: 'permission', permission: null })
    for (const code of [4, 17, 32, 613]) expect(graphProblem(400, error(code))).toEqual({ kind: 'rateLimit' })
    expect(graphProblem(429, null)).toEqual({ kind: 'rateLimit' })
    expect(graphProblem(400, error(100, 'You have reached the maximum of 30 unique hashtags this week'))).toEqual({ kind: 'hashtagLimit' })
    expect(graphProblem(500, 'not json')).toEqual({ kind: 'other', message: 'HTTP 500' })
  })

  it('reads X-App-Usage as near the limit at 95 % or more', () => {
    expect(usageNearLimit('{"call_count":96,"total_cputime":10,"total_time":20}')).toBe(true)
    expect(usageNearLimit('{"call_count":20,"total_cputime":10,"total_time":20}')).toBe(false)
    expect(usageNearLimit('{"1784":[{"type":"instagram","call_count":99,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0}]}')).toBe(true)
    expect(usageNearLimit('not json')).toBe(false)
    expect(usageNearLimit(null)).toBe(false)
  })
})

describe('the fediverse', () => {
  it('reads the next and previous pages from a Link header', () => {
    const header =
      '<https://mastodon.social/api/v1/timelines/tag/annecy?max_id=109>; rel="next", <https://mastodon.social/api/v1/timelines/tag/annecy?min_id=120>; rel="prev"'
    expect(linkHeaderLinks(header)).toEqual({
      next: 'https://mastodon.social/api/v1/timelines/tag/annecy?max_id=109',
      prev: 'https://mastodon.social/api/v1/timelines/tag/annecy?min_id=120',
    })
    expect(linkHeaderLinks(null)).toEqual({ next: null, prev: null })
    expect(linkHeaderLinks('garbage')).toEqual({ next: null, prev: null })
  })

  it('takes an instance host however it is typed, and refuses what is not one', () => {
    expect(normaliseInstanceHost(' https://Pixelfed.Social/ ')).toBe('pixelfed.social')
    expect(normaliseInstanceHost('127.0.0.1:4190')).toBe('127.0.0.1:4190')
    expect(normaliseInstanceHost('mastodon.social/@ana')).toBeNull()
    expect(normaliseInstanceHost('')).toBeNull()
  })
})
