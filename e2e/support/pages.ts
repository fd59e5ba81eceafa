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

  /** Taps a tab and waits until its screen is the one shown. */
  async openTab(name: string | RegExp) {
    const tab = this.navigation().getByRole('link', { name })
    const path = await tab.getAttribute('href')
    await tab.click()
    if (path) await expect(this.page).toHaveURL(new RegExp(`${path}$`))
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible()
  }

  networkStatus(): Locator {
    return this.page.getByRole('banner').getByRole('status')
  }

  async openSettings() {
    await this.page.getByRole('banner').getByRole('link', { name: /Réglages|Settings/ }).click()
  }

  async openEvents() {
    await this.page.getByRole('banner').getByRole('link', { name: /changer d’événement|switch event/ }).click()
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

  /** Loads the sample and waits until it is stored: the app then shows its itinerary. */
  async loadSample() {
    await this.page.getByRole('button', { name: 'Charger l’exemple' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Itinéraire' })).toBeVisible()
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

export class ItineraryPage {
  constructor(readonly page: Page) {}

  stops(): Locator {
    return this.page.getByRole('list', { name: /Étapes de la journée|Stops of the day/ }).getByRole('listitem')
  }

  stop(title: string): Locator {
    return this.stops().filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) })
  }

  /** The stops' titles, in the order shown. */
  titles(): Locator {
    return this.stops().getByRole('heading', { level: 2 })
  }

  async addStop() {
    await this.page.getByRole('link', { name: 'Ajouter une étape' }).click()
  }

  async moveUp(title: string) {
    await this.page.getByRole('button', { name: `Monter « ${title} »` }).click()
  }

  async moveDown(title: string) {
    await this.page.getByRole('button', { name: `Descendre « ${title} »` }).click()
  }

  async edit(title: string) {
    await this.stop(title).getByRole('link', { name: /^Modifier/ }).click()
  }

  runningLate(): Locator {
    return this.page.getByRole('region', { name: 'On a du retard' })
  }

  async shift(minutes: 5 | 10 | 15, fromStop?: string) {
    if (fromStop) {
      const select = this.runningLate().getByLabel('À partir de l’étape')
      const value = await select.locator('option', { hasText: fromStop }).getAttribute('value')
      await select.selectOption(value ?? '')
    }
    await this.runningLate().getByRole('button', { name: `+${minutes} min` }).click()
  }

  conflicts(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'de retard' })
  }

  shareDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Programme des participants' })
  }

  /** Opens the share dialog and waits for its QR code. */
  async openShareDialog() {
    await this.page.getByRole('button', { name: 'Partager' }).click()
    await expect(this.shareDialog().getByRole('img', { name: 'QR code du lien vers le programme' }).locator('svg')).toBeVisible()
  }

  /** The schedule link, read from the share dialog, which is closed again. */
  async openShare(): Promise<string> {
    await this.openShareDialog()
    const link = await this.shareDialog().getByRole('textbox', { name: 'Lien' }).inputValue()
    await this.shareDialog().getByRole('button', { name: 'Fermer' }).click()
    return link
  }

  fullScreenQr(): Locator {
    return this.page.getByRole('dialog', { name: 'QR code du programme' })
  }
}

export interface StopFields {
  kind?: string
  title?: string
  start?: string
  duration?: string
  end?: string
  placeName?: string
  address?: string
  detail?: string
  lat?: string
  lng?: string
  capacity?: string
  checkpoint?: boolean
  fixed?: boolean
  toBring?: string
}

export class StopFormPage {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true })
  }

  async fill(fields: StopFields) {
    if (fields.kind !== undefined) await this.field('Type').selectOption({ label: fields.kind })
    if (fields.title !== undefined) await this.field('Titre').fill(fields.title)
    if (fields.start !== undefined) await this.field('Début').fill(fields.start)
    if (fields.duration !== undefined) {
      await this.page.getByRole('radio', { name: 'une durée' }).check()
      await this.field('Durée (minutes)').fill(fields.duration)
    }
    if (fields.end !== undefined) {
      await this.page.getByRole('radio', { name: 'une heure de fin' }).check()
      await this.field('Fin').fill(fields.end)
    }
    if (fields.placeName !== undefined) await this.field('Nom du lieu').fill(fields.placeName)
    if (fields.address !== undefined) await this.field('Adresse').fill(fields.address)
    if (fields.detail !== undefined) await this.field('Précision pour se retrouver').fill(fields.detail)
    if (fields.lat !== undefined) await this.field('Latitude').fill(fields.lat)
    if (fields.lng !== undefined) await this.field('Longitude').fill(fields.lng)
    if (fields.capacity !== undefined) await this.field('Capacité (places)').fill(fields.capacity)
    if (fields.checkpoint !== undefined) await this.page.getByRole('checkbox', { name: /Point de pointage/ }).setChecked(fields.checkpoint)
    if (fields.fixed !== undefined) await this.page.getByRole('checkbox', { name: /Horaire fixe/ }).setChecked(fields.fixed)
    if (fields.toBring !== undefined) await this.field('À apporter').fill(fields.toBring)
  }

  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer' }).click()
  }
}

export class SchedulePage {
  constructor(readonly page: Page) {}

  stops(): Locator {
    return this.page.getByRole('list', { name: /Étapes de la journée|Stops of the day/ }).getByRole('listitem')
  }

  stop(title: string): Locator {
    return this.stops().filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) })
  }

  nowAndNext(): Locator {
    return this.page.getByRole('region', { name: /Maintenant et ensuite|Now and next/ })
  }

  title(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** Forgets the schedule shown, through its confirmation. */
  async forget() {
    await this.page.getByRole('button', { name: 'Oublier ce programme' }).click()
    const dialog = this.page.getByRole('dialog', { name: /^Oublier « .+ » \?$/ })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Oublier', exact: true }).click()
  }
}

export class ParticipantsPage {
  constructor(readonly page: Page) {}

  list(): Locator {
    return this.page.getByRole('list', { name: 'Liste des participants' })
  }

  row(name: string): Locator {
    return this.list().getByRole('listitem').filter({ hasText: name })
  }

  async search(text: string) {
    await this.page.getByLabel('Rechercher').fill(text)
  }

  async importFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByRole('link', { name: 'Importer' }).click()
    await this.page.getByLabel('Fichier').setInputFiles(file)
  }

  async confirmImport() {
    await this.page.getByRole('button', { name: /^Importer \(\d+\)$/ }).click()
  }
}

export class CheckinPage {
  constructor(readonly page: Page) {}

  async chooseCheckpoint(title: string) {
    await this.page.getByLabel('Point de pointage').selectOption({ label: title })
  }

  async chooseMode(label: 'Arrivée' | 'Départ' | 'Embarquement' | 'Débarquement') {
    await this.page.getByRole('group', { name: 'Sens du pointage' }).getByText(label, { exact: true }).click()
    await expect(this.page.getByRole('radio', { name: label })).toBeChecked()
  }

  headCount(): Locator {
    return this.page.getByRole('region', { name: 'Comptage' })
  }

  /** The number shown above a head-count label ("à bord", "manquants"…). */
  figure(label: string): Locator {
    return this.headCount().locator('p', { hasText: label }).locator('.number')
  }

  /** What the last scan or tap did, in words. */
  result(): Locator {
    return this.page.locator('.result[role="status"] > span')
  }

  async search(text: string) {
    await this.page.getByLabel('Rechercher').fill(text)
  }

  /** The button on a person's row: "Arrivé·e", "Parti·e", "Embarquer", "Débarquer". */
  action(label: 'Arrivé·e' | 'Parti·e' | 'Embarquer' | 'Débarquer', name: string): Locator {
    return this.page.getByRole('button', { name: `${label} ${name}`, exact: true })
  }

  async tapCheckIn(name: string) {
    await this.action('Arrivé·e', name).click()
  }

  async tapCheckOut(name: string) {
    await this.action('Parti·e', name).click()
  }

  async undo(name: string) {
    await this.page.getByRole('button', { name: `Annuler ${name}` }).click()
  }
}

/** The consent exports on the Consents tab: the ZIP with its progress, and one person's data. */
export class ConsentExportPage {
  constructor(readonly page: Page) {}

  exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Exporter les consentements (ZIP)' })
  }

  progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Avancement de l’export' })
  }

  cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Annuler l’export' })
  }

  outcome(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Enregistré|annulé/ })
  }

  async choosePerson(label: string) {
    await this.page.getByLabel('Personne', { exact: true }).selectOption({ label })
  }

  accessButton(format: 'JSON' | 'PDF'): Locator {
    return this.page.getByRole('button', { name: `Ses données (${format})` })
  }
}
