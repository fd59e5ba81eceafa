import { useI18n } from 'vue-i18n'
import { formatClock } from '@/domain/format'
import { calendarOf } from '@/domain/ics'
import type { PublicEvent } from '@/domain/publicEvent'
import type { Language } from '@/domain/types'
import { downloadFile, safeFileName } from '@/services/files'

/** Downloads the day as an `.ics` file, labelled in the reader's language. */
export function useCalendarDownload() {
  const { t, locale } = useI18n()
  return (event: PublicEvent) => {
    const language = locale.value as Language
    const text = calendarOf(event, {
      nowMs: Date.now(),
      formatTime: (epochMs) => formatClock(epochMs, event.timeZone, language),
      labels: {
        toBring: t('itinerary.toBring'),
        partner: t('calendar.partner'),
        meetingDetail: t('calendar.meetingDetail'),
        plannedAt: (time) => t('calendar.plannedAt', { time }),
      },
    })
    downloadFile(safeFileName(event.name, 'ics'), 'text/calendar;charset=utf-8', text)
  }
}
