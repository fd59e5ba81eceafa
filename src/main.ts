import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import AppShell from './app/AppShell.vue'
import { applyLanguage, i18n, loadOrganiserMessages, loadRecordsMessages } from './app/i18n'
import { installLockGuard } from './app/lockGuard'
import { createAppRouter } from './app/router'
import './app/styles.css'
import { readStartupMeta } from './db/startupSettings'
import { routes } from './routes'
import { loadDatabase } from './stores/database'
import { useEventsStore } from './stores/events'
import { useLockStore } from './stores/lock'
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
  // One read of the device's storage, without the database library: the language to paint in, and
  // whether the phone is locked on one screen (which decides the first route).
  const startup = await readStartupMeta()
  const settings = useSettingsStore(pinia)
  const router = createAppRouter(routes)
  settings.initialise({
    query: new URLSearchParams(location.search).get('lang'),
    savedLanguage: startup.language,
    browser: navigator.languages,
  })
  const lock = useLockStore(pinia)
  lock.initialise(startup.lock)
  // Opening on an organiser's screen, both parts of the messages are fetched side by side. A locked
  // phone always opens on one: its locked screen, whose PIN dialog speaks the organiser's words.
  const firstRoute = router.resolve(lock.lock?.path ?? location.pathname)
  const organiserFirst = lock.lock !== null || firstRoute.meta.audience !== 'participant'
  await Promise.all([
    applyLanguage(settings.language),
    firstRoute.meta.messages === 'records' ? loadRecordsMessages(settings.language) : organiserFirst ? loadOrganiserMessages(settings.language) : undefined,
  ])
  watch(
    () => settings.language,
    (language) => void applyLanguage(language),
  )
  // First: a navigation the lock cancels needs nothing else.
  installLockGuard(router, lock)
  router.beforeEach(async (to) => {
    // The lock's PIN dialog speaks the organiser's words, whatever screen it locks.
    if (to.meta.messages === 'records') await loadRecordsMessages()
    else if (to.meta.audience !== 'participant' || lock.lock) await loadOrganiserMessages()
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
