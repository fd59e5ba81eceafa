import { languages, type Language } from './types'

export const defaultLanguage: Language = 'fr'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

/**
 * The language to show: an explicit `?lang=` wins, then the organiser's saved choice, then the
 * first of the browser's languages that the app speaks, else French.
 */
export function chooseLanguage(sources: {
  query: string | null
  saved: string | null | undefined
  browser: readonly string[]
}): Language {
  const fromQuery = sources.query?.trim().toLowerCase()
  if (isLanguage(fromQuery)) return fromQuery
  if (isLanguage(sources.saved)) return sources.saved
  for (const tag of sources.browser) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isLanguage(primary)) return primary
  }
  return defaultLanguage
}
