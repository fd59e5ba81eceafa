import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Language, PhotowalkEvent } from '@/domain/types'
import { downloadFile, safeFileName } from '@/services/files'
import { useRosterActions } from '@/stores/participants'
import { useRosterStore } from '@/stores/roster'

/**
 * Downloads who arrived and left each checkpoint as CSV, labelled and separated for the reader's
 * language. The CSV writer is loaded on the first export only: the check-in screen opens without it.
 */
export function useAttendanceDownload(event: Ref<PhotowalkEvent | null>) {
  const { t, locale } = useI18n()
  const roster = useRosterStore()
  const actions = useRosterActions(event)
  return async () => {
    const current = event.value
    if (!current) return
    const [{ attendanceCsv }, records] = await Promise.all([import('@/domain/attendanceExport'), actions.allCheckins()])
    const text = attendanceCsv(roster.participants, records, roster.checkpoints, {
      language: locale.value as Language,
      timeZone: current.timeZone,
      labels: {
        name: t('export.name'),
        instagram: 'Instagram',
        email: t('participantForm.email'),
        phone: t('participantForm.phone'),
        role: t('participants.role'),
        minor: t('export.minor'),
        yes: t('export.yes'),
        no: t('export.no'),
        roleName: (role) => t(`roles.${role}`),
        arrived: (title) => t('export.arrived', { checkpoint: title }),
        left: (title) => t('export.left', { checkpoint: title }),
      },
    })
    downloadFile(safeFileName(`${current.name} ${t('export.attendance')}`, 'csv'), 'text/csv;charset=utf-8', text)
  }
}
