import { onMounted, watch, type Ref } from 'vue'

/**
 * Mirrors an `open` flag on a native `<dialog>` shown modally: the browser then traps focus, makes
 * the rest of the page inert and handles Escape.
 */
export function useModalDialog(dialog: Readonly<Ref<HTMLDialogElement | null>>, open: () => boolean) {
  function mirror(isOpen: boolean) {
    const element = dialog.value
    if (!element) return
    if (isOpen && !element.open) element.showModal()
    if (!isOpen && element.open) element.close()
  }
  watch(open, mirror, { flush: 'post' })
  // A dialog can be asked for before it is on the page: a locked phone asks for the PIN as it starts,
  // before the lock's bar (loaded on demand) has mounted its dialog.
  onMounted(() => mirror(open()))
}
