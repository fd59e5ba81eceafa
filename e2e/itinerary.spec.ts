import { expect, test } from './support/test'

const eventDay = '2027-07-24'
const at = (time: string) => new Date(`${eventDay}T${time}:00+02:00`)

test.describe('itinerary: building the day', () => {
  test('an organiser adds stops, reorders them, and edits one', async ({ page, app, events, eventForm, itinerary, stopForm }) => {
    await app.goto('/')
    await events.startCreating()
    await eventForm.fill({ name: 'Photowalk des quais', date: eventDay, hashtags: ['#QuaisAuxerre'] })
    await eventForm.save()
    await events.open('Photowalk des quais')
    await expect(page.getByText('Aucune étape n’est encore prévue pour cet événement.')).toBeVisible()

    await itinerary.addStop()
    await stopForm.fill({ kind: 'Point de rendez-vous', title: 'Rendez-vous', start: '09:30', duration: '30', checkpoint: true })
    await stopForm.save()
    await itinerary.addStop()
    await expect(stopForm.field('Début')).toHaveValue('10:00')
    await stopForm.fill({
      kind: 'Balade en bateau',
      title: 'Bateau',
      end: '11:30',
      placeName: 'Halte nautique',
      detail: 'Ponton 2',
      lat: '47.7985',
      lng: '3.5748',
      capacity: '12',
      fixed: true,
    })
    await stopForm.save()
    await itinerary.addStop()
    await stopForm.fill({ kind: 'Pique-nique', title: 'Pique-nique', start: '12:00', duration: '90', toBring: 'Gourde' })
    await stopForm.save()

    await expect(itinerary.stops()).toHaveCount(3)
    await expect(itinerary.titles()).toHaveText(['Rendez-vous', 'Bateau', 'Pique-nique'])
    await expect(itinerary.stop('Bateau')).toContainText('10:00 – 11:30')
    await expect(itinerary.stop('Bateau')).toContainText('Horaire fixe')
    await expect(itinerary.stop('Bateau')).toContainText('12 places')
    await expect(page.getByText('Battement : 30 min')).toBeVisible()
    await expect(page.getByText('Journée : 09:30 – 13:30 (4 h)')).toBeVisible()

    await itinerary.moveUp('Pique-nique')
    await expect(itinerary.titles()).toHaveText(['Rendez-vous', 'Pique-nique', 'Bateau'])
    await itinerary.moveDown('Pique-nique')
    await expect(itinerary.titles()).toHaveText(['Rendez-vous', 'Bateau', 'Pique-nique'])

    await itinerary.edit('Pique-nique')
    await stopForm.fill({ title: 'Pique-nique au bord de l’eau', start: '12:15' })
    await stopForm.save()
    await expect(itinerary.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')

    await page.reload()
    await expect(itinerary.titles()).toHaveText(['Rendez-vous', 'Bateau', 'Pique-nique au bord de l’eau'])
  })

  test('stops can be dragged into a new order', async ({ page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    await expect(itinerary.stops()).toHaveCount(9)
    const handle = page.getByRole('button', { name: 'Glisser pour déplacer « Accueil à l’office de tourisme »' })
    await handle.scrollIntoViewIfNeeded()
    const from = await handle.boundingBox()
    const boat = await itinerary.stop('Balade en bateau électrique sur l’Yonne').getByRole('heading').boundingBox()
    if (!from || !boat) throw new Error('stops are not laid out')
    // Press the meeting's handle and carry it below the middle of the boat ride's card.
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + from.width / 2, boat.y + 140, { steps: 10 })
    await expect(itinerary.titles().first()).toHaveText('Balade en bateau électrique sur l’Yonne')
    await page.mouse.up()
    await expect(itinerary.titles().nth(1)).toHaveText('Accueil à l’office de tourisme')
    await expect(itinerary.titles().nth(2)).toHaveText('Pique-nique au bord de l’eau')
    await expect(page.getByRole('status').filter({ hasText: 'déplacé' })).toHaveText('« Accueil à l’office de tourisme » déplacé.')
    await page.reload()
    await expect(itinerary.titles().first()).toHaveText('Balade en bateau électrique sur l’Yonne')
  })

  test('bad stops are refused with a message and nothing is written', async ({ page, app, events, itinerary, stopForm }) => {
    await app.goto('/')
    await events.loadSample()
    await expect(itinerary.stops()).toHaveCount(9)
    await itinerary.addStop()

    await stopForm.fill({ title: '', start: '15:00', duration: '0' })
    await stopForm.save()
    await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible()
    await expect(page.getByText('La durée doit être d’au moins 1 minute.')).toBeVisible()

    await stopForm.fill({ title: 'Apéro', start: '23:00', duration: '120' })
    await stopForm.save()
    await expect(page.getByText('L’étape finirait après minuit, en dehors de la journée de l’événement.')).toBeVisible()

    await stopForm.fill({ start: '15:00', end: '14:00' })
    await stopForm.save()
    await expect(page.getByText(/La fin doit être après le début/)).toBeVisible()

    await stopForm.fill({ end: '16:00', capacity: '-3' })
    await stopForm.save()
    await expect(page.getByText('La capacité ne peut pas être négative.')).toBeVisible()

    // An overlap is a warning only.
    await stopForm.fill({ capacity: '' })
    await expect(page.getByText(/cette étape chevauche/)).toBeVisible()

    await page.getByRole('button', { name: 'Annuler' }).click()
    await expect(itinerary.stops()).toHaveCount(9)
  })
})

test.describe('itinerary: running late', () => {
  test('later stops move, a fixed one stays and the conflict shows; undo puts it back', async ({ page, app, events, itinerary }) => {
    await page.clock.setFixedTime(at('09:45'))
    await app.goto('/')
    await events.loadSample()
    await expect(itinerary.stops()).toHaveCount(9)
    await expect(page.getByRole('region', { name: 'Maintenant et ensuite' })).toContainText('Accueil à l’office de tourisme')

    // The running stop is preselected: one tap.
    await itinerary.shift(10)
    const meeting = itinerary.stop('Accueil à l’office de tourisme')
    await expect(meeting).toContainText('09:40 – 10:10')
    await expect(meeting.getByRole('deletion')).toContainText('09:30 – 10:00')
    await expect(itinerary.stop('Balade en bateau électrique sur l’Yonne')).toContainText('10:00 – 11:30')
    await expect(itinerary.conflicts()).toContainText(
      '« Balade en bateau électrique sur l’Yonne » ne bouge pas (10:00) : vous aurez 10 min de retard.',
    )

    await itinerary.shift(15, 'Pique-nique au bord de l’eau')
    await expect(itinerary.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    await expect(itinerary.stop('Cathédrale Saint-Étienne')).toContainText('14:15 – 14:55')
    await expect(itinerary.stop('Réception et vins des vignerons partenaires')).toContainText('18:00 – 20:00')

    const history = itinerary.runningLate().getByRole('listitem')
    await expect(history).toHaveCount(2)
    await page.reload()
    await expect(itinerary.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    await itinerary.runningLate().getByRole('button', { name: /^Annuler\s*:\s*\+10/ }).click()
    await expect(itinerary.stop('Accueil à l’office de tourisme')).toContainText('09:30 – 10:00')
    await expect(itinerary.conflicts()).toHaveCount(0)
    await expect(history).toHaveCount(1)
  })

  test('a custom delay is validated and accepts a catch-up', async ({ page, app, events, itinerary }) => {
    await page.clock.setFixedTime(at('14:10'))
    await app.goto('/')
    await events.loadSample()
    const custom = itinerary.runningLate().getByLabel('Autre décalage (minutes)')
    await custom.fill('dix')
    await itinerary.runningLate().getByRole('button', { name: 'Décaler' }).click()
    await expect(page.getByText('Saisissez un nombre entier de minutes, par exemple 20 ou -10.')).toBeVisible()
    await custom.fill('25')
    await itinerary.runningLate().getByRole('button', { name: 'Décaler' }).click()
    await expect(itinerary.stop('Cathédrale Saint-Étienne')).toContainText('14:25 – 15:05')
    await custom.fill('-10')
    await itinerary.runningLate().getByRole('button', { name: 'Décaler' }).click()
    await expect(itinerary.stop('Cathédrale Saint-Étienne')).toContainText('14:15 – 14:55')
  })
})
