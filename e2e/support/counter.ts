import { expect, type Locator, type Page } from '@playwright/test'
import { startFakeSocialApis } from './fakeSocialApis'
import { test as base } from './test'

/** The fake Instagram Graph API and fediverse instance, driven through its control API. */
export class FakeSocialApis {
  constructor(
    readonly origin: string,
    /** What the app's settings are given: `127.0.0.1:<port>`. */
    readonly host: string,
  ) {}

  private async control(path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.origin}/control/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    expect(response.ok, `control ${path}`).toBe(true)
    return response.json()
  }

  reset = () => this.control('reset', {})
  addInstagramPosts = (hashtag: string, count: number, timestamp: string) => this.control('instagram/posts', { hashtag, count, timestamp })
  addFediversePosts = (hashtag: string, count: number, createdAt: string, uri?: string) =>
    this.control('fediverse/posts', { hashtag, count, created_at: createdAt, uri })
  fail = (provider: 'instagram' | 'fediverse', kind: 'token' | 'rateLimit' | 'permission', times?: number) => this.control('fail', { provider, kind, times })
  heal = (provider: 'instagram' | 'fediverse') => this.control('heal', { provider })
  requests = async () => (await this.control('requests')) as { instagram: number; fediverse: number }
}

/** The app's fixtures, plus a fake of the social APIs of this worker's own, emptied before each test. */
export const test = base.extend<{ socialApis: FakeSocialApis }, { socialApisServer: FakeSocialApis }>({
  socialApisServer: [
    // Playwright reads the fixtures a fixture needs from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startFakeSocialApis()
      await use(new FakeSocialApis(server.origin, server.host))
      await server.close()
    },
    { scope: 'worker' },
  ],
  socialApis: async ({ socialApisServer }, use) => {
    await socialApisServer.reset()
    await use(socialApisServer)
  },
})

/** The counter screen and its sources' settings. */
export class CounterPage {
  constructor(readonly page: Page) {}

  headline(): Locator {
    return this.page.locator('.headline')
  }

  /** The big figure. */
  count(): Locator {
    return this.headline().locator('.count')
  }

  source(name: 'Instagram' | 'Fédivers'): Locator {
    return this.page.getByRole('region', { name: 'Par source' }).getByRole('listitem').filter({ hasText: name })
  }

  async openSources() {
    await this.page.getByRole('link', { name: 'Sources' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sources du compteur' })).toBeVisible()
  }

  /** Points both sources at `host` (the fake) and saves the Instagram token. */
  async configureSources(options: { accountId: string; host: string; token: string; pollSeconds?: string }) {
    const page = this.page
    await page.getByRole('checkbox', { name: 'Suivre Instagram' }).check()
    await page.getByLabel('Identifiant du compte Instagram professionnel').fill(options.accountId)
    await page.getByText('Avancé').click()
    await page.getByLabel('Adresse de l’API Graph').fill(`http://${options.host}`)
    await page.getByRole('checkbox', { name: 'Suivre le fédivers' }).check()
    await page.getByLabel('Instances').fill(options.host)
    if (options.pollSeconds) await page.getByLabel('Intervalle d’interrogation (secondes)').fill(options.pollSeconds)
    await page.getByRole('button', { name: 'Enregistrer les sources' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Sources enregistrées.' })).toBeVisible()
    await page.getByLabel('Nouveau jeton').fill(options.token)
    await page.getByRole('button', { name: 'Enregistrer le jeton' }).click()
    await expect(page.getByText(`Jeton enregistré : ••••${options.token.slice(-4)}`)).toBeVisible()
  }

  async backToCounter() {
    await this.page.getByRole('link', { name: /Retour au compteur/ }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Compteur' })).toBeVisible()
  }
}
