import { useI18n } from 'vue-i18n'
import type { SourceProblem } from '@/domain/counterSources'
import { formatClock, formatDuration, formatLocalDate } from '@/domain/format'
import { epochMsToZoned } from '@/domain/time'
import type { Language } from '@/domain/types'

/** The counter's words that depend on data: a source's problem, a time, the age of a value. */
export function useCounterText() {
  const { t } = useI18n()

  function problemText(problem: SourceProblem, timeZone: string, language: Language): string {
    switch (problem.kind) {
      case 'token':
      case 'noToken':
      case 'rateLimit':
      case 'tooLarge':
        return t(`counter.problems.${problem.kind}`)
      case 'permission':
        return problem.permission ? t('counter.problems.permission', { permission: problem.permission }) : t('counter.problems.permissionUnknown')
      case 'hashtagLimit':
        return problem.nextFreeAt
          ? t('counter.problems.hashtagLimitUntil', {
              date: `${formatLocalDate(epochMsToZoned(Date.parse(problem.nextFreeAt), timeZone).date, language, 'short')} ${formatClock(Date.parse(problem.nextFreeAt), timeZone, language)}`,
            })
          : t('counter.problems.hashtagLimit')
      case 'notFound':
        return problem.host ? t('counter.problems.notFoundHost', { host: problem.host }) : t('counter.problems.notFound')
      case 'network':
        return problem.host ? t('counter.problems.networkHost', { host: problem.host }) : t('counter.problems.network')
      case 'other':
        return problem.host ? t('counter.problems.otherHost', { host: problem.host, message: problem.message }) : t('counter.problems.other', { message: problem.message })
    }
  }

  /** "12 min", "1 h 05": how old a value is, never under a minute. */
  function age(sinceMs: number, nowMs: number, language: Language): string {
    return formatDuration(Math.max(1, Math.floor((nowMs - sinceMs) / 60_000)), language)
  }

  return { problemText, age }
}
