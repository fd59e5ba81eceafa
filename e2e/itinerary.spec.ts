import { expect, test } from './support/test'

const eventDay = '2027-07-24'
const at = (time: string) => new Date(`${eventDay}T${time}:00+02:00`)

test.describe('itinerary: building the day', () => {
  test('an organiser adds stops, reorders them, and edits one', async ({ page, app, events, eventForm, itinerary, stopForm }) => {
    // A whole day typed in by hand: longer than most tests.
    test.slow()
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

    // The boat leaves at a fixed time: nothing moves past it, and the app says why.
    await itinerary.moveUp('Pique-nique')
    await expect(page.getByRole('alert')).toContainText('« Bateau » a un horaire fixe')
    await expect(itinerary.titles()).toHaveText(['Rendez-vous', 'Bateau', 'Pique-nique'])

    // A stop added later lands where its time puts it, and the gaps around it are buffers, not overlaps.
    await itinerary.addStop()
    await stopForm.fill({ kind: 'Spot photo', title: 'Cathédrale', start: '14:00', duration: '40' })
    await stopForm.save()
    await itinerary.addStop()
    await stopForm.fill({ kind: 'Spot photo', title: 'Passerelle', start: '13:35', duration: '20' })
    await stopForm.save()
    await expect(itinerary.titles()).toHaveText(['Rendez-vous', 'Bateau', 'Pique-nique', 'Passerelle', 'Cathédrale'])
    await expect(page.getByText(/Chevauchement/)).toHaveCount(0)
    await expect(page.getByText('Battement : 5 min')).toHaveCount(2)

    // Moving a stop moves it in time: the pair keeps its start and the gap, each stop its duration.
    await itinerary.moveUp('Cathédrale')
    await expect(itinerary.titles()).toHaveText(['Rendez-vous', 'Bateau', 'Pique-nique', 'Cathédrale', 'Passerelle'])
    await expect(itinerary.stop('Cathédrale')).toContainText('13:35 – 14:15')
    await expect(itinerary.stop('Passerelle')).toContainText('14:20 – 14:40')
    await itinerary.moveDown('Cathédrale')
    await expect(itinerary.stop('Passerelle')).toContainText('13:35 – 13:55')
    await expect(itinerary.stop('Cathédrale')).toContainText('14:00 – 14:40')
    await itinerary.edit('Passerelle')
    await page.getByRole('button', { name: 'Supprimer l’étape' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click()
    await itinerary.edit('Cathédrale')
    await page.getByRole('button', { name: 'Supprimer l’étape' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click()
    await expect(itinerary.stops()).toHaveCount(3)

    await itinerary.edit('Pique-nique')
    await stopForm.fill({ title: 'Pique-nique au bord de l’eau', start: '12:15' })
    await stopForm.save()
    await expect(itinerary.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')

    await page.reload()
    await expect(itinerary.titles()).toHaveText(['Rendez-vous', 'Bateau', 'Pique-nique au bord de l’eau'])
  })

  test('a stop dragged to another place moves in time; nothing is dragged past a fixed stop', async ({ page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    await expect(itinerary.stops()).toHaveCount(9)

    /** Presses a stop's handle and carries it `offset` pixels below the heading of the stop `below`. */
    async function drag(title: string, below: string, offset: number) {
      const handle = page.getByRole('button', { name: `Glisser pour déplacer « ${title} »` })
      // Mid-screen, away from the edges where the page scrolls under a resting finger.
      await itinerary.stop(title).evaluate((element) => element.scrollIntoView({ block: 'center' }))
      const from = await handle.boundingBox()
      const target = await itinerary.stop(below).getByRole('heading').boundingBox()
      if (!from || !target) throw new Error('stops are not laid out')
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await page.mouse.down()
      await page.mouse.move(from.x + from.width / 2, target.y + offset, { steps: 10 })
    }

    // The clock tower, carried above the abbey, takes the abbey's slot.
    await drag('Tour de l’Horloge', 'Abbaye Saint-Germain', 5)
    await expect(itinerary.titles().nth(4)).toHaveText('Tour de l’Horloge')
    await page.mouse.up()
    await expect(page.getByRole('status').filter({ hasText: 'déplacé' })).toHaveText('« Tour de l’Horloge » déplacé.')
    await expect(itinerary.stop('Tour de l’Horloge')).toContainText('14:40 – 15:20')
    await expect(itinerary.stop('Abbaye Saint-Germain')).toContainText('15:20 – 16:00')
    await page.reload()
    await expect(itinerary.titles().nth(4)).toHaveText('Tour de l’Horloge')

    // The boat leaves at a fixed time: the meeting cannot be carried past it.
    await drag('Accueil à l’office de tourisme', 'Balade en bateau électrique sur l’Yonne', 140)
    await page.mouse.up()
    await expect(page.getByRole('alert')).toContainText('« Balade en bateau électrique sur l’Yonne » a un horaire fixe')
    await expect(itinerary.titles().first()).toHaveText('Accueil à l’office de tourisme')
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

    // The running stop is preselected: one tap. It has begun, so it runs longer; its start stays.
    await itinerary.shift(10)
    const meeting = itinerary.stop('Accueil à l’office de tourisme')
    await expect(meeting).toContainText('09:30 – 10:10')
    await expect(meeting).toContainText('prolongée de +10 min')
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
    await itinerary.runningLate().getByRole('button', { name: /^Annuler\s*:\s*« Accueil à l’office de tourisme » prolongée de \+10/ }).click()
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
    // The cathedral has begun at 14:10: it runs longer, and the abbey after it starts later.
    await custom.fill('25')
    await itinerary.runningLate().getByRole('button', { name: 'Décaler' }).click()
    await expect(itinerary.stop('Cathédrale Saint-Étienne')).toContainText('14:00 – 15:05')
    await expect(itinerary.stop('Abbaye Saint-Germain')).toContainText('15:05 – 15:45')
    await custom.fill('-10')
    await itinerary.runningLate().getByRole('button', { name: 'Décaler' }).click()
    await expect(itinerary.stop('Cathédrale Saint-Étienne')).toContainText('14:00 – 14:55')
    await expect(itinerary.stop('Abbaye Saint-Germain')).toContainText('14:55 – 15:35')
  })
})

test.describe('itinerary: alerts that are still true', () => {
  test('a conflict with a fixed stop that is over is no longer shown', async ({ page, app, events, itinerary }) => {
    await page.clock.setFixedTime(at('09:45'))
    await app.goto('/')
    await events.loadSample()
    await itinerary.shift(10)
    await expect(itinerary.conflicts()).toHaveCount(1)
    // The boat ride is over at 11:30: late or not, there is nothing left to warn about.
    await page.clock.setFixedTime(at('11:40'))
    await page.reload()
    await expect(itinerary.stop('Accueil à l’office de tourisme')).toContainText('09:30 – 10:10')
    await expect(itinerary.conflicts()).toHaveCount(0)
  })
})
