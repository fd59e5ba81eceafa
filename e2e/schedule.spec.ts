import { readFile } from 'node:fs/promises'
import ICAL from 'ical.js'
import type { Browser, Page } from '@playwright/test'
import { AppPage, SchedulePage } from './support/pages'
import { expect, test } from './support/test'

const eventDay = '2027-07-24'
const at = (time: string) => new Date(`${eventDay}T${time}:00+02:00`)

/** Another phone: its own browser context, with nothing of the organiser's. */
async function participantPhone(browser: Browser, organiserPage: Page) {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: organiserPage.viewportSize(),
    serviceWorkers: 'allow',
  })
  const page = await context.newPage()
  const outside: string[] = []
  page.on('request', (request) => {
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(request.url())) outside.push(request.url())
  })
  return { context, page, schedule: new SchedulePage(page), app: new AppPage(page), outside }
}

test.describe('participant schedule', () => {
  test('the share link opens the schedule on another phone, which keeps it offline', async ({ browser, page, app, events, itinerary }) => {
    // Two phones, one of them going offline: longer than most tests.
    test.slow()
    // Before the meeting begins, a delay moves it (once under way, it would run longer instead).
    await page.clock.setFixedTime(at('09:25'))
    await app.goto('/')
    await events.loadSample()
    await itinerary.shift(10)
    const link = await itinerary.openShare()
    expect(new URL(link).pathname).toBe('/schedule')
    expect(new URL(link).hash.length).toBeLessThan(1500)

    const phone = await participantPhone(browser, page)
    await phone.page.goto(link)
    await expect(phone.page.getByRole('heading', { level: 1, name: 'Photowalk Auxerre (exemple)' })).toBeVisible()
    await expect(phone.schedule.stops()).toHaveCount(9)
    const meeting = phone.schedule.stop('Accueil à l’office de tourisme')
    await expect(meeting).toContainText('09:40 – 10:10')
    await expect(meeting.getByRole('deletion')).toContainText('09:30 – 10:00')
    await expect(phone.schedule.stop('Balade en bateau électrique sur l’Yonne')).toContainText('Ponton 2')
    await expect(phone.schedule.stop('Balade en bateau électrique sur l’Yonne').getByRole('link', { name: /^Itinéraire/ })).toHaveAttribute(
      'href',
      /^geo:47\.7985,3\.5748/,
    )
    await expect(phone.page.getByRole('navigation')).toHaveCount(0)
    await expect(phone.page.getByText('Hélène')).toHaveCount(0)

    await phone.app.waitUntilWorksOffline()
    await phone.context.setOffline(true)
    await phone.page.reload()
    await expect(phone.schedule.stop('Accueil à l’office de tourisme')).toContainText('09:40 – 10:10')
    // Opened from the home screen, without the link: the kept copy.
    await phone.page.goto('/schedule')
    await expect(phone.schedule.stops()).toHaveCount(9)
    await expect(phone.page.getByRole('banner')).toContainText('Hors ligne')
    expect(phone.outside).toEqual([])
    await phone.context.close()
  })

  test('a newer link updates the schedule; an older one does not overwrite it', async ({ browser, page, app, events, itinerary }) => {
    await page.clock.setFixedTime(at('11:00'))
    await app.goto('/')
    await events.loadSample()
    const first = await itinerary.openShare()
    await itinerary.shift(15, 'Pique-nique au bord de l’eau')
    await expect(itinerary.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    const second = await itinerary.openShare()
    expect(second).not.toBe(first)

    const phone = await participantPhone(browser, page)
    await phone.page.goto(first)
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:00 – 13:30')
    await phone.page.goto(second)
    await expect(phone.page.getByText('Programme mis à jour.')).toBeVisible()
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')

    await phone.page.goto(first)
    await expect(phone.page.getByText(/Ce lien est plus ancien que le programme déjà enregistré/)).toBeVisible()
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    await phone.page.goto('/schedule')
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    await phone.context.close()
  })

  test('a damaged link gets a clear message and nothing is kept', async ({ browser, page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    const link = await itinerary.openShare()
    const fragment = new URL(link).hash.slice(1)
    const futureVersion = Buffer.from(fragment, 'base64url')
    futureVersion[0] = 9

    const phone = await participantPhone(browser, page)
    const cases: Array<[string, RegExp]> = [
      [fragment.slice(0, fragment.length - 25), /incomplet/],
      [fragment.slice(0, 30) + (fragment[30] === 'x' ? 'y' : 'x') + fragment.slice(31), /incomplet ou a été modifié/],
      [futureVersion.toString('base64url'), /version plus récente de l’application/],
      ['<script>alert(1)</script>', /n’est pas un lien de programme Photowalk valide/],
    ]
    for (const [damaged, message] of cases) {
      await phone.page.goto(`/schedule#${damaged}`)
      await expect(phone.page.getByRole('alert')).toContainText(message)
      await expect(phone.schedule.stops()).toHaveCount(0)
    }
    await phone.page.goto('/schedule')
    await expect(phone.page.getByRole('heading', { name: 'Aucun programme' })).toBeVisible()
    await phone.context.close()
  })

  test('now and next follow the clock', async ({ browser, page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    const link = await itinerary.openShare()
    const phone = await participantPhone(browser, page)
    await phone.page.clock.install({ time: at('09:20') })
    await phone.page.goto(link)
    const card = phone.schedule.nowAndNext()
    await expect(card).toContainText('Pour commencer')
    await expect(card).toContainText('Accueil à l’office de tourisme')
    await expect(card).toContainText('dans 10 min')

    await phone.page.clock.fastForward('15:00')
    await expect(card).toContainText('Maintenant')
    await expect(card).toContainText('encore 25 min')
    await expect(card).toContainText('Ensuite')
    await expect(card).toContainText('Balade en bateau électrique sur l’Yonne')

    await phone.page.clock.fastForward('01:00:00')
    await expect(card).toContainText('Balade en bateau électrique sur l’Yonne')
    await expect(card).toContainText('encore 55 min')

    await phone.page.clock.fastForward('11:00:00')
    await expect(card).toContainText('La journée est terminée')
    await phone.context.close()
  })

  test('hashtags copy with one tap and the day downloads as a calendar', async ({ browser, page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    await itinerary.shift(10, 'Pique-nique au bord de l’eau')
    const link = await itinerary.openShare()
    const phone = await participantPhone(browser, page)
    await phone.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await phone.page.goto(link)

    await phone.page.getByRole('button', { name: /#SecretsAuxerre/ }).click()
    await expect(phone.page.getByText('#SecretsAuxerre copié').first()).toBeVisible()
    expect(await phone.page.evaluate(() => navigator.clipboard.readText())).toBe('#SecretsAuxerre')

    const download = phone.page.waitForEvent('download')
    await phone.page.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('photowalk-auxerre-exemple.ics')
    const calendar = new ICAL.Component(ICAL.parse(await readFile(await file.path(), 'utf8')))
    const entries = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    expect(entries).toHaveLength(9)
    expect(entries.map((entry) => entry.summary)[2]).toBe('Pique-nique au bord de l’eau')
    expect(entries[2]?.startDate.toJSDate().toISOString()).toBe('2027-07-24T10:10:00.000Z')
    expect(entries[1]?.startDate.toJSDate().toISOString()).toBe('2027-07-24T08:00:00.000Z')
    await phone.context.close()
  })

  test('the organiser downloads the calendar too', async ({ page, app, events }) => {
    await app.goto('/')
    await events.loadSample()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Agenda (.ics)' }).click()
    const calendar = new ICAL.Component(ICAL.parse(await readFile(await (await download).path(), 'utf8')))
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(9)
  })
})
