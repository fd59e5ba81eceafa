import { shallowRef } from 'vue'
import type { PublicEvent } from '@/domain/publicEvent'
import { nowIso } from '@/services/clock'
import { decodeShareFragment, type ShareLinkError } from '@/services/shareLink'
import { loadDatabase } from './database'

export type LinkOutcome = 'stored' | 'updated' | 'unchanged' | 'olderIgnored' | 'otherSigner'

export interface SharedScheduleState {
  /**
   * True while a link is being checked and compared with the copy kept on the phone: nothing of the
   * link may be shown then, since an older or forged link must never show, not even for a frame.
   */
  checking: boolean
  /** The schedule to show: the link's, or the copy kept when the link was refused or older. */
  event: PublicEvent | null
  /** What opening the link did to the copy kept. */
  outcome: LinkOutcome | null
  /** Why the link was refused. */
  linkError: ShareLinkError | null
  /** The schedule shown is stored on this phone (so it opens offline). */
  savedOnPhone: boolean
  /** The phone's storage could not be read or written. */
  storageFailed: boolean
  /** The name of the schedule just forgotten, to say so. */
  forgotten: string | null
}

const checking: SharedScheduleState = {
  checking: true,
  event: null,
  outcome: null,
  linkError: null,
  savedOnPhone: false,
  storageFailed: false,
  forgotten: null,
}

/**
 * A participant's schedule: from a link, checked (whole, signed, by the key of the copy kept if
 * there is one) and kept on the device before anything is shown; or, without a link, the copy kept.
 */
export function useSharedSchedule() {
  const state = shallowRef<SharedScheduleState>(checking)
  let latestCall = 0

  /** Opens a link (or the kept copy); a later call wins over one still running. */
  async function open(fragment: string): Promise<void> {
    const call = ++latestCall
    state.value = checking
    let next: SharedScheduleState
    try {
      next = await decide(fragment)
    } catch (error) {
      // Not a link the app can read, whatever went wrong: refused, and nothing of it shown.
      console.error(error)
      next = { ...checking, checking: false, linkError: 'corrupt' }
    }
    if (call === latestCall) state.value = next
  }

  async function decide(fragment: string): Promise<SharedScheduleState> {
    const ready = { ...checking, checking: false }
    if (fragment.replace(/^#/, '').trim() === '') return { ...ready, ...(await latestKept()) }
    const decoded = await decodeShareFragment(fragment)
    if (!decoded.ok) return { ...ready, ...(await latestKept()), linkError: decoded.error }
    try {
      const { sharedEventRepository } = await loadDatabase()
      const { outcome, kept } = await sharedEventRepository().receive(decoded.value.event, decoded.value.signerKey, nowIso())
      return { ...ready, event: kept.event, outcome, savedOnPhone: true }
    } catch (error) {
      // Nothing kept can be read either, so nothing newer can be hidden: the link's own schedule is
      // shown, and the screen says it is not saved.
      console.error(error)
      return { ...ready, event: decoded.value.event, storageFailed: true }
    }
  }

  async function latestKept(): Promise<Pick<SharedScheduleState, 'event' | 'savedOnPhone' | 'storageFailed'>> {
    try {
      const { sharedEventRepository } = await loadDatabase()
      const latest = await sharedEventRepository().latest()
      return { event: latest?.event ?? null, savedOnPhone: latest !== undefined, storageFailed: false }
    } catch (error) {
      console.error(error)
      return { event: null, savedOnPhone: false, storageFailed: true }
    }
  }

  /** Removes the schedule shown from the phone; then shows what else is kept, if anything. Throws when storage fails. */
  async function forget(): Promise<void> {
    const shown = state.value.event
    if (!shown) return
    const call = ++latestCall
    const { sharedEventRepository } = await loadDatabase()
    await sharedEventRepository().forget(shown.id)
    const rest = await latestKept()
    if (call === latestCall) state.value = { ...checking, checking: false, ...rest, forgotten: shown.name }
  }

  return { state, open, forget }
}
