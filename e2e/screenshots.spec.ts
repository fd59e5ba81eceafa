import { expect, test } from './support/test'

// Not part of `npm test`: `npm run screenshots` refreshes the README's pictures (phone project).
test.describe('@screenshots', () => {
  test('README screenshots', async ({ page, app, events }) => {
    test.skip(test.info().project.name !== 'phone', 'phone screenshots only')
    await page.clock.setFixedTime(new Date('2026-11-26T10:00:00+01:00'))
    const shot = (name: string) => page.screenshot({ path: `docs/screenshots/${name}.png`, scale: 'css' })
    await app.goto('/')
    await expect(page.getByRole('heading', { name: 'Aucun événement pour l’instant' })).toBeVisible()
    await shot('start')
    await events.loadSample()
    await expect(page.getByRole('list', { name: 'Étapes de la journée' }).getByRole('listitem')).toHaveCount(9)
    await shot('itinerary')
    await app.openEvents()
    await expect(events.card('Photowalk Auxerre (exemple)')).toBeVisible()
    await shot('events')
    await app.openTab('Compteur')
    await expect(page.getByText('Objectif : 140 publications')).toBeVisible()
    await shot('counter')
  })
})
