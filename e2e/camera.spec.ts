import { badgePayload } from '../src/domain/badgePayload'
import { showToFakeCamera } from './support/fakeCamera'
import { expect, test } from './support/test'

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test('scanning a badge with the camera checks in, recognises a second scan, and works offline', async ({ page, context, app, events, checkin }) => {
  await app.goto('/')
  await events.loadSample()
  await app.waitUntilWorksOffline()
  // The QR decoder is kept by organisers' devices only: this one says so before it goes offline.
  await app.openSettings()
  await expect(page.getByText('Prêt à scanner hors ligne', { exact: false })).toBeVisible()

  await app.openTab('Participants')
  await page.getByRole('listitem').filter({ hasText: 'Hélène Exemple' }).getByRole('link').click()
  await page.getByRole('link', { name: 'Afficher le badge' }).click()
  const code = await page.getByText(/^[0-9A-Z]{16}$/).innerText()
  showToFakeCamera(badgePayload(code))

  await app.openTab('Pointage')
  await checkin.chooseCheckpoint('Balade en bateau électrique sur l’Yonne')
  await page.getByRole('button', { name: 'Scanner les badges' }).click()
  // The whole picture is on screen while aiming: nothing under the bottom navigation or the header.
  const camera = page.getByLabel('Image de la caméra')
  await expect(camera).toBeVisible()
  const wholePictureShown = async () => {
    const [video, navigation, header] = await Promise.all([camera.boundingBox(), app.navigation().boundingBox(), page.getByRole('banner').boundingBox()])
    return video !== null && video.height > 100 && navigation !== null && header !== null && video.y >= header.y + header.height && video.y + video.height <= navigation.y
  }
  // The first reading is looked at first: the next one, three seconds later, replaces it.
  await expect(checkin.result()).toHaveText('✓ Hélène Exemple : à bord', { timeout: 15_000 })
  await expect.poll(wholePictureShown).toBe(true)
  await expect(checkin.figure('à bord')).toHaveText('1')
  // The badge stays in front of the camera: the next reading is recognised, not counted twice.
  await expect(checkin.result()).toContainText('Hélène Exemple : déjà à bord depuis', { timeout: 15_000 })
  await expect(checkin.figure('à bord')).toHaveText('1')
  await page.getByRole('button', { name: 'Arrêter la caméra' }).click()

  await context.setOffline(true)
  await page.reload()
  await checkin.chooseCheckpoint('Balade en bateau électrique sur l’Yonne')
  await checkin.chooseMode('Débarquement')
  await page.getByRole('button', { name: 'Scanner les badges' }).click()
  await expect(checkin.result()).toHaveText('✓ Hélène Exemple : débarqué·e', { timeout: 15_000 })
  await expect(checkin.figure('à terre')).toHaveText('1')
  await page.getByRole('button', { name: 'Arrêter la caméra' }).click()

  showToFakeCamera(badgePayload('ZZZZZZZZZZZZZZZZ'))
  await page.getByRole('button', { name: 'Scanner les badges' }).click()
  await expect(checkin.result()).toHaveText('✗ Code inconnu', { timeout: 15_000 })
  await page.getByRole('button', { name: 'Arrêter la caméra' }).click()
  // An unreadable badge leaves the search one tap away.
  await page.getByRole('button', { name: 'Chercher par nom' }).click()
  await expect(page.getByLabel('Rechercher')).toBeFocused()
  showToFakeCamera('https://example.org/not-a-badge')
  await page.getByRole('button', { name: 'Scanner les badges' }).click()
  await expect(checkin.result()).toHaveText('✗ Ce n’est pas un badge Photowalk', { timeout: 15_000 })
})
