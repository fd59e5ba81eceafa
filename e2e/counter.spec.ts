import { CounterPage, test } from './support/counter'
import { PinDialog, PinSettingsPage } from './support/pin'
import { expect, seriousA11yViolations } from './support/test'

// The sample day falls on Saturday 24 July 2027; at 10:05 in Auxerre the boat ride is under way.
const morning = new Date('2027-07-24T10:05:00+02:00')
const onTheDay = '2027-07-24T07:40:00+0000'
const token = 'EAAGtestTokenForTheFake0000abcd'

test.describe('live post counter', () => {
  test('counts posts from Instagram and the fediverse live, keeps the last value offline, and says what went wrong', async ({ page, context, app, events, socialApis: fake }) => {
    test.slow()
    const counter = new CounterPage(page)
    await fake.addInstagramPosts('photowalkxerre', 3, onTheDay)
    await fake.addInstagramPosts('secretsauxerre', 1, onTheDay)
    // Yesterday's post is not the day's.
    await fake.addInstagramPosts('photowalkxerre', 1, '2027-07-23T20:00:00+0000')
    await fake.addFediversePosts('photowalkxerre', 2, '2027-07-24T07:50:00.000Z')
    await page.clock.install({ time: morning })

    await app.goto('/')
    await events.loadSample()
    await app.openTab('Compteur')
    await expect(counter.count()).toHaveText('0')
    await counter.openSources()
    expect(await seriousA11yViolations(page)).toEqual([])
    await counter.configureSources({ accountId: '17841400000000001', host: fake.host, token })
    await counter.backToCounter()

    await expect(counter.count()).toHaveText('6')
    // Confirmed at the page's time (the clock runs on from 10:05 while the test types).
    const asOf = counter.headline().getByText(/^à 10:\d\d$/)
    await expect(asOf).toBeVisible()
    const firstConfirmation = await asOf.textContent()
    await expect(counter.source('Instagram')).toContainText('4')
    await expect(counter.source('Fédivers')).toContainText('2')
    const latest = page.getByRole('region', { name: 'Dernières publications' }).getByRole('link').first()
    await expect(latest).toHaveAttribute('href', /^https:\/\/(www\.instagram\.com|pixelfed\.example)\//)
    await expect(latest).toHaveAttribute('rel', 'noopener noreferrer')
    await expect(latest).toHaveAttribute('target', '_blank')
    await expect(page.getByText('6 publications ce jour')).toBeVisible()
    expect(await seriousA11yViolations(page)).toEqual([])

    // New posts appear at the next round, a minute later.
    await fake.addInstagramPosts('photowalkxerre', 2, '2027-07-24T08:05:30+0000')
    await page.clock.runFor(60_000)
    await expect(counter.count()).toHaveText('8')
    await expect(counter.headline()).toContainText('+2 depuis la dernière actualisation')
    await expect(asOf).not.toHaveText(firstConfirmation ?? '')

    // Offline: the last value stays, with its age, and nothing is asked of the sources.
    await context.setOffline(true)
    const before = await fake.requests()
    await fake.addFediversePosts('photowalkxerre', 1, '2027-07-24T08:10:00.000Z')
    // The age is refreshed every 15 s: 5 min 20 s later it reads 5 min.
    await page.clock.runFor(5 * 60_000 + 20_000)
    await expect(counter.headline()).toContainText('Hors ligne — valeur d’il y a 5 min')
    await expect(counter.count()).toHaveText('8')
    expect(await fake.requests()).toEqual(before)

    // Back online: it refreshes at once.
    await context.setOffline(false)
    await expect(counter.count()).toHaveText('9')
    await expect(counter.headline()).not.toContainText('Hors ligne')

    // An expired token: the organiser is asked for a new one, and Instagram is left alone meanwhile.
    await fake.fail('instagram', 'token')
    await page.clock.runFor(60_000)
    await expect(counter.source('Instagram').getByRole('alert')).toHaveText(
      'Le jeton Instagram a expiré ou n’est plus valable : collez-en un nouveau dans Sources.',
    )
    const afterExpiry = (await fake.requests()).instagram
    await page.clock.runFor(3 * 60_000)
    expect((await fake.requests()).instagram).toBe(afterExpiry)
    await expect(counter.count()).toHaveText('9')

    // A new token starts Instagram again.
    await fake.heal('instagram')
    await counter.openSources()
    await page.getByRole('button', { name: 'Nouveau jeton' }).click()
    await page.getByLabel('Nouveau jeton').fill('EAAGanotherFreshToken00009876')
    await page.getByRole('button', { name: 'Enregistrer le jeton' }).click()
    await expect(page.getByText('Jeton enregistré : ••••9876')).toBeVisible()
    await counter.backToCounter()
    await expect(counter.source('Instagram')).not.toContainText('jeton')

    // Refreshing by hand asks at once, without waiting for the minute.
    await fake.addInstagramPosts('photowalkxerre', 1, '2027-07-24T08:20:00+0000')
    await page.getByRole('button', { name: 'Actualiser', exact: true }).click()
    await expect(counter.count()).toHaveText('10')

    // The instance answers 429: the counter backs off and says when it tries again.
    await fake.fail('fediverse', 'rateLimit', 1)
    await page.clock.runFor(60_000)
    await expect(counter.source('Fédivers').getByRole('alert')).toContainText('Trop de demandes')
    await expect(counter.source('Fédivers')).toContainText(/Nouvel essai à 10:\d\d/)
    const duringBackOff = (await fake.requests()).fediverse
    await page.clock.runFor(20_000)
    expect((await fake.requests()).fediverse).toBe(duringBackOff)
    await page.clock.runFor(60_000)
    await expect(counter.source('Fédivers')).not.toContainText('Nouvel essai')
    await expect(counter.count()).toHaveText('10')
  })

  test('hand tallies count beside the sources, each a record', async ({ page, app, events }) => {
    const counter = new CounterPage(page)
    await page.clock.install({ time: morning })
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Compteur')
    await page.getByRole('button', { name: '+1 publication' }).click()
    await expect(page.getByRole('status').filter({ hasText: /^\+1 enregistré à 10:\d\d$/ })).toBeVisible()
    await page.getByRole('button', { name: '+1 publication' }).click()
    await expect(counter.count()).toHaveText('2')
    await page.getByLabel('Total lu dans Instagram').fill('moins dix')
    await page.getByRole('button', { name: 'Enregistrer le total' }).click()
    await expect(page.getByText('Tapez un nombre entier, par exemple 12.')).toBeVisible()
    await expect(counter.count()).toHaveText('2')
    await page.getByLabel('Total lu dans Instagram').fill('40')
    await page.getByRole('button', { name: 'Enregistrer le total' }).click()
    await expect(counter.count()).toHaveText('40')
    await page.getByLabel('Ajustement').fill('+12')
    await page.getByLabel('Note (facultatif)').fill('Publications d’avant le suivi')
    await page.getByRole('button', { name: 'Ajouter l’ajustement' }).click()
    await expect(counter.count()).toHaveText('52')
    await page.reload()
    await expect(counter.count()).toHaveText('52')
  })

  test('the reception screen shows the count, the goal and the next stop, with nothing personal', async ({ page, app, events, socialApis: fake }) => {
    await fake.addInstagramPosts('photowalkxerre', 3, onTheDay)
    await page.clock.install({ time: morning })
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Compteur')
    const counter = new CounterPage(page)
    await counter.openSources()
    await counter.configureSources({ accountId: '17841400000000001', host: fake.host, token })
    await counter.backToCounter()
    await expect(counter.count()).toHaveText('3')

    // Without a PIN nothing could end the lock: the app says to set one first.
    await page.getByRole('button', { name: 'Écran d’accueil' }).click()
    await expect(page.getByRole('alert')).toContainText('Choisissez d’abord un code PIN dans les réglages')
    await expect(page).toHaveURL(/\/counter$/)
    await page.getByRole('link', { name: 'Ouvrir les réglages' }).click()
    await new PinSettingsPage(page).setPin('482913')
    await app.openTab('Compteur')

    await page.getByRole('button', { name: 'Écran d’accueil' }).click()
    await expect(page).toHaveURL(/\/reception$/)
    const screen = page.getByRole('region', { name: /Écran d’accueil/ })
    await expect(screen.locator('.figure')).toHaveText('3')
    await expect(screen).toContainText('Objectif : 140')
    await expect(screen).toContainText('#PHOTOWALKXERRE')
    await expect(screen.getByRole('region', { name: 'En ce moment' })).toContainText('Balade en bateau électrique sur l’Yonne')
    await expect(screen).toContainText('Prochaine étape')
    await expect(screen).toContainText(/à 12:00 — dans 1\s?h\s?55/)
    await expect(screen).not.toContainText('Exemple')
    expect(await seriousA11yViolations(page)).toEqual([])

    await fake.addInstagramPosts('photowalkxerre', 1, '2027-07-24T08:06:00+0000')
    await page.clock.runFor(60_000)
    await expect(screen.locator('.figure')).toHaveText('4')

    // Leaving takes the PIN: an address typed stays on the screen and asks for it.
    await page.goto('/participants')
    await expect(page).toHaveURL(/\/reception$/)
    const dialog = new PinDialog(page)
    await expect(dialog.dialog()).toBeVisible()
    await dialog.submit('000000')
    await expect(dialog.refusal()).toContainText('Code incorrect')
    await dialog.dialog().getByRole('button', { name: 'Rester sur cet écran' }).click()
    await expect(screen.locator('.figure')).toHaveText('4')
    await page.getByRole('button', { name: 'Quitter l’écran d’accueil' }).click()
    await dialog.submit('482913')
    // Back where the screen was started.
    await expect(page).toHaveURL(/\/counter$/)
    await expect(app.navigation()).toBeVisible()
  })
})
