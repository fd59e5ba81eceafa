// Speed of the check-in screen with a large roster, and of the consent export, measured in real
// Chromium against the production build: `npm run bench` (builds first; `-- consents` or
// `-- roster` runs one part). Prints a table and writes bench/results/latest.json.
// Targets (issue "Participants and check-in"): open < 300 ms, search keystroke < 30 ms (p95),
// tap "check in" < 50 ms (p95), import of 5,000 rows < 3 s.
// Targets (issue 8, consents): 1,000 consents with drawn signatures to a ZIP in ≤ 20 s (aim 10 s),
// peak JS heap < 500 MB, no main-thread task longer than 100 ms during the export.
import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { chromium } from '@playwright/test'
import { browserPath, chromiumArgs } from './browser.mjs'
import { benchConsentExport } from './benchConsents.mjs'

const port = Number(process.env.PHOTOWALK_BENCH_PORT ?? 4180)
const parts = new Set(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['roster', 'consents'])
const origin = `http://127.0.0.1:${port}`
const participantCount = 5000
const checkinCount = 50_000
const rounds = 60
/** Keystrokes typed before measuring, so the JIT and the first render do not count. */
const warmUp = 10

function startServer() {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'pipe' })
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => String(chunk).includes(String(port)) && resolve(server))
    server.on('exit', (code) => reject(new Error(`preview server exited with ${code}`)))
  })
}

function rosterCsv(count) {
  const lines = ['Prénom;Nom;E-mail;Instagram;Rôle']
  for (let index = 0; index < count; index += 1) {
    lines.push(`Prénom${index};Nom${String(index).padStart(5, '0')};personne${index}@example.org;compte_${index};Instagrameur`)
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`)
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const round = (value) => Math.round(value * 10) / 10

const server = await startServer()
const browser = await chromium.launch({ executablePath: browserPath(), args: chromiumArgs })
const resultsFile = new URL('../bench/results/latest.json', import.meta.url)
const previous = await readFile(resultsFile, 'utf8').then(JSON.parse, () => ({}))
let results = { ...previous, date: new Date().toISOString() }
try {
  if (parts.has('roster')) results = { ...results, ...(await benchRoster()) }
  if (parts.has('consents')) results = { ...results, consentExport: await benchConsentExport(browser, origin) }
  await mkdir(new URL('../bench/results/', import.meta.url), { recursive: true })
  await writeFile(resultsFile, JSON.stringify(results, null, 2))
} finally {
  await browser.close()
  server.kill()
}

async function benchRoster() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
  const page = await context.newPage()
  await page.clock.setFixedTime(new Date('2027-07-24T09:35:00+02:00'))
  await page.goto(`${origin}/`)
  await page.getByRole('button', { name: 'Charger l’exemple' }).click()
  await page.getByRole('heading', { level: 1, name: 'Itinéraire' }).waitFor()

  // Import: from picking the file to the confirmation that everything is stored.
  await page.goto(`${origin}/participants/import`)
  const importStart = Date.now()
  await page.getByLabel('Fichier').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: rosterCsv(participantCount) })
  await page.getByRole('button', { name: /^Importer \(\d+\)$/ }).click()
  await page.getByText(/Import terminé/).waitFor({ timeout: 60_000 })
  const importMs = Date.now() - importStart

  // 50,000 check-in records written straight into the database, as a long day on many devices would leave.
  await page.evaluate(async (count) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('photowalk')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const read = (store) =>
      new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll()
        request.onsuccess = () => resolve(request.result)
      })
    const participants = await read('participants')
    const stops = (await read('stops')).filter((stop) => stop.kind === 'meeting' || stop.isCheckpoint)
    const eventId = participants[0].eventId
    const transaction = db.transaction('checkins', 'readwrite')
    const store = transaction.objectStore('checkins')
    // The first 4,000 people are checked in (several times, at every checkpoint); the rest are still to come.
    const arrived = [...participants].sort((a, b) => (a.lastName < b.lastName ? -1 : 1)).slice(0, 4000)
    for (let index = 0; index < count; index += 1) {
      const participant = arrived[index % arrived.length]
      const stop = stops[Math.floor(index / arrived.length) % stops.length]
      store.put({
        id: crypto.randomUUID(),
        eventId,
        participantId: participant.id,
        stopId: stop.id,
        action: index % 7 === 0 ? 'out' : 'in',
        undoesId: null,
        at: new Date(Date.UTC(2027, 6, 24, 6, 0, 0, index)).toISOString(),
        deviceId: 'bench',
        method: 'qr',
      })
    }
    await new Promise((resolve) => (transaction.oncomplete = resolve))
    db.close()
  }, checkinCount)

  // "Updated" means the new rows are in the document and laid out, ready for the next paint.
  const frame = () => 'new Promise((resolve) => setTimeout(() => resolve(document.body.offsetHeight), 0))'

  // Opening the check-in screen: from the tap on its tab to the head-count on screen.
  const openTimes = []
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.goto(`${origin}/participants`)
    // The roster has finished loading, arrival times included: the organiser looks, then taps.
    await page.getByText(/arrivé·e/).first().waitFor()
    openTimes.push(
      await page.evaluate(async (expected) => {
        const start = performance.now()
        document.querySelector('a[href="/checkin"]').click()
        while (document.querySelector('.head-count .number')?.textContent !== expected) {
          await new Promise((resolve) => requestAnimationFrame(resolve))
        }
        return performance.now() - start
      }, String(participantCount + 12)),
    )
  }

  // A search keystroke: from the input event to the updated list painted.
  const searchTimes = await page.evaluate(
    async ({ rounds, warmUp, frameSource }) => {
      const nextFrame = new Function(`return ${frameSource}`)
      const input = document.getElementById('checkin-search')
      const times = []
      for (let index = 0; index < rounds + warmUp; index += 1) {
        const query = ['nom0', 'prénom1', 'compte_4', 'personne12', 'nom04', 'p'][index % 6] + String(index % 10)
        const start = performance.now()
        input.value = query
        input.dispatchEvent(new Event('input'))
        await nextFrame()
        if (index >= warmUp) times.push(performance.now() - start)
      }
      input.value = ''
      input.dispatchEvent(new Event('input'))
      return times
    },
    { rounds, warmUp, frameSource: frame() },
  )

  // A tap on "check in": from the click to that person's row showing them present.
  const tapTimes = []
  for (let index = 0; index < rounds; index += 1) {
    const name = `Prénom${4000 + index} Nom${String(4000 + index).padStart(5, '0')}`
    await page.getByLabel('Rechercher').fill(`Nom${String(4000 + index).padStart(5, '0')}`)
    const button = page.getByRole('button', { name: `Arrivé·e ${name}` })
    if (!(await button.waitFor({ timeout: 5000 }).then(() => true, () => false))) continue
    tapTimes.push(
      await page.evaluate(async (label) => {
        // Button texts are compared without spaces: the visually hidden name follows the word directly.
        const text = (element) => element.textContent?.replace(/\s+/g, '') ?? ''
        const wanted = label.replace(/\s+/g, '')
        const undone = wanted.replace('Arrivé·e', 'Annuler')
        const target = [...document.querySelectorAll('button')].find((element) => text(element) === wanted)
        if (!target) return null
        const start = performance.now()
        target.click()
        while (![...document.querySelectorAll('button')].some((element) => text(element) === undone)) {
          await new Promise((resolve) => requestAnimationFrame(resolve))
        }
        return performance.now() - start
      }, `Arrivé·e ${name}`),
    )
  }
  tapTimes.splice(0, tapTimes.length, ...tapTimes.filter((time) => typeof time === 'number'))

  const results = {
    participants: participantCount,
    checkins: checkinCount,
    importMs,
    openMs: { median: round(percentile(openTimes, 50)), max: round(Math.max(...openTimes)) },
    searchMs: { median: round(percentile(searchTimes, 50)), p95: round(percentile(searchTimes, 95)) },
    tapMs: { median: round(percentile(tapTimes, 50)), p95: round(percentile(tapTimes, 95)), samples: tapTimes.length },
  }
  const verdict = (value, target) => (value <= target ? 'ok' : 'OVER')
  console.log(`Roster of ${participantCount} people, ${checkinCount} check-in records, Chromium on this machine:`)
  console.log(`  import of ${participantCount} CSV rows     ${results.importMs} ms          (target 3000 ms)  ${verdict(results.importMs, 3000)}`)
  console.log(`  open the check-in screen     ${results.openMs.median} ms median, ${results.openMs.max} ms worst (target 300 ms)  ${verdict(results.openMs.max, 300)}`)
  console.log(`  search keystroke             ${results.searchMs.median} ms median, ${results.searchMs.p95} ms p95 (target 30 ms)  ${verdict(results.searchMs.p95, 30)}`)
  console.log(`  tap "check in"               ${results.tapMs.median} ms median, ${results.tapMs.p95} ms p95 (target 50 ms)  ${verdict(results.tapMs.p95, 50)}`)
  await context.close()
  return results
}
