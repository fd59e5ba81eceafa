import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname })

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').length
}

// The first lint loads every plugin and the whole config: seconds on a busy 2-core machine.
describe('layer boundaries enforced by the lint', { timeout: 30_000 }, () => {
  it.each([
    ['src/domain/example.ts', "import { ref } from 'vue'"],
    ['src/domain/example.ts', "import { defineStore } from 'pinia'"],
    ['src/domain/example.ts', "import Dexie from 'dexie'"],
    ['src/domain/example.ts', "import { database } from '../db/database'"],
    ['src/domain/example.ts', "import { newId } from '@/services/ids'"],
    ['src/domain/example.ts', "import { useEventsStore } from '@/stores/events'"],
    ['src/db/example.ts', "import { newId } from '../services/ids'"],
    ['src/services/example.ts', "import Dexie from 'dexie'"],
    ['src/stores/example.ts', "import AppIcon from '@/app/components/AppIcon.vue'"],
    ['src/app/example.ts', "import { routes } from '@/routes'"],
    ['src/app/example.ts', "import View from '../features/events/EventsView.vue'"],
    ['src/features/example/Example.ts', "import { eventRepository } from '@/db'"],
    ['src/features/example/Example.ts', "import { database } from '../../db/database'"],
    ['src/features/example/Example.ts', "import Dexie from 'dexie'"],
  ])('%s may not %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\nexport const used = 1\n`)).toBe(1)
  })

  it.each([
    ['src/domain/example.ts', "import { ok } from './result'"],
    ['src/db/example.ts', "import type { Stop } from '@/domain/types'"],
    ['src/stores/example.ts', "import { eventRepository } from '@/db'"],
    ['src/features/example/Example.ts', "import { useEventsStore } from '@/stores/events'"],
    ['src/features/example/Example.ts', "import AppIcon from '@/app/components/AppIcon.vue'"],
  ])('%s may %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\nexport const used = 1\n`)).toBe(0)
  })
})
