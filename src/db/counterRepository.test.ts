import { describe, expect, it } from 'vitest'
import type { HashtagMedia, HashtagSample } from '@/domain/types'
import { createCounterRepository } from './counterRepository'
import { databasesClosedAfterEachTest } from './testing'

const databases = databasesClosedAfterEachTest()
const database = () => databases.open()

function post(mediaId: string, hashtag: string, seenAt: string, provider: HashtagMedia['provider'] = 'instagram'): HashtagMedia {
  return { provider, mediaId, eventId: 'e1', hashtag, postedAt: '2027-07-24T09:00:00.000Z', permalink: null, seenAt }
}

const reading = (count: number, at: string): HashtagSample => ({
  id: `r-${at}`,
  eventId: 'e1',
  hashtag: 'annecy',
  provider: 'instagram',
  kind: 'reading',
  count,
  note: '',
  at,
  deviceId: 'd1',
})

describe('posts seen by the counter', () => {
  it('keeps each post once, as first seen, whatever page or hashtag brings it again', async () => {
    const counter = createCounterRepository(database())
    expect(await counter.addSeen({ posts: [post('1', 'annecy', 'T1'), post('2', 'annecy', 'T1'), post('1', 'annecy', 'T1')], reading: reading(2, 'T1') })).toBe(2)
    expect(await counter.addSeen({ posts: [post('2', 'lac', 'T2'), post('3', 'lac', 'T2'), post('2', 'x', 'T2', 'fediverse')], reading: null })).toBe(2)
    const kept = await counter.posts('e1')
    expect(kept.map((entry) => [entry.provider, entry.mediaId, entry.hashtag, entry.seenAt]).sort()).toEqual([
      ['fediverse', '2', 'x', 'T2'],
      ['instagram', '1', 'annecy', 'T1'],
      ['instagram', '2', 'annecy', 'T1'],
      ['instagram', '3', 'lac', 'T2'],
    ])
    expect((await counter.samples('e1')).map((sample) => sample.count)).toEqual([2])
  })

  it('writes nothing of a batch that fails', async () => {
    const counter = createCounterRepository(database())
    await counter.addSeen({ posts: [], reading: reading(1, 'T1') })
    // The same reading id again: the whole batch is refused, its posts with it.
    await expect(counter.addSeen({ posts: [post('9', 'annecy', 'T2')], reading: reading(1, 'T1') })).rejects.toThrow()
    expect(await counter.posts('e1')).toEqual([])
  })

  it('keeps a hashtag id with the date of its first lookup', async () => {
    const counter = createCounterRepository(database())
    await counter.addLookup({ accountId: 'a', hashtag: 'annecy', hashtagId: '178', firstAt: '2027-07-20T08:00:00.000Z' })
    await counter.addLookup({ accountId: 'a', hashtag: 'annecy', hashtagId: '178', firstAt: '2027-07-22T08:00:00.000Z' })
    expect(await counter.lookups('a')).toEqual([{ accountId: 'a', hashtag: 'annecy', hashtagId: '178', firstAt: '2027-07-20T08:00:00.000Z' }])
    expect(await counter.lookups('b')).toEqual([])
  })
})
