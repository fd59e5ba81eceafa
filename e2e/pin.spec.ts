import type { Page } from '@playwright/test'
import { PinDialog, PinSettingsPage } from './support/pin'
import { expect, seriousA11yViolations, test } from './support/test'

/** What this device keeps of the PIN, read straight from its database. */
function storedPinSecret(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('photowalk')
        opening.onerror = () => reject(opening.error)
        opening.onsuccess = () => {
          const read = opening.result.transaction('meta').objectStore('meta').get('deviceSecret.pin')
          read.onsuccess = () => {
            opening.result.close()
            resolve((read.result as { value?: unknown } | undefined)?.value ?? null)
          }
          read.onerror = () => reject(read.error)
        }
      }),
  )
}

/**
 * Puts the phone under a hand-over lock as `useLock().startLock` leaves it. No screen of this branch
 * starts a lock (the consent form will): the record is written as the app writes it.
 */
function lockOnto(page: Page, path: string, returnTo: string): Promise<void> {
  return page.evaluate(
    ({ path, returnTo }) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('photowalk')
        opening.onerror = () => reject(opening.error)
        opening.onsuccess = () => {
          const writing = opening.result.transaction('meta', 'readwrite')
          const lock = { kind: 'handover', path, label: 'Rendre le téléphone à l’organisateur', returnTo, startedAt: new Date().toISOString() }
          writing.objectStore('meta').put({ key: 'lock.current', value: lock })
          writing.oncomplete = () => {
            opening.result.close()
            resolve()
          }
          writing.onerror = () => reject(writing.error)
        }
      }),
    { path, returnTo },
  )
}

test.describe('the organiser’s PIN', () => {
  test('set typed twice (a mismatch refused, nothing stored), changed knowing the current one, removed', async ({ page, app }) => {
    const pin = new PinSettingsPage(page)
    await app.goto('/settings')
    await expect(pin.section()).toContainText('Aucun code sur ce téléphone.')
    await expect(pin.newPin()).toHaveAttribute('inputmode', 'numeric')

    await pin.setPin('482913', '482910')
    await expect(pin.repeat()).toHaveAccessibleDescription('Les deux codes sont différents. Rien n’a été enregistré.')
    await expect(pin.repeat()).toBeFocused()
    await pin.setPin('48a9', '48a9')
    await expect(pin.newPin()).toHaveAccessibleDescription(/^Le code ne contient que des chiffres\./)
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.reload()
    await expect(pin.section()).toContainText('Aucun code sur ce téléphone.')
    expect(await storedPinSecret(page)).toBeNull()

    await pin.setPin('482913')
    await expect(pin.section().getByRole('status')).toHaveText('Code enregistré.')
    await expect(pin.section()).toContainText('Un code est défini sur ce téléphone.')
    // A salted hash, never the PIN itself.
    const secret = await storedPinSecret(page)
    expect(secret).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: expect.any(String), hash: expect.any(String) })
    expect(JSON.stringify(secret)).not.toContain('482913')

    await pin.change('111111', '135790')
    await expect(pin.current()).toHaveAccessibleDescription('Code incorrect. Encore 2 essais avant une attente.')
    await expect(pin.current()).toBeFocused()
    await expect(pin.current()).toHaveValue('')
    expect(await storedPinSecret(page)).toEqual(secret)
    expect(await seriousA11yViolations(page)).toEqual([])

    await pin.change('482913', '135790')
    await expect(pin.section().getByRole('status')).toHaveText('Code changé.')
    expect(await storedPinSecret(page)).not.toEqual(secret)

    // The old PIN no longer removes it; the new one does.
    const removal = await pin.askToRemove()
    expect(await seriousA11yViolations(page)).toEqual([])
    await removal.submit('482913', 'Supprimer le code')
    await expect(removal.refusal()).toHaveText('Code incorrect. Encore 2 essais avant une attente.')
    await expect(removal.pin()).toBeFocused()
    await removal.submit('135790', 'Supprimer le code')
    await expect(removal.dialog()).toBeHidden()
    await expect(pin.section().getByRole('status')).toHaveText('Code supprimé.')
    await expect(pin.section()).toContainText('Aucun code sur ce téléphone.')
    expect(await storedPinSecret(page)).toBeNull()
  })

  test('three wrong PINs make the phone wait, a reload keeps the wait, and once it is over the right PIN works', async ({ page, app }) => {
    // The phone's time stands still between the test's moves: the countdown reads exactly.
    const start = new Date('2027-07-24T10:00:00+02:00').getTime()
    await page.clock.setFixedTime(start)
    const pin = new PinSettingsPage(page)
    await app.goto('/settings')
    await pin.setPin('482913')
    await expect(pin.section()).toContainText('Un code est défini sur ce téléphone.')

    await pin.change('000000', '135790')
    await expect(pin.current()).toHaveAccessibleDescription('Code incorrect. Encore 2 essais avant une attente.')
    await pin.change('111111', '135790')
    await expect(pin.current()).toHaveAccessibleDescription('Code incorrect. Encore 1 essai avant une attente.')
    await pin.change('222222', '135790')
    await expect(pin.current()).toHaveAccessibleDescription('Code incorrect.')
    await expect(pin.countdown()).toHaveText('Trop de codes erronés. Réessayez dans 0:30.')
    await expect(pin.saveChange()).toBeDisabled()
    await page.clock.setFixedTime(start + 10_000)
    await expect(pin.countdown()).toHaveText('Trop de codes erronés. Réessayez dans 0:20.')
    expect(await seriousA11yViolations(page)).toEqual([])

    // A reload does not start the count again: the PIN dialog waits too, even for the right PIN.
    await page.reload()
    await expect(pin.section()).toContainText('Un code est défini sur ce téléphone.')
    const removal = await pin.askToRemove()
    await expect(removal.countdown()).toHaveText('Trop de codes erronés. Réessayez dans 0:20.')
    await expect(removal.dialog().getByRole('button', { name: 'Supprimer le code' })).toBeDisabled()
    expect(await seriousA11yViolations(page)).toEqual([])
    await removal.dialog().getByRole('button', { name: 'Annuler' }).click()
    await expect(removal.dialog()).toBeHidden()

    await page.clock.setFixedTime(start + 30_000)
    await pin.section().getByRole('button', { name: 'Changer le code' }).click()
    await expect(pin.countdown()).toBeHidden()
    await pin.change('482913', '135790')
    await expect(pin.section().getByRole('status')).toHaveText('Code changé.')

    // The right PIN started the count again: three more tries are free.
    await pin.change('000000', '246802')
    await expect(pin.current()).toHaveAccessibleDescription('Code incorrect. Encore 2 essais avant une attente.')
  })
})

test.describe('a locked phone', () => {
  test('opens on its screen whatever the address, offers only the way out, and lets the right PIN through', async ({ page, app }) => {
    const pin = new PinSettingsPage(page)
    await app.goto('/settings')
    await pin.setPin('482913')
    await expect(pin.section()).toContainText('Un code est défini sur ce téléphone.')
    await lockOnto(page, '/participants', '/settings')

    // An address typed (or a reload elsewhere): the locked screen, and the PIN asked for at once.
    await page.goto('/itinerary')
    await expect(page).toHaveURL(/\/participants$/)
    const dialog = new PinDialog(page)
    await expect(dialog.dialog()).toBeVisible()
    await expect(dialog.pin()).toHaveAttribute('inputmode', 'numeric')
    expect(await seriousA11yViolations(page)).toEqual([])
    await dialog.dialog().getByRole('button', { name: 'Rester sur cet écran' }).click()
    await expect(dialog.dialog()).toBeHidden()
    await expect(page.getByRole('banner')).toContainText('Téléphone confié : écran verrouillé')
    await expect(page.getByRole('banner').getByRole('link')).toHaveCount(0)
    await expect(app.navigation()).toHaveCount(0)

    // The back button stays on the locked screen and asks for the PIN.
    await page.goBack()
    await expect(dialog.dialog()).toBeVisible()
    await expect(page).toHaveURL(/\/participants$/)
    await dialog.submit('000000')
    await expect(dialog.refusal()).toHaveText('Code incorrect. Encore 2 essais avant une attente.')
    await expect(page).toHaveURL(/\/participants$/)
    await dialog.dialog().getByRole('button', { name: 'Rester sur cet écran' }).click()

    // The leave button; the right PIN returns where the organiser was, with the navigation back.
    await page.getByRole('button', { name: 'Rendre le téléphone à l’organisateur' }).click()
    await dialog.submit('482913')
    await expect(dialog.dialog()).toBeHidden()
    await expect(page).toHaveURL(/\/settings$/)
    await expect(app.navigation()).toBeVisible()
    await page.reload()
    await expect(page).toHaveURL(/\/settings$/)
  })
})
