import { expect, type Locator, type Page } from '@playwright/test'

/** The Consents tab: counts, filter, list, register check. */
export class ConsentPage {
  constructor(readonly page: Page) {}

  list(): Locator {
    return this.page.getByRole('list', { name: /Participants et leur consentement|Participants and their consent/ })
  }

  row(name: string): Locator {
    return this.list().getByRole('listitem').filter({ hasText: name })
  }

  /** The figure under a label of the counts ("Signés", "À signer", "Total"). */
  figure(label: string): Locator {
    return this.page.getByRole('definition').filter({ has: this.page.locator('xpath=preceding-sibling::dt[1]', { hasText: label }) })
  }

  counts(): Locator {
    return this.page.getByRole('group', { name: 'Consentements' })
  }

  async openPerson(name: string) {
    await this.row(name).getByRole('link').click()
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  async verifyRegister(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Vérifier le registre' }).click()
    const region = this.page.getByRole('region', { name: 'Vérification du registre' })
    await expect(region.getByText(/Registre intact|Problèmes trouvés/)).toBeVisible()
    return region
  }
}

/** One participant's consent page: status, history, actions. */
export class ParticipantConsentPage {
  constructor(readonly page: Page) {}

  status(): Locator {
    return this.page.getByText(/^Consentement :|^Consent:/)
  }

  history(): Locator {
    return this.page.getByRole('region', { name: /Historique|History/ }).getByRole('listitem')
  }

  async startSigning() {
    await this.page.getByRole('link', { name: /^Faire signer|^Sign/ }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: /Formulaire de consentement|Consent form/ })).toBeVisible()
  }

  async withdraw(itemLabel: RegExp, channel: string, note: string, recordedBy: string) {
    await this.page.getByRole('button', { name: 'Retirer', exact: true }).click()
    const form = this.page.getByRole('form', { name: 'Enregistrer un retrait' })
    if (itemLabel) await form.getByRole('checkbox', { name: itemLabel }).check()
    await form.getByLabel('Comment la demande a été faite').selectOption({ label: channel })
    await form.getByLabel('Note (facultatif)').fill(note)
    await form.getByLabel('Enregistré par (votre nom)').fill(recordedBy)
    await form.getByRole('button', { name: 'Enregistrer le retrait' }).click()
  }

  async erase(channel: string) {
    await this.page.getByRole('button', { name: 'Effacer les données personnelles' }).click()
    const dialog = this.page.getByRole('dialog', { name: /^Effacer les données personnelles de/ })
    await expect(dialog).toBeVisible()
    await dialog.getByLabel('Comment la demande a été faite').selectOption({ label: channel })
    await dialog.getByRole('button', { name: 'Effacer', exact: true }).click()
  }
}

/** The form a participant signs, in either language. */
export class ConsentFormPage {
  constructor(readonly page: Page) {}

  item(label: RegExp): Locator {
    return this.page.getByRole('checkbox', { name: label })
  }

  pad(label: string | RegExp): Locator {
    return this.page.getByRole('img', { name: label })
  }

  /** Draws a zigzag across the pad with pointer events, as a finger or a mouse would. */
  async sign(label: string | RegExp) {
    const pad = this.pad(label)
    // In the middle of the screen, as a person would hold it: clear of the form's sticky buttons.
    await pad.evaluate((element) => element.scrollIntoView({ block: 'center' }))
    const box = await pad.boundingBox()
    if (!box) throw new Error('the signature pad is not on screen')
    const { mouse } = this.page
    await mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6)
    await mouse.down()
    for (let step = 1; step <= 12; step += 1) {
      await mouse.move(box.x + box.width * (0.15 + step * 0.055), box.y + box.height * (step % 2 === 0 ? 0.6 : 0.3), { steps: 3 })
    }
    await mouse.up()
    await expect(pad).toHaveAccessibleName(/— (Signé|Signed)$/)
  }

  async save() {
    await this.page.getByRole('button', { name: /^Enregistrer le consentement|^Save the consent/ }).click()
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /Rien n’est enregistré|Not saved/ })
  }
}
