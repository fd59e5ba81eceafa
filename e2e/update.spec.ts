import { updateServerPort } from '../playwright.config'
import { AppPage } from './support/pages'
import { expect, test } from './support/test'

test.describe('updates', () => {
  test('a new version is announced and applied only when the user taps reload', async ({ page, context, app }) => {
    const origin = `http://127.0.0.1:${updateServerPort}`
    await context.addCookies([{ name: 'build', value: '1', url: origin }])
    await app.goto(`${origin}/`)
    await app.waitUntilWorksOffline()
    await expect(page.getByRole('alertdialog')).toHaveCount(0)

    // The server now serves a new service worker to this browser; the next visit finds it.
    await context.addCookies([{ name: 'build', value: '2', url: origin }])
    await page.reload()
    const prompt = page.getByRole('alertdialog', { name: 'Une nouvelle version de l’application est prête.' })
    await expect(prompt).toBeVisible()

    const activeScript = () =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)
    expect(await activeScript()).toBe(true)

    await prompt.getByRole('button', { name: 'Recharger' }).click()
    await expect(prompt).toBeHidden()
    await expect(page.getByRole('heading', { level: 1, name: 'Événements' })).toBeVisible()
    await expect.poll(activeScript).toBe(false)
  })

  test('"later" keeps the current version until the user chooses', async ({ page, context, app }) => {
    const origin = `http://127.0.0.1:${updateServerPort}`
    await context.addCookies([{ name: 'build', value: '1', url: origin }])
    await app.goto(`${origin}/`)
    await app.waitUntilWorksOffline()
    await context.addCookies([{ name: 'build', value: '3', url: origin }])
    await page.reload()
    const prompt = page.getByRole('alertdialog')
    await expect(prompt).toBeVisible()
    await prompt.getByRole('button', { name: 'Plus tard' }).click()
    await expect(prompt).toBeHidden()
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true)
  })

  test('reloading in one tab never reloads another: its search stays typed and its prompt stays', async ({ page, context, app, events }) => {
    // Two tabs and two versions of the app: longer than most tests.
    test.slow()
    const origin = `http://127.0.0.1:${updateServerPort}`
    await context.addCookies([{ name: 'build', value: '1', url: origin }])
    await app.goto(`${origin}/`)
    await events.loadSample()
    await app.waitUntilWorksOffline()
    await context.addCookies([{ name: 'build', value: '4', url: origin }])

    const other = await context.newPage()
    const otherApp = new AppPage(other)
    await otherApp.goto(`${origin}/checkin`)
    await expect(other.getByRole('alertdialog')).toBeVisible()
    await other.getByLabel('Rechercher').fill('Hélène, à moitié tap')
    await other.evaluate(() => {
      navigator.serviceWorker.addEventListener('controllerchange', () => ((window as unknown as { switched: boolean }).switched = true))
    })

    await page.reload()
    const prompt = page.getByRole('alertdialog', { name: 'Une nouvelle version de l’application est prête.' })
    await prompt.getByRole('button', { name: 'Recharger' }).click()
    await expect(prompt).toBeHidden()
    await expect(page.getByRole('heading', { level: 1, name: 'Itinéraire' })).toBeVisible()

    // The other tab is now run by the new version's service worker, and was not reloaded.
    await expect.poll(() => other.evaluate(() => (window as unknown as { switched?: boolean }).switched === true)).toBe(true)
    await expect(other.getByLabel('Rechercher')).toHaveValue('Hélène, à moitié tap')
    const otherPrompt = other.getByRole('alertdialog')
    await expect(otherPrompt).toBeVisible()
    // When its own user chooses, it reloads.
    await otherPrompt.getByRole('button', { name: 'Recharger' }).click()
    await expect(other.getByLabel('Rechercher')).toHaveValue('')
    await expect(otherPrompt).toBeHidden()
  })
})
