import type { HashtagLookup, HashtagMedia, HashtagSample, Id } from '@/domain/types'
import type { PhotowalkDatabase } from './schema'

export interface SeenBatch {
  /** Posts a provider returned; those already kept stay as first seen. */
  posts: HashtagMedia[]
  /** The provider's reading after this batch (how many of the day's posts it has seen), if any. */
  reading: HashtagSample | null
}

/** What the counter keeps: posts seen, readings and hand tallies, and Instagram's hashtag ids. */
export function createCounterRepository(db: PhotowalkDatabase) {
  return {
    posts: (eventId: Id): Promise<HashtagMedia[]> => db.hashtagMedia.where('eventId').equals(eventId).toArray(),
    samples: (eventId: Id): Promise<HashtagSample[]> =>
      db.hashtagSamples.where('[eventId+at]').between([eventId, ''], [eventId, '\uffff']).toArray(),

    /**
     * Keeps the posts not seen before and the provider's reading, in one transaction; a post seen
     * again (another page, hashtag or instance) keeps when and where it was first seen. Returns how
     * many posts were new.
     */
    async addSeen(batch: SeenBatch): Promise<number> {
      return db.transaction('rw', db.hashtagMedia, db.hashtagSamples, async () => {
        const unique = new Map(batch.posts.map((post) => [`${post.provider}\u0000${post.mediaId}`, post]))
        const candidates = [...unique.values()]
        const existing = await db.hashtagMedia.bulkGet(candidates.map((post) => [post.provider, post.mediaId] as [string, string]))
        const fresh = candidates.filter((_, index) => existing[index] === undefined)
        if (fresh.length > 0) await db.hashtagMedia.bulkAdd(fresh)
        if (batch.reading) await db.hashtagSamples.add(batch.reading)
        return fresh.length
      })
    },

    /** A hand tally (a tap, a total read, an adjustment) as a record of its own. */
    addTally: async (sample: HashtagSample): Promise<void> => {
      await db.hashtagSamples.add(sample)
    },

    lookups: (accountId: string): Promise<HashtagLookup[]> => db.hashtagLookups.where('accountId').equals(accountId).toArray(),
    /** Keeps a hashtag's id; a lookup repeated later keeps the first one's date (the week counts from it). */
    async addLookup(lookup: HashtagLookup): Promise<void> {
      await db.transaction('rw', db.hashtagLookups, async () => {
        const existing = await db.hashtagLookups.get([lookup.accountId, lookup.hashtag])
        if (!existing) await db.hashtagLookups.add(lookup)
      })
    },
  }
}

export type CounterRepository = ReturnType<typeof createCounterRepository>
