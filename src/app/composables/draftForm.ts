import { computed, nextTick, onMounted, ref, shallowRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import type { Result } from '@/domain/result'
import { usePersistedDraft } from '@/stores/drafts'

export interface DraftFormOptions<Draft extends object, FieldError> {
  /** Where the unsaved draft is kept: one name per form and record. */
  draftName: () => string
  initial: Draft
  /** The draft to start from: a record's, a new one's, or null when the record no longer exists. */
  load: () => Promise<Draft | null>
  submit: (draft: Draft) => Promise<Result<unknown, FieldError[]>>
  /** Where saving, cancelling or deleting leads. */
  leaveTo: string
}

/**
 * What every edit form does: restore what was typed before a reload, validate on save and show
 * every error at once (focusing the summary), keep the draft until it is saved or abandoned.
 */
export function useDraftForm<Draft extends object, FieldError>(options: DraftFormOptions<Draft, FieldError>) {
  const { t } = useI18n()
  const router = useRouter()
  const draft = ref(options.initial) as Ref<Draft>
  const errors = shallowRef<FieldError[]>([])
  const failure = shallowRef<string | null>(null)
  const loaded = shallowRef(false)
  const missing = shallowRef(false)
  /** The record could not be read: the form is not shown. */
  const readFailed = shallowRef(false)
  const saving = shallowRef(false)
  const restoredDraft = shallowRef(false)
  const persisted = usePersistedDraft(computed(options.draftName), draft)

  onMounted(async () => {
    let start: Draft | null
    try {
      start = await options.load()
    } catch (error) {
      // The form stays closed: editing a record that could not be read would overwrite it blindly.
      console.error(error)
      readFailed.value = true
      return
    }
    if (start === null) missing.value = true
    else {
      draft.value = start
      try {
        restoredDraft.value = await persisted.restore()
      } catch (error) {
        // The form works without what was typed before; only that is missing.
        console.error(error)
      }
    }
    loaded.value = true
  })

  async function leave() {
    await persisted.discard()
    await router.push(options.leaveTo)
  }

  async function save() {
    saving.value = true
    failure.value = null
    try {
      const result = await options.submit(draft.value)
      if (!result.ok) {
        errors.value = result.error
        await nextTick()
        document.getElementById('form-errors')?.focus()
        return
      }
      errors.value = []
      await leave()
    } catch (error) {
      console.error(error)
      failure.value = t('errors.saveFailed')
    } finally {
      saving.value = false
    }
  }

  /** Runs an action that ends the form (a deletion), then leaves it. */
  async function finishWith(action: () => Promise<void>) {
    try {
      await action()
      await leave()
    } catch (error) {
      console.error(error)
      failure.value = t('errors.saveFailed')
    }
  }

  return { draft, errors, failure, loaded, missing, readFailed, saving, restoredDraft, save, cancel: leave, finishWith }
}
