// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ok } from '@/domain/result'
import { useDraftForm } from './draftForm'

function mountForm(load: () => Promise<{ name: string } | null>) {
  let form: ReturnType<typeof useDraftForm<{ name: string }, never>> | undefined
  const Form = defineComponent({
    setup() {
      form = useDraftForm<{ name: string }, never>({
        draftName: () => 'test',
        initial: { name: '' },
        leaveTo: '/',
        load,
        submit: async () => ok(null),
      })
      return () => h('div')
    },
  })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { render: () => null } }] })
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: {} }, missingWarn: false })
  mount(Form, { global: { plugins: [createPinia(), router, i18n] } })
  if (!form) throw new Error('not mounted')
  return form
}

describe('an edit form whose record cannot be read', () => {
  it('says so and stays closed, instead of loading forever', async () => {
    const form = mountForm(() => Promise.reject(new Error('storage gone')))
    await flushPromises()
    expect(form.readFailed.value).toBe(true)
    expect(form.loaded.value).toBe(false)
  })

  it('opens as usual when the record is read', async () => {
    const form = mountForm(async () => ({ name: 'Hélène' }))
    await flushPromises()
    await vi.waitFor(() => expect(form.loaded.value).toBe(true), { timeout: 5000 })
    expect(form.readFailed.value).toBe(false)
    expect(form.draft.value.name).toBe('Hélène')
  })
})
