import { readFileSync } from 'node:fs'
import { expect, test } from './support/test'

const dist = new URL('../dist/', import.meta.url)

test.describe('installable offline app', () => {
  test('the build precaches the shell and every route’s code, and leaves organisers’ files to organisers', () => {
    const serviceWorker = readFileSync(new URL('sw.js', dist), 'utf8')
    const organiserOnly = JSON.parse(readFileSync(new URL('organiser-assets.json', dist), 'utf8')) as string[]
    expect(organiserOnly).toContainEqual(expect.stringMatching(/\.wasm$/))
    for (const file of organiserOnly) expect(serviceWorker, file).not.toContain(`"${file}"`)
    const viteManifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<
      string,
      { file: string; css?: string[] }
    >
    const routeViews = Object.keys(viteManifest).filter((key) => /^src\/features\/.+View\.vue$/.test(key))
    expect(routeViews.length).toBeGreaterThanOrEqual(8)
    const mustBeCached = [
      'index.html',
      'manifest.webmanifest',
      'icon-192.png',
      ...Object.values(viteManifest)
        .flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])])
        .filter((file) => !organiserOnly.includes(file)),
    ]
    for (const file of mustBeCached) expect(serviceWorker, file).toContain(`"${file}"`)
  })

  test('the web manifest makes the app installable', async ({ page, request, app }) => {
    await app.goto('/')
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    expect(href).toBeTruthy()
    const manifest = await (await request.get(href ?? '')).json()
    expect(manifest).toMatchObject({
      name: 'Photowalk',
      display: 'standalone',
      start_url: '/',
      theme_color: '#0b5d4b',
    })
    const icons = manifest.icons as Array<{ src: string; sizes: string; purpose?: string }>
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(icons.some((icon) => icon.purpose === 'maskable')).toBe(true)
    for (const icon of icons) {
      const response = await request.get(icon.src)
      expect(response.ok(), icon.src).toBe(true)
      expect(response.headers()['content-type']).toBe('image/png')
    }
  })

  test('the settings show storage protection, space used and the device', async ({ page, app, events }) => {
    await app.goto('/')
    await events.loadSample()
    await expect(page.getByRole('heading', { level: 1, name: 'Itinéraire' })).toBeVisible()
    await app.openSettings()
    await expect(page.getByTestId('storage-persisted')).toHaveText(/^(Protégées|Non protégées)/)
    await expect(page.getByText(/ sur .* disponibles$/)).toBeVisible()
    await expect(page.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)).toBeVisible()
  })

  test('the online indicator follows the network', async ({ context, app }) => {
    await app.goto('/')
    await expect(app.networkStatus()).toHaveText('En ligne')
    await context.setOffline(true)
    await expect(app.networkStatus()).toHaveText('Hors ligne')
    await context.setOffline(false)
    await expect(app.networkStatus()).toHaveText('En ligne')
  })
})
