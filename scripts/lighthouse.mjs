// Lighthouse (mobile) on the production build: the start screen and a participant's schedule.
// Fails when accessibility or best practices score under 0.95; performance is reported (it depends
// on this machine's load) and written to bench/results/lighthouse.json.
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { chromium } from '@playwright/test'
import { browserPath, chromiumArgs } from './browser.mjs'

const port = 4190
const origin = `http://127.0.0.1:${port}`
const minimum = 0.95

function startServer() {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'pipe' })
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => String(chunk).includes(String(port)) && resolve(server))
    server.on('exit', (code) => reject(new Error(`preview server exited with ${code}`)))
  })
}

/** The sample day's share link, made by the app itself as an organiser would. */
async function participantLink() {
  const browser = await chromium.launch({ executablePath: browserPath(), args: chromiumArgs })
  try {
    const page = await browser.newPage({ locale: 'fr-FR' })
    await page.goto(`${origin}/`)
    await page.getByRole('button', { name: 'Charger l’exemple' }).click()
    await page.getByRole('button', { name: 'Partager' }).click()
    return await page.getByRole('textbox', { name: 'Lien' }).inputValue()
  } finally {
    await browser.close()
  }
}

const server = await startServer()
const link = await participantLink()
const chrome = await chromeLauncher.launch({
  chromePath: browserPath(),
  chromeFlags: chromiumArgs,
})
const results = {}
let failed = false
try {
  const pages = { 'start screen': `${origin}/`, 'participant schedule': link }
  for (const [name, url] of Object.entries(pages)) {
    const run = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      formFactor: 'mobile',
    })
    const scores = Object.fromEntries(Object.entries(run.lhr.categories).map(([id, category]) => [id, category.score]))
    results[name] = scores
    const verdict = ['accessibility', 'best-practices'].every((id) => (scores[id] ?? 0) >= minimum) ? 'ok' : 'BELOW'
    if (verdict !== 'ok') {
      failed = true
      for (const [id, audit] of Object.entries(run.lhr.audits)) {
        if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary') console.log(`  ${id}: ${audit.title}`)
      }
    }
    console.log(`${name}: ${Object.entries(scores).map(([id, score]) => `${id} ${Math.round((score ?? 0) * 100)}`).join(', ')} — ${verdict}`)
  }
  await mkdir(new URL('../bench/results/', import.meta.url), { recursive: true })
  await writeFile(new URL('../bench/results/lighthouse.json', import.meta.url), JSON.stringify(results, null, 2))
} finally {
  await chrome.kill()
  server.kill()
}
if (failed) process.exitCode = 1
