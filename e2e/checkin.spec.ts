import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './support/test'

const at = (time: string) => new Date(`2027-07-24T${time}:00+02:00`)

/** How many check-in records the page's database holds. */
function storedCheckins(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const request = indexedDB.open('photowalk')
    const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)))
    const count = db.transaction('checkins').objectStore('checkins').count()
    const result: number = await new Promise((resolve) => (count.onsuccess = () => resolve(count.result)))
    db.close()
    return result
  })
}

test.describe('check-in by hand', () => {
  test('opens on the current checkpoint; search, check in, undo; works offline too', async ({ page, context, app, events, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    await app.waitUntilWorksOffline()
    await app.openTab('Pointage')
    await expect(page.getByLabel('Point de pointage')).toHaveValue(/.+/)
    await expect(page.getByLabel('Point de pointage').locator('option:checked')).toHaveText('Accueil à l’office de tourisme')
    await expect(checkin.figure('attendus')).toHaveText('12')
    await expect(checkin.figure('manquants')).toHaveText('12')

    await checkin.search('helene')
    await checkin.tapCheckIn('Hélène Exemple')
    await expect(checkin.result()).toHaveText('✓ Hélène Exemple : pointé·e')
    await expect(checkin.figure('présents')).toHaveText('1')
    await expect(checkin.figure('manquants')).toHaveText('11')
    await checkin.undo('Hélène Exemple')
    await expect(checkin.figure('présents')).toHaveText('0')
    // The screen answers before the write is on disk (milliseconds later): wait for both records.
    await expect.poll(() => storedCheckins(page)).toBe(2)

    await context.setOffline(true)
    await page.reload()
    await expect(app.networkStatus()).toHaveText('Hors ligne')
    await checkin.search('lucas')
    await checkin.tapCheckIn('Lucas Fictif')
    await expect(checkin.result()).toContainText('Lucas Fictif : pointé·e')
    await expect.poll(() => storedCheckins(page)).toBe(3)
    await page.reload()
    await expect(checkin.figure('présents')).toHaveText('1')
    await page.getByRole('group', { name: /Qui manque/ }).or(page.getByText(/Qui manque \?/)).first().click()
    await expect(page.getByRole('link', { name: 'Appeler Hélène Exemple' })).toHaveAttribute('href', /^tel:\+33199001/)
  })

  test('at the boat: boarding and disembarking, aboard and ashore side by side', async ({ page, app, events, checkin }) => {
    await page.clock.setFixedTime(at('10:05'))
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Pointage')
    await expect(page.getByLabel('Point de pointage').locator('option:checked')).toHaveText('Balade en bateau électrique sur l’Yonne')
    await checkin.tapCheckIn('Hélène Exemple')
    await checkin.tapCheckIn('Lucas Fictif')
    await expect(checkin.figure('à bord')).toHaveText('2')

    await checkin.chooseMode('Débarquement')
    await checkin.tapCheckOut('Hélène Exemple')
    await expect(checkin.result()).toHaveText('✓ Hélène Exemple : départ noté')
    await expect(checkin.figure('à bord')).toHaveText('1')
    await expect(checkin.figure('à terre')).toHaveText('1')
    await expect(page.getByText('Encore à bord : Lucas Fictif')).toBeVisible()
  })

  test('a walk-in is added and checked in on the spot; attendance exports safely', async ({ page, app, events, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Pointage')
    await page.getByRole('button', { name: 'Ajouter une personne sur place' }).click()
    await page.getByRole('button', { name: 'Ajouter et pointer' }).click()
    await expect(page.getByText('Indiquez au moins un prénom ou un nom.')).toBeVisible()
    await page.getByLabel('Prénom').fill('=HYPERLINK("x")')
    await page.getByLabel('Nom', { exact: true }).fill('Surprise')
    await page.getByRole('button', { name: 'Ajouter et pointer' }).click()
    await expect(checkin.result()).toHaveText('✓ =HYPERLINK("x") Surprise : pointé·e')
    await expect(checkin.figure('attendus')).toHaveText('13')
    await expect(checkin.figure('présents')).toHaveText('1')

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Exporter les présences (CSV)' }).click()
    const file = await download
    const csv = await readFile(await file.path(), 'utf8')
    expect(csv.startsWith('\uFEFFNom;Instagram;E-mail;Téléphone;Rôle;Mineur·e;Accueil à l’office de tourisme : arrivée')).toBe(true)
    expect(csv).toContain(`'=HYPERLINK(""x"") Surprise`)
    expect(csv).toContain("'+33 1 99 00 10 20")
    expect(csv).toMatch(/Surprise";;;;Instagrameur;Non;09:35/)
  })
})

test.describe('scanning without a camera', () => {
  test('a photo of a badge checks in; another event’s badge is named; no camera gets a clear message', async ({ page, app, events, eventForm, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    // A photo of Hélène's badge, as the badge screen shows it.
    await app.openTab('Participants')
    await page.getByRole('listitem').filter({ hasText: 'Hélène Exemple' }).getByRole('link').click()
    await page.getByRole('link', { name: 'Afficher le badge' }).click()
    const photo = await page.getByRole('img', { name: /QR code du badge/ }).screenshot()

    await app.openTab('Pointage')
    await page.getByRole('button', { name: 'Scanner les badges' }).click()
    await expect(page.getByRole('alert')).toContainText(/caméra/)
    await page.getByLabel('Photo d’un badge').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: photo })
    await expect(checkin.result()).toHaveText('✓ Hélène Exemple : pointé·e')
    await page.getByLabel('Photo d’un badge').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: await page.getByRole('heading', { level: 1 }).screenshot() })
    await expect(page.getByRole('alert')).toContainText('Aucun QR code lisible sur cette photo.')

    // The same badge, scanned while another event is open.
    await app.openEvents()
    await events.startCreating()
    await eventForm.fill({ name: 'Autre photowalk', date: '2027-07-24' })
    await eventForm.save()
    await events.open('Autre photowalk')
    await page.getByRole('link', { name: 'Ajouter une étape' }).click()
    await page.getByLabel('Titre').fill('Rendez-vous')
    await page.getByLabel('Type').selectOption({ label: 'Point de rendez-vous' })
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await app.openTab('Pointage')
    await page.getByLabel('Photo d’un badge').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: photo })
    await expect(checkin.result()).toHaveText('✗ Badge d’un autre événement (Hélène Exemple)')
  })
})
