import { useI18n } from 'vue-i18n'
import type { PinActionRefusal } from '@/stores/pin'

/** What to tell the organiser when a typed PIN is refused; the wait itself is shown by `PinWait`. */
export function usePinMessages() {
  const { t } = useI18n()
  function refusalText(refusal: PinActionRefusal): string | null {
    switch (refusal.reason) {
      case 'malformed':
        return t(`lock.problems.${refusal.problem}`)
      case 'wrong':
        return t('lock.wrong', refusal.triesBeforeWait)
      case 'waiting':
        return null
      case 'noPin':
        return t('lock.noPin')
      case 'locked':
        return t('lock.refused.locked')
    }
  }
  return { refusalText }
}
