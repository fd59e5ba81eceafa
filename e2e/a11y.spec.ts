import { expect, seriousA11yViolations, test } from './support/test'

test.describe('accessibility', () => {
  test('no serious or critical violation on any screen', async ({ page, app, events, eventForm }) => {
    await app.goto('/')
    await expect(page.getByRole('heading', { name: 'Aucun événement pour l’instant' })).toBeVisible()
    expect(await seriousA11yViolations(page), 'empty start screen').toEqual([])

    await events.loadSample()
    const screens: Array<[string, string]> = [
      ['/itinerary', 'Itinéraire'],
      ['/participants', 'Participants'],
      ['/checkin', 'Pointage'],
      ['/consent', 'Consentements'],
      ['/counter', 'Compteur'],
      ['/settings', 'Réglages'],
      ['/', 'Événements'],
      ['/events/new', 'Nouvel événement'],
      ['/nowhere', 'Page introuvable'],
    ]
    for (const [path, heading] of screens) {
      await app.goto(path)
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      expect(await seriousA11yViolations(page), path).toEqual([])
    }

    await app.goto('/events/new')
    await eventForm.save()
    await expect(eventForm.errorSummary()).toBeVisible()
    expect(await seriousA11yViolations(page), 'form with errors').toEqual([])

    await app.goto('/')
    await events.askToDelete('Photowalk Auxerre (exemple)')
    expect(await seriousA11yViolations(page), 'delete confirmation').toEqual([])
  })

  test('no serious violation in English or for a participant without events', async ({ page }) => {
    await page.goto('/itinerary?lang=en')
    await expect(page.getByRole('heading', { name: 'No event selected' })).toBeVisible()
    expect(await seriousA11yViolations(page)).toEqual([])
  })
})
