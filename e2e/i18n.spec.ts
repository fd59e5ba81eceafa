import { expect, test } from './support/test'

test.describe('languages', () => {
  test('French by default, English from the settings and back, remembered across reloads', async ({ page, app }) => {
    await app.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', { level: 1, name: 'Événements' })).toBeVisible()

    await app.openSettings()
    await page.getByRole('radio', { name: 'English' }).check()
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(app.navigation().getByRole('link', { name: 'Check-in' })).toBeVisible()

    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await expect(page.getByRole('radio', { name: 'English' })).toBeChecked()

    await page.getByRole('radio', { name: 'Français' }).check()
    await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible()
  })

  test('?lang=en opens the app in English, with the sample in English too', async ({ page }) => {
    await page.goto('/?lang=en')
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible()
    await page.getByRole('button', { name: 'Load the sample' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Itinerary' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Electric boat ride on the Yonne' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Stops of the day' })).toContainText('10:00 – 11:30')
    await expect(page.getByText(/^Saturday, 24 July/)).toBeVisible()
    // Places, details and partners speak English too; street addresses stay as written on site.
    const stops = page.getByRole('list', { name: 'Stops of the day' })
    await expect(stops).toContainText('Boat landing (halte nautique) — Pontoon 2')
    await expect(stops).toContainText('Tourism office — In front of the entrance, riverside')
    await expect(stops).not.toContainText('Ponton')
  })

  test('the browser’s language is followed when nothing was chosen', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible()
    await context.close()
  })
})
