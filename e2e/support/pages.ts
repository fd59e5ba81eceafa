import { expect, type Locator, type Page } from '@playwright/test'

/** What every screen shares: header, bottom navigation, online indicator. */
export class AppPage {
  constructor(readonly page: Page) {}

  async goto(path = '/') {
    await this.page.goto(path)
    await expect(this.page.getByRole('navigation', { name: /Navigation principale|Main navigation/ })).toBeVisible()
  }

  navigation(): Locator {
    return this.page.getByRole('navigation', { name: /Navigation principale|Main navigation/ })
  }

  async openTab(name: string | RegExp) {
    await this.navigation().getByRole('link', { name }).click()
  }

  networkStatus(): Locator {
    return this.page.getByRole('banner').getByRole('status')
  }

  async openSettings() {
    await this.page.getByRole('banner').getByRole('link', { name: /Réglages|Settings/ }).click()
  }

  async openEvents() {
    await this.page.getByRole('banner').getByRole('link', { name: /Événements|Events/ }).click()
  }

  /** Resolves once a service worker controls the page, so a reload can be served offline. */
  async waitUntilWorksOffline() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    if (!(await this.page.evaluate(() => navigator.serviceWorker.controller !== null))) {
      await this.page.reload()
    }
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  }
}

export class EventsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Événements' })
  }

  card(name: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 2, name }) })
  }

  async loadSample() {
    await this.page.getByRole('button', { name: 'Charger l’exemple' }).click()
  }

  async startCreating() {
    await this.page.getByRole('link', { name: 'Créer un événement' }).click()
  }

  async open(name: string) {
    await this.card(name).getByRole('button', { name: /^Ouvrir/ }).click()
  }

  async edit(name: string) {
    await this.card(name).getByRole('link', { name: /^Modifier/ }).click()
  }

  async askToDelete(name: string): Promise<Locator> {
    await this.card(name).getByRole('button', { name: /^Supprimer/ }).click()
    const dialog = this.page.getByRole('dialog', { name: `Supprimer « ${name} » ?` })
    await expect(dialog).toBeVisible()
    return dialog
  }
}

export interface EventFields {
  name?: string
  date?: string
  timeZone?: string
  hashtags?: string[]
  meetingPoint?: string
  organisation?: string
  goal?: string
}

export class EventFormPage {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true })
  }

  async fill(fields: EventFields) {
    if (fields.name !== undefined) await this.field('Nom de l’événement').fill(fields.name)
    if (fields.date !== undefined) await this.field('Date').fill(fields.date)
    if (fields.timeZone !== undefined) await this.field('Fuseau horaire').fill(fields.timeZone)
    if (fields.hashtags) {
      for (const [index, hashtag] of fields.hashtags.entries()) {
        const label = index === 0 ? 'Hashtag principal' : `Hashtag ${index + 1}`
        if ((await this.field(label).count()) === 0) {
          await this.page.getByRole('button', { name: 'Ajouter un hashtag' }).click()
        }
        await this.field(label).fill(hashtag)
      }
    }
    if (fields.meetingPoint !== undefined) await this.field('Point de rendez-vous').fill(fields.meetingPoint)
    if (fields.organisation !== undefined) await this.field('Organisateur').fill(fields.organisation)
    if (fields.goal !== undefined) await this.field('Objectif de publications').fill(fields.goal)
  }

  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer' }).click()
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /Corrigez/ })
  }
}
