import { expect, test } from './support/test'

test.describe('events', () => {
  test('an organiser creates an event, finds it after a reload, edits it', async ({ page, app, events, eventForm }) => {
    await app.goto('/')
    await events.startCreating()
    await eventForm.fill({
      name: 'Photowalk de printemps',
      date: '2027-04-17',
      hashtags: ['#PrintempsAuxerre', 'SecretsAuxerre'],
      meetingPoint: 'Place de l’Hôtel de Ville',
      organisation: 'Office de tourisme',
      goal: '80',
    })
    await eventForm.save()

    await expect(events.heading()).toBeVisible()
    const card = events.card('Photowalk de printemps')
    await expect(card).toContainText(/samedi 17 avril 2027/i)
    await expect(card).toContainText('#PrintempsAuxerre')
    await expect(card).toContainText('#SecretsAuxerre')
    await expect(card).toContainText('En cours')

    await page.reload()
    await expect(events.card('Photowalk de printemps')).toBeVisible()
    await expect(page.getByRole('banner')).toContainText('Photowalk de printemps')

    await events.edit('Photowalk de printemps')
    await expect(eventForm.field('Objectif de publications')).toHaveValue('80')
    await eventForm.fill({ name: 'Photowalk du printemps', goal: '120' })
    await eventForm.save()
    await expect(events.card('Photowalk du printemps')).toBeVisible()
    await expect(events.card('Photowalk de printemps')).toHaveCount(0)
  })

  test('bad input is refused with a message and nothing is written', async ({ page, app, events, eventForm }) => {
    await app.goto('/')
    await events.startCreating()

    await eventForm.save()
    await expect(eventForm.errorSummary()).toBeVisible()
    await expect(page.getByText('Donnez un nom à l’événement.')).toBeVisible()
    await expect(page.getByText('Indiquez la date de l’événement.')).toBeVisible()

    await eventForm.fill({ name: 'Photowalk', date: '2027-07-24', hashtags: ['photo walk', '#photowalk📸'] })
    await eventForm.save()
    await expect(page.getByText('Un hashtag ne peut pas contenir d’espace.')).toBeVisible()
    await expect(page.getByText(/ni emoji, ni ponctuation/)).toBeVisible()
    await expect(eventForm.field('Hashtag principal')).toHaveAttribute('aria-invalid', 'true')

    await eventForm.fill({ hashtags: ['#Photowalk', ''], goal: 'beaucoup' })
    await eventForm.save()
    await expect(page.getByText('L’objectif doit être un nombre entier.')).toBeVisible()

    await page.getByRole('button', { name: 'Annuler' }).click()
    await expect(page.getByRole('heading', { name: 'Aucun événement pour l’instant' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Aucun événement pour l’instant' })).toBeVisible()
  })

  test('a date that does not exist is refused', async ({ page, app, events, eventForm }) => {
    await app.goto('/')
    await events.startCreating()
    await eventForm.fill({ name: 'Photowalk' })
    const date = eventForm.field('Date')
    // 30 February, typed digit by digit into the field's segments as a person would.
    await date.click()
    await date.pressSequentially('30022027')
    await eventForm.save()
    await expect(page.getByText('Cette date n’existe pas. Choisissez une date valide.')).toBeVisible()
    await page.getByRole('button', { name: 'Annuler' }).click()
    await expect(page.getByRole('heading', { name: 'Aucun événement pour l’instant' })).toBeVisible()
  })

  test('what was typed survives a reload', async ({ page, app, events, eventForm }) => {
    await app.goto('/')
    await events.startCreating()
    await eventForm.fill({ name: 'Photowalk des vendanges', hashtags: ['#Vendanges'] })
    await expect(page.getByText('Photowalk des vendanges')).toHaveCount(0)
    // The draft is saved as it is typed; wait until it has been written before reloading.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const request = indexedDB.open('photowalk')
          const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)))
          const read = db.transaction('meta').objectStore('meta').get('draft.event.new')
          const entry = await new Promise<{ value: { hashtags: string[] } } | undefined>(
            (resolve) => (read.onsuccess = () => resolve(read.result)),
          )
          db.close()
          return entry?.value.hashtags[0]
        }),
      )
      .toBe('#Vendanges')
    await page.reload()
    await expect(page.getByText('Votre saisie précédente a été restaurée.')).toBeVisible()
    await expect(eventForm.field('Nom de l’événement')).toHaveValue('Photowalk des vendanges')
    await expect(eventForm.field('Hashtag principal')).toHaveValue('#Vendanges')
  })

  test('deleting asks first and says what goes with the event', async ({ page, app, events }) => {
    await app.goto('/')
    await events.loadSample()
    await expect(page.getByRole('heading', { level: 1, name: 'Itinéraire' })).toBeVisible()
    await app.openEvents()

    const dialog = await events.askToDelete('Photowalk Auxerre (exemple)')
    await expect(dialog).toContainText('9 étapes')
    await expect(dialog).toContainText('12 participants')
    await expect(dialog).toContainText('aucun pointage')
    await expect(dialog).toContainText('Cette action est définitive.')
    await dialog.getByRole('button', { name: 'Annuler' }).click()
    await expect(dialog).toBeHidden()
    await expect(events.card('Photowalk Auxerre (exemple)')).toBeVisible()

    const again = await events.askToDelete('Photowalk Auxerre (exemple)')
    await again.getByRole('button', { name: 'Supprimer définitivement' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'a été supprimé' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Aucun événement pour l’instant' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Aucun événement pour l’instant' })).toBeVisible()
    await expect(page.getByRole('banner')).toContainText('Aucun événement choisi')
  })
})
