import { readFile } from 'node:fs/promises'
import ICAL from 'ical.js'
import type { Browser, Page } from '@playwright/test'
import { AppPage, SchedulePage } from './support/pages'
import { eventOf, forgedFragment, fragmentOf, futureVersionFragment, versionOneFragment, withCharacterChanged } from './support/shareLinks'
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

/**
 * Runs in the page: from now on, notes whether `text` is ever in the document, checked on every
 * change of the DOM, so a schedule shown for a single frame is caught.
 */
function noteWhetherShown(text: string) {
  const note = () => {
    if (document.documentElement?.textContent?.includes(text)) document.documentElement.dataset.shown = 'yes'
  }
  new MutationObserver(note).observe(document, { childList: true, subtree: true, characterData: true })
  note()
}
const wasShown = (page: Page) => page.evaluate(() => document.documentElement.dataset.shown === 'yes')

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
    expect(new URL(link).hash).toMatch(/^#\d+$/)

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
    await expect(phone.page.getByText('Ce programme est enregistré sur votre téléphone')).toBeVisible()

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

  test('a newer link updates the schedule; an older one never shows, not even for a frame', async ({ browser, page, app, events, eventForm, itinerary }) => {
    // Two phones and many steps: more than the default time on a busy machine.
    test.slow()
    await page.clock.setFixedTime(at('11:00'))
    await app.goto('/')
    await events.loadSample()
    const first = await itinerary.openShare()
    await itinerary.shift(15, 'Pique-nique au bord de l’eau')
    await expect(itinerary.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    await app.openEvents()
    await events.edit('Photowalk Auxerre (exemple)')
    await eventForm.fill({ name: 'Photowalk Auxerre, nouvel horaire' })
    await eventForm.save()
    await expect(events.card('Photowalk Auxerre, nouvel horaire')).toBeVisible()
    await app.openTab('Itinéraire')
    const second = await itinerary.openShare()
    expect(second).not.toBe(first)

    const phone = await participantPhone(browser, page)
    await phone.page.goto(first)
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:00 – 13:30')
    await phone.page.goto(second)
    await expect(phone.page.getByText('Programme mis à jour.')).toBeVisible()
    await expect(phone.schedule.title()).toHaveText('Photowalk Auxerre, nouvel horaire')
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')

    // The older link, opened in the page showing the newer one, then afresh.
    await phone.page.evaluate(noteWhetherShown, 'Photowalk Auxerre (exemple)')
    await phone.page.goto(first)
    await expect(phone.page.getByText(/Ce lien est plus ancien que le programme déjà enregistré/)).toBeVisible()
    await expect(phone.schedule.title()).toHaveText('Photowalk Auxerre, nouvel horaire')
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    expect(await wasShown(phone.page)).toBe(false)

    await phone.page.addInitScript(noteWhetherShown, 'Photowalk Auxerre (exemple)')
    await phone.page.goto('about:blank')
    await phone.page.goto(first)
    await expect(phone.page.getByText(/Ce lien est plus ancien que le programme déjà enregistré/)).toBeVisible()
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    expect(await wasShown(phone.page)).toBe(false)

    await phone.page.goto('/schedule')
    await expect(phone.schedule.title()).toHaveText('Photowalk Auxerre, nouvel horaire')
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:15 – 13:45')
    await phone.context.close()
  })

  test('a forged link for a kept schedule is refused, and the organiser’s next link still updates it', async ({ browser, page, app, events, itinerary }) => {
    // Two phones and many steps: more than the default time on a busy machine.
    test.slow()
    await page.clock.setFixedTime(at('11:00'))
    await app.goto('/')
    await events.loadSample()
    const genuine = await itinerary.openShare()
    const phone = await participantPhone(browser, page)
    await phone.page.goto(genuine)
    await expect(phone.schedule.title()).toHaveText('Photowalk Auxerre (exemple)')

    // Same event, a huge revision, signed by the forger's own key.
    const forged = await forgedFragment({ ...eventOf(genuine), revision: 999_999, name: 'Photowalk annulé' })
    await phone.page.addInitScript(noteWhetherShown, 'Photowalk annulé')
    await phone.page.goto('about:blank')
    await phone.page.goto(`/schedule#${forged}`)
    await expect(phone.page.getByRole('alert')).toContainText(
      'Ce lien n’est pas signé par l’organisateur du programme enregistré sur ce téléphone',
    )
    await expect(phone.schedule.title()).toHaveText('Photowalk Auxerre (exemple)')
    expect(await wasShown(phone.page)).toBe(false)

    await itinerary.shift(10, 'Pique-nique au bord de l’eau')
    await expect(itinerary.stop('Pique-nique au bord de l’eau')).toContainText('12:10 – 13:40')
    const next = await itinerary.openShare()
    await phone.page.goto(next)
    await expect(phone.page.getByText('Programme mis à jour.')).toBeVisible()
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:10 – 13:40')
    await phone.page.goto('/schedule')
    await expect(phone.schedule.title()).toHaveText('Photowalk Auxerre (exemple)')
    await expect(phone.schedule.stop('Pique-nique au bord de l’eau')).toContainText('12:10 – 13:40')
    await phone.context.close()
  })

  test('a damaged link gets a clear message and nothing is kept', async ({ browser, page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    const link = await itinerary.openShare()
    const fragment = fragmentOf(link)

    const phone = await participantPhone(browser, page)
    const damaged = /Ce lien est incomplet ou a été modifié/
    const cases: Array<[string, RegExp]> = [
      [fragment.slice(0, fragment.length - 25), damaged],
      [withCharacterChanged(fragment, 0), damaged],
      [withCharacterChanged(fragment, 1), damaged],
      [withCharacterChanged(fragment, 500), damaged],
      [futureVersionFragment(link, 9), /vient d’une version plus récente de l’application/],
      [versionOneFragment(eventOf(link)), /créé par une version précédente de l’application/],
      ['<script>alert(1)</script>', /n’est pas un lien de programme Photowalk valide/],
    ]
    for (const [fragmentShown, message] of cases) {
      await phone.page.goto(`/schedule#${fragmentShown}`)
      await expect(phone.page.getByRole('alert')).toContainText(message)
      await expect(phone.schedule.stops()).toHaveCount(0)
    }
    await phone.page.goto('/schedule')
    await expect(phone.page.getByRole('heading', { name: 'Aucun programme' })).toBeVisible()
    await phone.context.close()
  })

  test('a participant forgets the schedule: nothing is kept, even after a reload', async ({ browser, page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    const link = await itinerary.openShare()
    const phone = await participantPhone(browser, page)
    await phone.page.goto(link)
    await expect(phone.schedule.stops()).toHaveCount(9)

    await phone.schedule.forget()
    await expect(phone.page.getByRole('status').filter({ hasText: '« Photowalk Auxerre (exemple) » a été effacé de ce téléphone.' })).toBeVisible()
    await expect(phone.page.getByRole('heading', { level: 1, name: 'Aucun programme' })).toBeVisible()
    await expect(phone.page.getByText('Aucun programme n’est enregistré sur ce téléphone.')).toBeVisible()
    await expect(phone.schedule.stops()).toHaveCount(0)
    expect(new URL(phone.page.url()).hash).toBe('')
    await phone.page.reload()
    await expect(phone.page.getByRole('heading', { level: 1, name: 'Aucun programme' })).toBeVisible()
    await phone.context.close()
  })

  test('“saved on your phone” appears only once the schedule is stored', async ({ browser, page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    const link = await itinerary.openShare()
    const phone = await participantPhone(browser, page)
    // A browser whose storage refuses every database (private browsing in some browsers, a full disk).
    await phone.page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('Storage is not available.', 'UnknownError')
      }
    })
    await phone.page.goto(link)
    await expect(phone.schedule.title()).toHaveText('Photowalk Auxerre (exemple)')
    await expect(phone.page.getByRole('alert')).toContainText('Ce programme n’a pas pu être enregistré sur ce téléphone')
    await expect(phone.page.getByText('Ce programme est enregistré sur votre téléphone')).toHaveCount(0)
    await expect(phone.page.getByRole('button', { name: 'Oublier ce programme' })).toHaveCount(0)
    await phone.context.close()
  })

  test('the schedule’s QR code opens full-screen, black on white, offline, and closes', async ({ page, app, events, itinerary }) => {
    await app.goto('/')
    await events.loadSample()
    await app.waitUntilWorksOffline()
    await page.context().setOffline(true)
    await page.reload()
    await itinerary.openShareDialog()
    await itinerary.shareDialog().getByRole('button', { name: 'QR code en plein écran' }).click()
    const fullScreen = itinerary.fullScreenQr()
    await expect(fullScreen).toBeVisible()
    await expect(fullScreen).toContainText('Montez la luminosité au maximum')
    const code = fullScreen.getByRole('img', { name: 'QR code du lien vers le programme' }).locator('svg')
    await expect(code).toBeVisible()

    // The code with its quiet zone spans the screen's width: how many CSS pixels each module gets.
    const box = await code.boundingBox()
    const modulesAcross = await code.evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width)
    const viewport = page.viewportSize()
    expect(box && viewport && box.x >= 0 && box.x + box.width <= viewport.width + 0.5).toBe(true)
    const pixelsPerModule = (box?.width ?? 0) / modulesAcross
    console.info(`full-screen QR of the sample day: ${modulesAcross - 8} modules + quiet zone, ${pixelsPerModule.toFixed(2)} CSS px a module`)
    expect(pixelsPerModule).toBeGreaterThanOrEqual(3.5)
    expect(await fullScreen.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 255, 255)')

    await fullScreen.getByRole('button', { name: 'Fermer' }).click()
    await expect(fullScreen).toBeHidden()
    await expect(itinerary.shareDialog()).toBeVisible()
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
