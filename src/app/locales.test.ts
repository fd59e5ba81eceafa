import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

type Messages = { [key: string]: string | Messages }

const here = new URL('.', import.meta.url).pathname
const source = new URL('..', import.meta.url).pathname
const read = (path: string): Messages => JSON.parse(readFileSync(join(here, path), 'utf8')) as Messages
const parts = {
  participant: { fr: read('locales/fr.json'), en: read('locales/en.json') },
  organiser: { fr: read('locales/organiser/fr.json'), en: read('locales/organiser/en.json') },
  records: { fr: read('locales/records/fr.json'), en: read('locales/records/en.json') },
}

/** Every message key, dotted. */
function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  )
}

function lookup(messages: Messages, key: string): string | Messages | undefined {
  return key.split('.').reduce<string | Messages | undefined>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), messages)
}

function merged(language: 'fr' | 'en'): Messages {
  const deepMerge = (a: Messages, b: Messages): Messages => {
    const out: Messages = { ...a }
    for (const [key, value] of Object.entries(b)) {
      const existing = out[key]
      out[key] = typeof value === 'object' && typeof existing === 'object' ? deepMerge(existing, value) : value
    }
    return out
  }
  return deepMerge(deepMerge(parts.participant[language], parts.organiser[language]), parts.records[language])
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

/** The message keys a file asks for: literal ones, and the fixed beginning of those built at run time. */
function keysUsedIn(file: string): { literal: string[]; prefixes: string[] } {
  const text = readFileSync(file, 'utf8')
  const literal = [...text.matchAll(/\$?\bt\(\s*['"]([\w.]+)['"]/g)].map((match) => match[1] ?? '')
  const prefixes = [...text.matchAll(/\$?\bt\(\s*`([\w.]*)\$\{/g)].map((match) => (match[1] ?? '').replace(/\.$/, ''))
  return { literal, prefixes }
}

/** What a participant opening a schedule link can be shown: its messages must come with the schedule. */
const participantFiles = [
  'features/schedule/ScheduleView.vue',
  'app/AppShell.vue',
  'app/components/ParticipantHeader.vue',
  'app/components/OnlineIndicator.vue',
  'app/components/AppProblems.vue',
  'app/components/StorageProblem.vue',
  'app/components/UpdatePrompt.vue',
  'app/components/ConfirmDialog.vue',
  'app/components/schedule/NowNextCard.vue',
  'app/components/schedule/PlaceLinks.vue',
  'app/components/schedule/StopTimes.vue',
  'app/composables/calendarDownload.ts',
].map((file) => join(source, file))

describe('the messages', () => {
  it('say the same things in French and English', () => {
    for (const part of Object.values(parts)) expect(keysOf(part.en).sort()).toEqual(keysOf(part.fr).sort())
  })

  it('are each in one part only', () => {
    const participant = new Set(keysOf(parts.participant.fr))
    const organiser = new Set(keysOf(parts.organiser.fr))
    expect(keysOf(parts.organiser.fr).filter((key) => participant.has(key))).toEqual([])
    expect(keysOf(parts.records.fr).filter((key) => participant.has(key) || organiser.has(key))).toEqual([])
  })

  it('that other screens ask for come without the consent and counter screens’ part', () => {
    const deepMerged = JSON.parse(JSON.stringify(parts.participant.fr)) as Messages
    for (const [key, value] of Object.entries(parts.organiser.fr)) {
      const existing = deepMerged[key]
      deepMerged[key] = typeof value === 'object' && typeof existing === 'object' ? { ...existing, ...value } : value
    }
    const missing: string[] = []
    const recordsScreens = /features\/(consent|counter)\/(?!ConsentBadge)/
    for (const file of sourceFiles(source).filter((path) => !recordsScreens.test(path))) {
      const { literal, prefixes } = keysUsedIn(file)
      for (const key of literal) if (typeof lookup(deepMerged, key) !== 'string') missing.push(`${file}: ${key}`)
      for (const prefix of prefixes) if (typeof lookup(deepMerged, prefix) !== 'object') missing.push(`${file}: ${prefix}.…`)
    }
    expect(missing).toEqual([])
  })

  it('hold every key the code asks for', () => {
    const missing: string[] = []
    let asked = 0
    for (const file of sourceFiles(source)) {
      const { literal, prefixes } = keysUsedIn(file)
      asked += literal.length + prefixes.length
      for (const language of ['fr', 'en'] as const) {
        const messages = merged(language)
        for (const key of literal) if (typeof lookup(messages, key) !== 'string') missing.push(`${file}: ${language} ${key}`)
        for (const prefix of prefixes) if (typeof lookup(messages, prefix) !== 'object') missing.push(`${file}: ${language} ${prefix}.…`)
      }
    }
    expect(missing).toEqual([])
    // The scan itself works: the app asks for hundreds of messages.
    expect(asked).toBeGreaterThan(300)
  })

  it('that a participant can see come with the schedule, not with the organiser’s screens', () => {
    const missing: string[] = []
    for (const file of participantFiles) {
      const { literal, prefixes } = keysUsedIn(file)
      for (const key of literal) if (typeof lookup(parts.participant.fr, key) !== 'string') missing.push(`${file}: ${key}`)
      for (const prefix of prefixes) if (typeof lookup(parts.participant.fr, prefix) !== 'object') missing.push(`${file}: ${prefix}.…`)
    }
    expect(missing).toEqual([])
  })
})
