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

type Messages = () => Promise<{ default: Record<string, unknown> }>

// Each language is its own chunk, compiled at build time: only the one in use is downloaded. The
// messages of the organiser's screens are a chunk of their own, so a participant opening a schedule
// link downloads only the few the schedule and the shell need.
const participantMessages: Record<Language, Messages> = {
  fr: () => import('./locales/fr.json'),
  en: () => import('./locales/en.json'),
}
const organiserMessages: Record<Language, Messages> = {
  fr: () => import('./locales/organiser/fr.json'),
  en: () => import('./locales/organiser/en.json'),
}

const loaded = new Set<string>()
/** Whether an organiser's screen has been shown: a change of language then loads their messages too. */
let organiserScreens = false

async function load(language: Language, part: 'participant' | 'organiser'): Promise<void> {
  const key = `${language}:${part}`
  if (loaded.has(key)) return
  const messages = await (part === 'participant' ? participantMessages : organiserMessages)[language]()
  i18n.global.mergeLocaleMessage(language, messages.default as never)
  loaded.add(key)
}

export async function applyLanguage(language: Language): Promise<void> {
  await Promise.all([load(language, 'participant'), organiserScreens ? load(language, 'organiser') : undefined])
  i18n.global.locale.value = language
  document.documentElement.lang = language
}

/** Loads the organiser's messages in the language shown, before one of their screens is. */
export async function loadOrganiserMessages(language = i18n.global.locale.value as Language): Promise<void> {
  organiserScreens = true
  await load(language, 'organiser')
}
