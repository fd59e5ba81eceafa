import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { readSavedLanguageQuickly } from '@/db/startupSettings'
import { chooseLanguage, defaultLanguage, isLanguage } from '@/domain/language'
import type { Language } from '@/domain/types'
import { newId } from '@/services/ids'
import { loadDatabase } from './database'

export const useSettingsStore = defineStore('settings', () => {
  const language = shallowRef<Language>(defaultLanguage)
  const deviceId = shallowRef<string | null>(null)

  /** Decides the language before the first paint; the rest of the set-up follows in the background. */
  async function initialise(sources: { query: string | null; browser: readonly string[] }): Promise<void> {
    const raw = await readSavedLanguageQuickly()
    const saved = isLanguage(raw) ? raw : null
    language.value = chooseLanguage({ query: sources.query, saved, browser: sources.browser })
    const chosenByQuery = sources.query !== null && language.value !== saved
    void loadDatabase().then(async ({ metaRepository }) => {
      const meta = metaRepository()
      deviceId.value = await meta.ensureDeviceId(newId)
      if (chosenByQuery) await meta.setLanguage(language.value)
    })
  }

  async function setLanguage(next: Language): Promise<void> {
    const { metaRepository } = await loadDatabase()
    await metaRepository().setLanguage(next)
    language.value = next
  }

  return { language, deviceId, initialise, setLanguage }
})
