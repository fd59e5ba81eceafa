import type { BrowserContext } from '@playwright/test'
import { AppPage, SchedulePage } from './support/pages'
import { expect, test } from './support/test'

/** A participant's first visit downloads at most this much, precache included (issue: a lighter first visit). */
const participantFirstVisitBudget = 400 * 1024

/** Every response the context receives, the service worker's included, with the bytes on the wire. */
function recordDownloads(context: BrowserContext) {
  const downloads: Array<{ url: string; bytes: number }> = []
  const pending: Array<Promise<void>> = []
  context.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        downloads.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize })
      }),
    )
  })
  return {
    downloads,
    settle: () => Promise.all(pending),
    total: () => downloads.reduce((sum, download) => sum + download.bytes, 0),
  }
}

test.describe('what a first visit downloads', () => {
  test('a participant opening a schedule link downloads no QR decoder, and little in all', async ({ browser, page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    const link = await itinerary.openShare()

    const context = await browser.newContext({ locale: 'fr-FR', viewport: page.viewportSize(), serviceWorkers: 'allow' })
    const recorded = recordDownloads(context)
    const phone = await context.newPage()
    await phone.goto(link)
    await expect(new SchedulePage(phone).stops()).toHaveCount(9)
    // Everything the app keeps for offline use is in: the service worker has installed its precache.
    await new AppPage(phone).waitUntilWorksOffline()
    await recorded.settle()

    const urls = recorded.downloads.map((download) => download.url)
    expect(urls.some((url) => url.includes('/sw.js')), 'the service worker was fetched').toBe(true)
    expect(urls.filter((url) => url.endsWith('.wasm'))).toEqual([])
    const total = recorded.total()
    test.info().annotations.push({ type: 'participant first visit', description: `${(total / 1024).toFixed(1)} KB in ${urls.length} responses` })
    expect(total).toBeLessThanOrEqual(participantFirstVisitBudget)
    await context.close()
  })

  test('an organiser’s device keeps the QR decoder once it has an event, and says it is ready to scan offline', async ({ page, app, events }) => {
    await app.goto('/')
    await app.openSettings()
    await expect(page.getByText('Le lecteur de QR codes sera enregistré sur cet appareil dès qu’il organisera un événement.')).toBeVisible()
    await app.openEvents()
    await events.loadSample()
    await app.openSettings()
    await expect(page.getByText('Prêt à scanner hors ligne : le lecteur de QR codes est enregistré sur cet appareil.')).toBeVisible()
    const { listed, kept } = await page.evaluate(async () => {
      const cache = await caches.open('photowalk-organiser-assets')
      const listed = (await (await fetch('/organiser-assets.json')).json()) as string[]
      return { listed: listed.map((file) => `/${file}`).sort(), kept: (await cache.keys()).map((request) => new URL(request.url).pathname).sort() }
    })
    expect(listed).toContainEqual(expect.stringMatching(/\.wasm$/))
    expect(kept).toEqual(['/organiser-assets.json', ...listed].sort())
  })
})
