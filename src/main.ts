import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import AppShell from './app/AppShell.vue'
import { applyLanguage, i18n } from './app/i18n'
import { createAppRouter } from './app/router'
import './app/styles.css'
import { routes } from './routes'
import { loadDatabase } from './stores/database'
import { useSettingsStore } from './stores/settings'

// The composition root: the one module that wires every layer together.
async function start() {
  // Start downloading the database layer now; the first screen paints without waiting for it.
  void loadDatabase()
  const pinia = createPinia()
  const app = createApp(AppShell).use(pinia).use(i18n)
  const settings = useSettingsStore(pinia)
  await settings.initialise({
    query: new URLSearchParams(location.search).get('lang'),
    browser: navigator.languages,
  })
  await applyLanguage(settings.language)
  watch(
    () => settings.language,
    (language) => void applyLanguage(language),
  )
  app.use(createAppRouter(routes))
  app.mount('#app')
}

void start()
