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

// The consent and counter screens' own words (a whole consent form, the sources' settings) are a
// third part, so that the organiser's first screen does not wait for them.
const recordsMessages: Record<Language, Messages> = {
  fr: () => import('./locales/records/fr.json'),
  en: () => import('./locales/records/en.json'),
}
type Part = 'participant' | 'organiser' | 'records'
const sources: Record<Part, Record<Language, Messages>> = { participant: participantMessages, organiser: organiserMessages, records: recordsMessages }

const loaded = new Set<string>()
/** The parts the screens shown so far needed: a change of language loads them again in the new one. */
const inUse = new Set<Part>(['participant'])

async function load(language: Language, part: Part): Promise<void> {
  const key = `${language}:${part}`
  if (loaded.has(key)) return
  const messages = await sources[part][language]()
  i18n.global.mergeLocaleMessage(language, messages.default as never)
  loaded.add(key)
}

export async function applyLanguage(language: Language): Promise<void> {
  await Promise.all([...inUse].map((part) => load(language, part)))
  i18n.global.locale.value = language
  document.documentElement.lang = language
}

/** Loads the organiser's messages in the language shown, before one of their screens is; with the consent and counter screens' own if they are in use. */
export async function loadOrganiserMessages(language = i18n.global.locale.value as Language): Promise<void> {
  inUse.add('organiser')
  await Promise.all([load(language, 'organiser'), inUse.has('records') ? load(language, 'records') : undefined])
}

/** Loads the consent and counter screens' messages (with the organiser's), before one of those screens is shown. */
export async function loadRecordsMessages(language = i18n.global.locale.value as Language): Promise<void> {
  inUse.add('records')
  await loadOrganiserMessages(language)
}
