import { computed, onBeforeUnmount, shallowRef } from 'vue'

interface DragState<Id extends string> {
  id: Id
  order: Id[]
  pointerId: number
}

export interface DragToReorderOptions<Id extends string> {
  /** The items' ids in the order shown when the drag starts. */
  ids: () => Id[]
  /** The attribute each item's element carries with its id, e.g. `data-stop-id`. */
  itemAttribute: string
  /** Called once, on release, when the item was dropped at another place. */
  drop: (id: Id, targetIndex: number) => Promise<void>
  /** Height of what covers the bottom of the screen (the navigation), kept clear of the finger. */
  bottomBarPx?: number
}

/**
 * Drags an item of a list by its handle with a finger or a mouse. While the item moves, `order`
 * previews where it would land; on release, `drop` decides (and may refuse). The page scrolls while
 * the finger rests near the top or the bottom of the screen, so an item can be carried past what
 * is visible.
 *
 * The window follows the pointer rather than the handle capturing it: the dragged element moves in
 * the document as the order changes, which would end a capture held by its handle. (A sortable
 * library moves elements itself and has to be undone for Vue to render the list; previewing with
 * Vue state is simpler and lighter.)
 */
export function useDragToReorder<Id extends string>(options: DragToReorderOptions<Id>) {
  const dragging = shallowRef<DragState<Id> | null>(null)
  const order = computed(() => dragging.value?.order ?? null)
  const edgePx = 96
  const scrollStepPx = 8
  let pointerY = 0
  let frame = 0

  function start(id: Id, pointer: PointerEvent) {
    dragging.value = { id, order: options.ids(), pointerId: pointer.pointerId }
    pointerY = pointer.clientY
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', end)
    window.addEventListener('pointercancel', cancel)
    followEdges()
  }

  function stopFollowing() {
    cancelAnimationFrame(frame)
    window.removeEventListener('pointermove', move)
    window.removeEventListener('pointerup', end)
    window.removeEventListener('pointercancel', cancel)
  }

  function cancel() {
    stopFollowing()
    dragging.value = null
  }

  function followEdges() {
    frame = requestAnimationFrame(() => {
      if (!dragging.value) return
      if (pointerY < edgePx) window.scrollBy(0, -scrollStepPx)
      else if (pointerY > window.innerHeight - (options.bottomBarPx ?? 0) - edgePx) window.scrollBy(0, scrollStepPx)
      previewAt(pointerY)
      followEdges()
    })
  }

  function move(pointer: PointerEvent) {
    if (!dragging.value || pointer.pointerId !== dragging.value.pointerId) return
    pointerY = pointer.clientY
    previewAt(pointerY)
  }

  function previewAt(clientY: number) {
    const state = dragging.value
    if (!state) return
    const elements = [...document.querySelectorAll<HTMLElement>(`[${options.itemAttribute}]`)]
    const element = elements.find((candidate) => {
      const box = candidate.getBoundingClientRect()
      return clientY >= box.top && clientY <= box.bottom
    })
    const target = element?.getAttribute(options.itemAttribute) as Id | null | undefined
    if (!element || !target || target === state.id) return
    // Swap only once the pointer passes the middle of the neighbour, so the order cannot flicker.
    const box = element.getBoundingClientRect()
    const middle = box.top + box.height / 2
    const movingUp = state.order.indexOf(target) < state.order.indexOf(state.id)
    if (movingUp ? clientY > middle : clientY < middle) return
    const next = state.order.filter((id) => id !== state.id)
    next.splice(next.indexOf(target) + (movingUp ? 0 : 1), 0, state.id)
    dragging.value = { ...state, order: next }
  }

  async function end(pointer: PointerEvent) {
    const state = dragging.value
    if (!state || pointer.pointerId !== state.pointerId) return
    stopFollowing()
    const targetIndex = state.order.indexOf(state.id)
    try {
      if (targetIndex !== options.ids().indexOf(state.id)) await options.drop(state.id, targetIndex)
    } finally {
      dragging.value = null
    }
  }

  onBeforeUnmount(stopFollowing)

  return { dragging, order, start }
}
