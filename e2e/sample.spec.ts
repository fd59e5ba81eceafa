import { expect, test } from './support/test'

test.describe('sample event', () => {
  test('one tap from the empty state loads a labelled sample day', async ({ page, app, events }) => {
    await page.clock.setFixedTime(new Date('2026-11-26T10:00:00+01:00'))
    await app.goto('/')
    await expect(page.getByRole('heading', { name: 'Aucun événement pour l’instant' })).toBeVisible()
    await events.loadSample()

    await expect(page.getByRole('heading', { level: 1, name: 'Itinéraire' })).toBeVisible()
    await expect(page.getByRole('banner')).toContainText('Photowalk Auxerre (exemple)')
    await expect(page.getByText('Samedi 24 juillet 2027')).toBeVisible()
    const stops = page.getByRole('list', { name: 'Étapes de la journée' }).getByRole('listitem')
    await expect(stops).toHaveCount(9)
    await expect(stops.nth(0)).toContainText('09:30 – 10:00')
    await expect(stops.nth(1)).toContainText('10:00 – 11:30')
    await expect(stops.nth(1)).toContainText('Balade en bateau')
    await expect(stops.nth(2)).toContainText('12:00 – 13:30')
    await expect(stops.nth(3)).toContainText('14:00')
    await expect(stops.nth(7)).toContainText('17:30')
    await expect(stops.nth(8)).toContainText('18:00 – 20:00')
    await expect(page.getByText('#PHOTOWALKXERRE')).toBeVisible()

    await app.openTab('Participants')
    await expect(page.getByText('12 sur 12')).toBeVisible()
    await expect(page.getByText('Hélène Exemple')).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: 'Camille Échantillon' })).toContainText('Presse')

    await app.openTab('Pointage')
    await expect(page.getByLabel('Point de pointage')).toContainText('Balade en bateau électrique sur l’Yonne')
    await expect(page.getByRole('region', { name: 'Comptage' })).toContainText('12')
    await app.openTab('Compteur')
    await expect(page.getByText('Objectif : 140 publications')).toBeVisible()
    await app.openTab('Consentements')
    // Nobody has signed yet: all twelve are still to sign.
    await expect(page.getByLabel('Seulement ceux qui restent à signer (12)')).toBeVisible()

    await app.openEvents()
    await expect(events.card('Photowalk Auxerre (exemple)').getByText('Exemple', { exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Charger l’exemple' })).toHaveCount(0)
  })
})
