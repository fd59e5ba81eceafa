// The JavaScript budget: what a first visit downloads before the first screen can paint, gzipped.
// Walks Vite's build manifest from index.html through static imports, plus the lazy chunks that
// the first screen cannot paint without (its route view and the messages of one language: the
// organiser's screens need their own messages too).
import { readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'

export const budgetBytes = 100 * 1024

/** Screens whose first paint is budgeted, with the lazy modules each needs. */
export const budgetedScreens = {
  'start screen (events)': { modules: ['src/features/events/EventsView.vue'], organiser: true },
  'participant schedule': { modules: ['src/features/schedule/ScheduleView.vue'], organiser: false },
}
const languages = ['fr', 'en']
/** The messages a screen needs: everyone's, plus the organiser's on an organiser's screen. */
const localeModules = (language, organiser) => [
  `src/app/locales/${language}.json`,
  ...(organiser ? [`src/app/locales/organiser/${language}.json`] : []),
]
const deferredModules = ['src/db/index.ts']

export function closure(manifest, roots) {
  const files = new Set()
  const visit = (key) => {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`${key} is not in the build manifest`)
    if (files.has(chunk.file)) return
    files.add(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  roots.forEach(visit)
  return files
}

async function gzippedSize(dist, file) {
  return gzipSync(await readFile(new URL(file, dist)), { level: 9 }).length
}

async function totalSize(dist, files) {
  let total = 0
  for (const file of files) total += await gzippedSize(dist, file)
  return total
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

async function main() {
  const dist = new URL('../dist/', import.meta.url)
  const manifest = JSON.parse(await readFile(new URL('.vite/manifest.json', dist), 'utf8'))
  let failed = false
  const paintedFiles = new Set()
  for (const [screen, { modules, organiser }] of Object.entries(budgetedScreens)) {
    let worst = 0
    for (const language of languages) {
      const files = closure(manifest, ['index.html', ...modules, ...localeModules(language, organiser)])
      files.forEach((file) => paintedFiles.add(file))
      worst = Math.max(worst, await totalSize(dist, files))
    }
    const verdict = worst <= budgetBytes ? 'within' : 'OVER'
    console.log(`${screen}: ${kb(worst)} of JavaScript (gzip) before first paint — ${verdict} the ${kb(budgetBytes)} budget`)
    if (worst > budgetBytes) failed = true
  }
  const deferredFiles = [...closure(manifest, deferredModules)].filter((file) => !paintedFiles.has(file))
  const deferred = await totalSize(dist, deferredFiles)
  console.log(`database layer, loaded in parallel after the first paint starts: ${kb(deferred)} (gzip)`)
  if (failed) process.exitCode = 1
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
