import { shallowRef } from 'vue'
import type { PublicEvent, ShareLinkError } from '@/domain/publicEvent'
import { nowIso } from '@/services/clock'
import { decodeShareFragment } from '@/services/shareLink'
import { loadDatabase } from './database'

export type LinkOutcome = 'stored' | 'updated' | 'unchanged' | 'olderIgnored'

export interface SharedScheduleState {
  event: PublicEvent | null
  /** What opening the link did, or why it was refused. */
  outcome: LinkOutcome | null
  linkError: ShareLinkError | null
  loading: boolean
}

/**
 * A participant's schedule: decoded from the link when there is one (so it paints without the
 * database), then kept on the device. A link never replaces a newer copy already kept.
 */
export function useSharedSchedule() {
  const state = shallowRef<SharedScheduleState>({ event: null, outcome: null, linkError: null, loading: true })

  async function open(fragment: string): Promise<void> {
    state.value = { ...state.value, loading: true }
    if (fragment.replace(/^#/, '') !== '') {
      const decoded = await decodeShareFragment(fragment)
      if (!decoded.ok) {
        const kept = await latestKept()
        state.value = { event: kept, outcome: null, linkError: decoded.error, loading: false }
        return
      }
      state.value = { event: decoded.value, outcome: null, linkError: null, loading: false }
      const { sharedEventRepository } = await loadDatabase()
      const outcome = await sharedEventRepository().receive(decoded.value, nowIso())
      if (outcome === 'olderIgnored') {
        const kept = await sharedEventRepository().get(decoded.value.id)
        state.value = { event: kept?.event ?? decoded.value, outcome, linkError: null, loading: false }
      } else {
        state.value = { ...state.value, outcome }
      }
      return
    }
    state.value = { event: await latestKept(), outcome: null, linkError: null, loading: false }
  }

  async function latestKept(): Promise<PublicEvent | null> {
    const { sharedEventRepository } = await loadDatabase()
    return (await sharedEventRepository().latest())?.event ?? null
  }

  return { state, open }
}
