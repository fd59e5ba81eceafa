import { badgePayload } from '../src/domain/badgePayload'
import { showToFakeCamera } from './support/fakeCamera'
import { expect, test } from './support/test'

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test('scanning a badge with the camera checks in, recognises a second scan, and works offline', async ({ page, context, app, events, checkin }) => {
  await app.goto('/')
  await events.loadSample()
  await app.waitUntilWorksOffline()

  await app.openTab('Participants')
  await page.getByRole('listitem').filter({ hasText: 'Hélène Exemple' }).getByRole('link').click()
  await page.getByRole('link', { name: 'Afficher le badge' }).click()
  const code = await page.getByText(/^[0-9A-Z]{16}$/).innerText()
  showToFakeCamera(badgePayload(code))

  await app.openTab('Pointage')
  await checkin.chooseCheckpoint('Balade en bateau électrique sur l’Yonne')
  await page.getByRole('button', { name: 'Scanner les badges' }).click()
  await expect(checkin.result()).toHaveText('✓ Hélène Exemple : pointé·e', { timeout: 15_000 })
  await expect(checkin.figure('à bord')).toHaveText('1')
  // The badge stays in front of the camera: the next reading is recognised, not counted twice.
  await expect(checkin.result()).toContainText('Hélène Exemple : déjà pointé·e ici à', { timeout: 15_000 })
  await expect(checkin.figure('à bord')).toHaveText('1')
  await page.getByRole('button', { name: 'Arrêter la caméra' }).click()

  await context.setOffline(true)
  await page.reload()
  await checkin.chooseCheckpoint('Balade en bateau électrique sur l’Yonne')
  await checkin.chooseMode('Débarquement')
  await page.getByRole('button', { name: 'Scanner les badges' }).click()
  await expect(checkin.result()).toHaveText('✓ Hélène Exemple : départ noté', { timeout: 15_000 })
  await expect(checkin.figure('à terre')).toHaveText('1')
  await page.getByRole('button', { name: 'Arrêter la caméra' }).click()

  showToFakeCamera(badgePayload('ZZZZZZZZZZZZZZZZ'))
  await page.getByRole('button', { name: 'Scanner les badges' }).click()
  await expect(checkin.result()).toHaveText('✗ Code inconnu', { timeout: 15_000 })
  await page.getByRole('button', { name: 'Arrêter la caméra' }).click()
  showToFakeCamera('https://example.org/not-a-badge')
  await page.getByRole('button', { name: 'Scanner les badges' }).click()
  await expect(checkin.result()).toHaveText('✗ Ce n’est pas un badge Photowalk', { timeout: 15_000 })
})
