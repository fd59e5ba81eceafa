import { createI18n } from 'vue-i18n'
import { defaultLanguage } from '@/domain/language'
import type { Language } from '@/domain/types'

export const i18n = createI18n({
  legacy: false,
  locale: defaultLanguage,
  fallbackLocale: defaultLanguage,
  messages: {},
  missingWarn: false,
  fallbackWarn: false,
})

// Each language is its own chunk, compiled at build time: only the one in use is downloaded.
const loaders: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  fr: () => import('./locales/fr.json'),
  en: () => import('./locales/en.json'),
}

const loaded = new Set<Language>()

export async function applyLanguage(language: Language): Promise<void> {
  if (!loaded.has(language)) {
    const messages = await loaders[language]()
    i18n.global.setLocaleMessage(language, messages.default as never)
    loaded.add(language)
  }
  i18n.global.locale.value = language
  document.documentElement.lang = language
}
