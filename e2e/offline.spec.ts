import { expect, test } from './support/test'

test.describe('offline', () => {
  test('after one visit, the app and all its data open with no network', async ({ page, context, app, events, eventForm }) => {
    await app.goto('/')
    await events.loadSample()
    await expect(page.getByRole('heading', { level: 1, name: 'Itinéraire' })).toBeVisible()
    await app.openEvents()
    await events.startCreating()
    await eventForm.fill({ name: 'Photowalk nocturne', date: '2027-08-14', hashtags: ['#NuitAuxerre'] })
    await eventForm.save()
    await expect(events.card('Photowalk nocturne')).toBeVisible()
    await app.waitUntilWorksOffline()

    await context.setOffline(true)
    await page.reload()
    await expect(app.networkStatus()).toHaveText('Hors ligne')
    await expect(events.card('Photowalk nocturne')).toBeVisible()
    await expect(events.card('Photowalk Auxerre (exemple)')).toBeVisible()

    // Every route's code comes from the cache, not only the first screen's.
    await events.open('Photowalk Auxerre (exemple)')
    await expect(page.getByRole('list', { name: 'Étapes de la journée' }).getByRole('listitem')).toHaveCount(9)
    await app.openTab('Participants')
    await expect(page.getByText('12 sur 12')).toBeVisible()
    await app.openTab('Pointage')
    await expect(page.getByRole('heading', { level: 1, name: 'Pointage' })).toBeVisible()
    await app.openTab('Consentements')
    await expect(page.getByRole('heading', { level: 1, name: 'Consentements' })).toBeVisible()
    await app.openTab('Compteur')
    await expect(page.getByText('#PHOTOWALKXERRE')).toBeVisible()
    await app.openSettings()
    await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible()

    // A cold start on a deep link, still offline.
    await page.goto('/participants')
    await expect(page.getByText('Hélène Exemple')).toBeVisible()

    // Writing works offline too.
    await app.openEvents()
    await events.startCreating()
    await eventForm.fill({ name: 'Créé hors ligne', date: '2027-09-04' })
    await eventForm.save()
    await expect(events.card('Créé hors ligne')).toBeVisible()

    await context.setOffline(false)
    await expect(app.networkStatus()).toHaveText('En ligne')
  })
})
