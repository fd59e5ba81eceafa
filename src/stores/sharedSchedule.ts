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
  let latestCall = 0

  /** Opens a link (or the kept copy); a later call wins over one still running. */
  async function open(fragment: string): Promise<void> {
    const call = ++latestCall
    const update = (next: SharedScheduleState) => {
      if (call === latestCall) state.value = next
    }
    state.value = { ...state.value, loading: true }
    try {
      await openLink(fragment, update)
    } catch (error) {
      console.error(error)
      update({ ...state.value, loading: false })
    }
  }

  async function openLink(fragment: string, update: (next: SharedScheduleState) => void): Promise<void> {
    if (fragment.replace(/^#/, '') !== '') {
      const decoded = await decodeShareFragment(fragment)
      if (!decoded.ok) {
        update({ event: await latestKept(), outcome: null, linkError: decoded.error, loading: false })
        return
      }
      // The schedule shows at once from the link; keeping it on the phone follows.
      update({ event: decoded.value, outcome: null, linkError: null, loading: false })
      const { sharedEventRepository } = await loadDatabase()
      const outcome = await sharedEventRepository().receive(decoded.value, nowIso())
      if (outcome === 'olderIgnored') {
        const kept = await sharedEventRepository().get(decoded.value.id)
        update({ event: kept?.event ?? decoded.value, outcome, linkError: null, loading: false })
      } else {
        update({ event: decoded.value, outcome, linkError: null, loading: false })
      }
      return
    }
    update({ event: await latestKept(), outcome: null, linkError: null, loading: false })
  }

  async function latestKept(): Promise<PublicEvent | null> {
    const { sharedEventRepository } = await loadDatabase()
    return (await sharedEventRepository().latest())?.event ?? null
  }

  return { state, open }
}
