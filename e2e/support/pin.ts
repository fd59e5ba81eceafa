import { expect, type Locator, type Page } from '@playwright/test'

/** The organiser's PIN in the settings: set, change, remove. */
export class PinSettingsPage {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByRole('region', { name: /^(Code de l’organisateur|Organiser’s PIN)$/ })
  }

  newPin(): Locator {
    return this.section().getByLabel(/^(Nouveau code|New PIN)$/)
  }

  repeat(): Locator {
    return this.section().getByLabel(/^(Confirmez le code|Confirm the PIN)$/)
  }

  current(): Locator {
    return this.section().getByLabel(/^(Code actuel|Current PIN)$/)
  }

  /** The wait after too many wrong PINs ("Réessayez dans 0:27"). */
  countdown(): Locator {
    return this.section().getByRole('timer')
  }

  async setPin(pin: string, repeated = pin) {
    await this.newPin().fill(pin)
    await this.repeat().fill(repeated)
    await this.section().getByRole('button', { name: /^(Enregistrer le code|Save the PIN)$/ }).click()
  }

  /** Opens the change form if it is not open yet, and submits it. */
  async change(current: string, pin: string, repeated = pin) {
    const open = this.section().getByRole('button', { name: /^(Changer le code|Change the PIN)$/ })
    if (await open.isVisible()) await open.click()
    await this.current().fill(current)
    await this.newPin().fill(pin)
    await this.repeat().fill(repeated)
    await this.saveChange().click()
  }

  saveChange(): Locator {
    return this.section().getByRole('button', { name: /^(Enregistrer le nouveau code|Save the new PIN)$/ })
  }

  async askToRemove(): Promise<PinDialog> {
    await this.section().getByRole('button', { name: /^(Supprimer le code|Remove the PIN)$/ }).click()
    const dialog = new PinDialog(this.page, /^(Supprimer le code \?|Remove the PIN\?)$/)
    await expect(dialog.dialog()).toBeVisible()
    return dialog
  }
}

/**
 * The dialog that asks for the organiser's PIN: to leave a locked screen (named "Code de
 * l’organisateur", confirmed by "Déverrouiller", dismissed by "Rester sur cet écran") or before
 * removing the PIN.
 */
export class PinDialog {
  constructor(
    readonly page: Page,
    readonly name: string | RegExp = /^(Code de l’organisateur|Organiser’s PIN)$/,
  ) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.name })
  }

  pin(): Locator {
    return this.dialog().getByLabel(/^(Code|PIN)$/)
  }

  refusal(): Locator {
    return this.dialog().getByRole('alert')
  }

  countdown(): Locator {
    return this.dialog().getByRole('timer')
  }

  /** Types `pin` and confirms with the dialog's main button (`confirm`: its name). */
  async submit(pin: string, confirm: string | RegExp = /^(Déverrouiller|Unlock)$/) {
    await this.pin().fill(pin)
    await this.dialog().getByRole('button', { name: confirm }).click()
  }
}
