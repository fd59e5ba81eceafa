import { expect, seriousA11yViolations, test } from './support/test'

test.describe('accessibility', () => {
  // Each screen gets a full axe-core audit, which takes a few seconds on a busy machine.
  test.describe.configure({ timeout: 120_000 })

  test('no serious or critical violation on any screen', async ({ page, app, events, eventForm }) => {
    // Thirteen screens, each fully audited.
    test.slow()
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
      ['/itinerary/stops/new', 'Nouvelle étape'],
      ['/participants/new', 'Nouveau participant'],
      ['/participants/import', 'Importer des participants'],
      ['/participants/badges', 'Badges à imprimer'],
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

  test('no serious violation on the running-late panel, the share dialog and the participant schedule', async ({ page, app, events, itinerary }) => {
    await page.clock.setFixedTime(new Date('2027-07-24T09:45:00+02:00'))
    await app.goto('/')
    await events.loadSample()
    await itinerary.shift(10)
    await expect(itinerary.conflicts()).toBeVisible()
    expect(await seriousA11yViolations(page), 'itinerary with a delay and a conflict').toEqual([])

    await page.getByRole('button', { name: 'Partager' }).click()
    const dialog = page.getByRole('dialog', { name: 'Programme des participants' })
    await expect(dialog.getByRole('img', { name: 'QR code du lien vers le programme' }).locator('svg')).toBeVisible()
    expect(await seriousA11yViolations(page), 'share dialog').toEqual([])
    await itinerary.shareDialog().getByRole('button', { name: 'QR code en plein écran' }).click()
    await expect(itinerary.fullScreenQr().getByRole('img', { name: 'QR code du lien vers le programme' })).toBeVisible()
    expect(await seriousA11yViolations(page), 'full-screen QR code').toEqual([])
    await itinerary.fullScreenQr().getByRole('button', { name: 'Fermer' }).click()
    const link = await dialog.getByRole('textbox', { name: 'Lien' }).inputValue()

    await page.goto(link)
    await expect(page.getByRole('heading', { level: 1, name: 'Photowalk Auxerre (exemple)' })).toBeVisible()
    expect(await seriousA11yViolations(page), 'participant schedule').toEqual([])
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect(page.getByRole('region', { name: 'Now and next' })).toContainText('Now')
    await expect(page.getByRole('button', { name: 'Add to my calendar (.ics)' })).toBeVisible()
    expect(await seriousA11yViolations(page), 'participant schedule in English').toEqual([])
  })

  test('no serious violation on check-in results, the import preview and a badge', async ({ page, app, events, checkin, participants }) => {
    await page.clock.setFixedTime(new Date('2027-07-24T10:05:00+02:00'))
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Pointage')
    await checkin.action('Embarquer', 'Hélène Exemple').click()
    await expect(checkin.result()).toBeVisible()
    await page.getByText(/Qui manque/).click()
    expect(await seriousA11yViolations(page), 'check-in with a result').toEqual([])

    await app.openTab('Participants')
    await participants.importFile(new URL('../src/domain/fixtures/imports/problems.csv', import.meta.url).pathname)
    await expect(page.getByRole('heading', { name: 'Aperçu' })).toBeVisible()
    expect(await seriousA11yViolations(page), 'import preview').toEqual([])

    await app.openTab('Participants')
    await participants.row('Hélène Exemple').getByRole('link').click()
    await page.getByRole('link', { name: 'Afficher le badge' }).click()
    await expect(page.getByRole('img', { name: /QR code du badge/ })).toBeVisible()
    expect(await seriousA11yViolations(page), 'badge').toEqual([])
  })

  test('no serious violation in English or for a participant without events', async ({ page }) => {
    await page.goto('/itinerary?lang=en')
    await expect(page.getByRole('heading', { name: 'No event selected' })).toBeVisible()
    expect(await seriousA11yViolations(page)).toEqual([])
  })
})
