import { watch, type Ref } from 'vue'

/**
 * Mirrors an `open` flag on a native `<dialog>` shown modally: the browser then traps focus, makes
 * the rest of the page inert and handles Escape.
 */
export function useModalDialog(dialog: Readonly<Ref<HTMLDialogElement | null>>, open: () => boolean) {
  watch(
    open,
    (isOpen) => {
      const element = dialog.value
      if (!element) return
      if (isOpen && !element.open) element.showModal()
      if (!isOpen && element.open) element.close()
    },
    { flush: 'post' },
  )
}
