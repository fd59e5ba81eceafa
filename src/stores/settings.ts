import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { chooseLanguage, defaultLanguage, isLanguage } from '@/domain/language'
import type { Language } from '@/domain/types'
import { newId } from '@/services/ids'
import { loadDatabase } from './database'

export const useSettingsStore = defineStore('settings', () => {
  const language = shallowRef<Language>(defaultLanguage)
  const deviceId = shallowRef<string | null>(null)

  /**
   * Decides the language before the first paint, from the address, the language saved on this
   * device (`savedLanguage`, as read at start-up: see `readStartupMeta`) and the browser's; the rest
   * of the set-up follows in the background.
   */
  function initialise(sources: { query: string | null; savedLanguage: unknown; browser: readonly string[] }): void {
    const saved = isLanguage(sources.savedLanguage) ? sources.savedLanguage : null
    language.value = chooseLanguage({ query: sources.query, saved, browser: sources.browser })
    const chosenByQuery = isLanguage(sources.query?.trim().toLowerCase()) && language.value !== saved
    void loadDatabase()
      .then(async ({ metaRepository }) => {
        const meta = metaRepository()
        deviceId.value = await meta.ensureDeviceId(newId)
        if (chosenByQuery) await meta.setLanguage(language.value)
      })
      .catch((error: unknown) => console.error(error))
  }

  /** Switches at once; remembering the choice follows. */
  async function setLanguage(next: Language): Promise<void> {
    language.value = next
    try {
      const { metaRepository } = await loadDatabase()
      await metaRepository().setLanguage(next)
    } catch (error) {
      console.error(error)
    }
  }

  /** This device's id, created on first run if the start-up could not yet. */
  async function ensureDeviceId(): Promise<string> {
    deviceId.value ??= await (await loadDatabase()).metaRepository().ensureDeviceId(newId)
    return deviceId.value
  }

  return { language, deviceId, initialise, setLanguage, ensureDeviceId }
})
