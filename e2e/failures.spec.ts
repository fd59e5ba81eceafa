import { expect, test } from './support/test'

test.describe('failures are said, never a blank page', () => {
  test('when IndexedDB cannot be opened, every screen says so and what to do', async ({ page, app }) => {
    // As in a private window that refuses storage: opening any database throws.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError')
      }
    })
    await app.goto('/')
    const problem = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Cet appareil ne laisse pas l’application garder ses données' }) })
    await expect(problem).toContainText('navigation privée')
    await expect(problem.getByRole('button', { name: 'Réessayer' })).toBeVisible()

    for (const path of ['/checkin', '/participants/import', '/itinerary', '/settings']) {
      await page.goto(path)
      await expect(problem, path).toBeVisible()
    }
    // Trying again with the same refusal keeps saying so.
    await problem.getByRole('button', { name: 'Réessayer' }).click()
    await expect(problem).toBeVisible()
  })

  test('in English too', async ({ page, app }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('denied', 'InvalidStateError')
      }
    })
    await app.goto('/checkin?lang=en')
    await expect(page.getByRole('heading', { name: 'This device does not let the app keep its data' })).toBeVisible()
  })

  test('an error no screen caught is shown with what to do, and can be dismissed', async ({ page, app, events }) => {
    await app.goto('/')
    await events.loadSample()
    await page.evaluate(() => {
      void Promise.reject(new RangeError('something nobody expected'))
    })
    const alert = page.getByRole('alert').filter({ hasText: 'Une erreur inattendue s’est produite' })
    await expect(alert).toBeVisible()
    await alert.getByRole('button', { name: 'Fermer le message' }).click()
    await expect(alert).toHaveCount(0)
  })
})
