import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import AppShell from './app/AppShell.vue'
import { applyLanguage, i18n, loadOrganiserMessages } from './app/i18n'
import { createAppRouter } from './app/router'
import './app/styles.css'
import { routes } from './routes'
import { loadDatabase } from './stores/database'
import { useEventsStore } from './stores/events'
import { useOfflineScanningStore } from './stores/offlineScanning'
import { useProblemsStore } from './stores/problems'
import { useSettingsStore } from './stores/settings'

/**
 * Shown when the app could not even start (a missing file, a browser too old): plain text in both
 * languages, since the translations may be what failed to load.
 */
function showStartFailure() {
  const root = document.getElementById('app')
  if (!root) return
  root.innerHTML = ''
  const box = document.createElement('div')
  box.setAttribute('role', 'alert')
  box.className = 'start-failure'
  for (const text of [
    'Photowalk n’a pas pu démarrer. Rechargez la page ; si cela continue, vérifiez le réseau ou mettez le navigateur à jour.',
    'Photowalk could not start. Reload the page; if it keeps happening, check the network or update the browser.',
  ]) {
    const line = document.createElement('p')
    line.textContent = text
    box.append(line)
  }
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'button primary'
  button.textContent = 'Recharger / Reload'
  button.addEventListener('click', () => window.location.reload())
  box.append(button)
  root.append(box)
}

// The composition root: the one module that wires every layer together.
async function start() {
  // Start downloading the database layer now; the first screen paints without waiting for it.
  void loadDatabase()
  const pinia = createPinia()
  const app = createApp(AppShell).use(pinia).use(i18n)
  const problems = useProblemsStore(pinia)
  // Whatever no screen caught is shown, with what to do, rather than lost in the console.
  app.config.errorHandler = (error) => problems.report(error)
  window.addEventListener('unhandledrejection', (event) => {
    event.preventDefault()
    problems.report(event.reason)
  })
  const settings = useSettingsStore(pinia)
  const router = createAppRouter(routes)
  await settings.initialise({
    query: new URLSearchParams(location.search).get('lang'),
    browser: navigator.languages,
  })
  // Opening on an organiser's screen, both parts of the messages are fetched side by side.
  const organiserFirst = router.resolve(location.pathname).meta.audience !== 'participant'
  await Promise.all([applyLanguage(settings.language), organiserFirst ? loadOrganiserMessages(settings.language) : undefined])
  watch(
    () => settings.language,
    (language) => void applyLanguage(language),
  )
  router.beforeEach(async (to) => {
    if (to.meta.audience !== 'participant') await loadOrganiserMessages()
  })
  router.onError((error) => problems.report(error))
  app.use(router)
  // On an organiser's screen, their messages are in before anything paints: the shell around the
  // route shows them too. A participant's schedule paints its frame at once.
  if (organiserFirst) await router.isReady()
  app.mount('#app')
  // A database that cannot be opened (private browsing, storage disabled, an upgrade blocked by an
  // old tab) is said on every screen instead of leaving them blank.
  void problems.checkStorage()
  // A device that organises an event keeps the QR decoder for scanning offline; others never download it.
  const events = useEventsStore(pinia)
  const offlineScanning = useOfflineScanningStore(pinia)
  watch(
    () => events.ready && events.events.length > 0,
    (organises) => void (organises ? offlineScanning.prepare() : offlineScanning.check()),
    { immediate: true },
  )
}

start().catch((error: unknown) => {
  console.error(error)
  showStartFailure()
})
