import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './support/test'

const at = (time: string) => new Date(`2027-07-24T${time}:00+02:00`)

/** How many check-in records the page's database holds. */
function storedCheckins(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const request = indexedDB.open('photowalk')
    const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)))
    const count = db.transaction('checkins').objectStore('checkins').count()
    const result: number = await new Promise((resolve) => (count.onsuccess = () => resolve(count.result)))
    db.close()
    return result
  })
}

/** The walk-in form's draft as kept in the database, if any. */
function storedWalkInDraft(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(async () => {
    const request = indexedDB.open('photowalk')
    const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)))
    const all = db.transaction('meta').objectStore('meta').getAll()
    const entries: Array<{ key: string; value: Record<string, unknown> }> = await new Promise((resolve) => (all.onsuccess = () => resolve(all.result)))
    db.close()
    return entries.find((entry) => entry.key.startsWith('draft.walkIn.'))?.value ?? null
  })
}

test.describe('check-in by hand', () => {
  test('opens on the current checkpoint; search, check in, undo; works offline too', async ({ page, context, app, events, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    await app.waitUntilWorksOffline()
    await app.openTab('Pointage')
    await expect(page.getByLabel('Point de pointage')).toHaveValue(/.+/)
    await expect(page.getByLabel('Point de pointage').locator('option:checked')).toHaveText('Accueil à l’office de tourisme')
    await expect(checkin.figure('attendus')).toHaveText('12')
    await expect(checkin.figure('manquants')).toHaveText('12')

    await checkin.search('helene')
    await checkin.tapCheckIn('Hélène Exemple')
    await expect(checkin.result()).toHaveText('✓ Hélène Exemple : pointé·e')
    await expect(checkin.figure('présents')).toHaveText('1')
    await expect(checkin.figure('manquants')).toHaveText('11')
    await checkin.undo('Hélène Exemple')
    await expect(checkin.figure('présents')).toHaveText('0')
    // The screen answers before the write is on disk (milliseconds later): wait for both records.
    await expect.poll(() => storedCheckins(page)).toBe(2)

    await context.setOffline(true)
    await page.reload()
    await expect(app.networkStatus()).toHaveText('Hors ligne')
    await checkin.search('lucas')
    await checkin.tapCheckIn('Lucas Fictif')
    await expect(checkin.result()).toContainText('Lucas Fictif : pointé·e')
    await expect.poll(() => storedCheckins(page)).toBe(3)
    await page.reload()
    await expect(checkin.figure('présents')).toHaveText('1')
    await page.getByRole('group', { name: /Qui manque/ }).or(page.getByText(/Qui manque \?/)).first().click()
    await expect(page.getByRole('link', { name: 'Appeler Hélène Exemple' })).toHaveAttribute('href', /^tel:\+33199001/)
  })

  test('at the boat: boarding and disembarking, aboard and ashore side by side', async ({ page, app, events, checkin }) => {
    await page.clock.setFixedTime(at('10:05'))
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Pointage')
    await expect(page.getByLabel('Point de pointage').locator('option:checked')).toHaveText('Balade en bateau électrique sur l’Yonne')
    await checkin.action('Embarquer', 'Hélène Exemple').click()
    await expect(checkin.result()).toHaveText('✓ Hélène Exemple : à bord')
    await checkin.action('Embarquer', 'Lucas Fictif').click()
    await expect(checkin.figure('à bord')).toHaveText('2')

    await checkin.chooseMode('Débarquement')
    // In this direction the button says what it does.
    await checkin.action('Débarquer', 'Hélène Exemple').click()
    await expect(checkin.result()).toHaveText('✓ Hélène Exemple : débarqué·e')
    await expect(checkin.figure('à bord')).toHaveText('1')
    await expect(checkin.figure('à terre')).toHaveText('1')
    await expect(page.getByText('Encore à bord : Lucas Fictif')).toBeVisible()

    // Undoing a departure says so: it is not the check-in that is undone.
    await checkin.undo('Hélène Exemple')
    await expect(checkin.result()).toHaveText('Débarquement de Hélène Exemple annulé')
    await expect(checkin.figure('à bord')).toHaveText('2')
  })

  test('away from the boat, undoing a departure says “departure undone”', async ({ page, app, events, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Pointage')
    await checkin.tapCheckIn('Hélène Exemple')
    await checkin.chooseMode('Départ')
    await checkin.tapCheckOut('Hélène Exemple')
    await expect(checkin.result()).toHaveText('✓ Hélène Exemple : départ noté')
    await checkin.undo('Hélène Exemple')
    await expect(checkin.result()).toHaveText('Départ de Hélène Exemple annulé')
    await checkin.undo('Hélène Exemple')
    await expect(checkin.result()).toHaveText('Arrivée de Hélène Exemple annulée')
  })

  test('a walk-in is added and checked in on the spot; attendance exports safely', async ({ page, app, events, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Pointage')
    await page.getByRole('button', { name: 'Ajouter une personne sur place' }).click()
    await page.getByRole('button', { name: 'Ajouter et pointer' }).click()
    await expect(page.getByText('Indiquez au moins un prénom ou un nom.')).toBeVisible()
    await page.getByLabel('Prénom').fill('=HYPERLINK("x")')
    await page.getByLabel('Nom', { exact: true }).fill('Surprise')
    await page.getByRole('button', { name: 'Ajouter et pointer' }).click()
    await expect(checkin.result()).toHaveText('✓ =HYPERLINK("x") Surprise : pointé·e')
    await expect(checkin.figure('attendus')).toHaveText('13')
    await expect(checkin.figure('présents')).toHaveText('1')

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Exporter les présences (CSV)' }).click()
    const file = await download
    const csv = await readFile(await file.path(), 'utf8')
    expect(csv.startsWith('\uFEFFNom;Instagram;E-mail;Téléphone;Rôle;Mineur·e;Accueil à l’office de tourisme : arrivée')).toBe(true)
    expect(csv).toContain(`'=HYPERLINK(""x"") Surprise`)
    expect(csv).toContain("'+33 1 99 00 10 20")
    expect(csv).toMatch(/Surprise";;;;Instagrameur;Non;09:35/)
  })

  test('a walk-in gets a phone, an email and the minor flag; what was typed survives a reload; who is missing later can be called', async ({ page, app, events, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Pointage')
    await page.getByRole('button', { name: 'Ajouter une personne sur place' }).click()
    await page.getByLabel('Prénom').fill('Jeanne')
    await page.getByLabel('Nom', { exact: true }).fill('Sansbillet')
    await page.getByLabel('Téléphone').fill('06 99 00 12 12')
    await page.getByLabel('E-mail').fill('pas-un-email')
    await page.getByRole('checkbox', { name: 'Mineur·e' }).check()
    await page.getByRole('button', { name: 'Ajouter et pointer' }).click()
    await expect(page.getByText('Adresse e-mail invalide.')).toBeVisible()
    await expect(page.getByText('Indiquez l’année de naissance du mineur.')).toBeVisible()

    // A reload (or a tab the phone killed) keeps what was typed.
    await expect.poll(() => storedWalkInDraft(page)).toMatchObject({ phone: '06 99 00 12 12', isMinor: true })
    await page.reload()
    await expect(page.getByLabel('Téléphone')).toHaveValue('06 99 00 12 12')
    await expect(page.getByRole('checkbox', { name: 'Mineur·e' })).toBeChecked()
    await page.getByLabel('E-mail').fill('jeanne@example.org')
    await page.getByLabel('Année de naissance').fill('2012')
    await page.getByRole('button', { name: 'Ajouter et pointer' }).click()
    await expect(checkin.result()).toHaveText('✓ Jeanne Sansbillet : pointé·e')
    await expect(page.getByRole('button', { name: 'Ajouter une personne sur place' })).toBeVisible()

    await checkin.chooseCheckpoint('Cathédrale Saint-Étienne')
    await page.getByText(/Qui manque \?/).click()
    await expect(page.getByRole('link', { name: 'Appeler Jeanne Sansbillet' })).toHaveAttribute('href', 'tel:0699001212')
    await app.openTab('Participants')
    await page.getByRole('listitem').filter({ hasText: 'Jeanne Sansbillet' }).getByRole('link').click()
    await expect(page.getByLabel('E-mail')).toHaveValue('jeanne@example.org')
    await expect(page.getByRole('checkbox', { name: 'Mineur·e' })).toBeChecked()
  })

  test('a name without spaces wraps instead of running under the buttons', async ({ page, app, events, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    await app.openTab('Pointage')
    const longName = 'Maximilienne' + 'x'.repeat(60)
    await page.getByRole('button', { name: 'Ajouter une personne sur place' }).click()
    await page.getByLabel('Prénom').fill(longName)
    await page.getByRole('button', { name: 'Ajouter et pointer' }).click()
    await checkin.search('maximilienne')
    const row = page.getByRole('listitem').filter({ hasText: longName })
    const name = await row.getByText(longName, { exact: true }).first().boundingBox()
    const button = await row.getByRole('button', { name: `Annuler ${longName}` }).boundingBox()
    expect(name && button && name.x + name.width <= button.x).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0)
  })
})

test.describe('check-in while the records are still being read', () => {
  test('with thousands of records and slow storage, a tap made while they are read is decided on them: no second arrival', async ({ page, app, events, checkin }) => {
    await page.clock.setFixedTime(at('10:05'))
    await app.goto('/')
    await events.loadSample()
    // Another phone has boarded everyone, and the day has thousands of records at the boat.
    const written = await page.evaluate(async () => {
      const open = indexedDB.open('photowalk')
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)))
      const read = <T,>(store: string): Promise<T[]> =>
        new Promise((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll()
          request.onsuccess = () => resolve(request.result as T[])
        })
      const stops = await read<{ id: string; kind: string; eventId: string }>('stops')
      const people = await read<{ id: string; firstName: string }>('participants')
      const boat = stops.find((stop) => stop.kind === 'boat')!
      const transaction = db.transaction('checkins', 'readwrite')
      const store = transaction.objectStore('checkins')
      let count = 0
      for (let round = 0; round < 250; round += 1) {
        for (const person of people) {
          const at = new Date(Date.UTC(2027, 6, 24, 7, 0, 0) + round * 1000).toISOString()
          const action = round % 2 === 0 ? 'in' : 'out'
          store.put({ id: `${round}-${person.id}`, eventId: boat.eventId, participantId: person.id, stopId: boat.id, action, undoesId: null, at, deviceId: 'other', method: 'qr' })
          count += 1
        }
      }
      // The last round leaves everyone aboard.
      for (const person of people) {
        store.put({ id: `last-${person.id}`, eventId: boat.eventId, participantId: person.id, stopId: boat.id, action: 'in', undoesId: null, at: '2027-07-24T07:59:00.000Z', deviceId: 'other', method: 'qr' })
        count += 1
      }
      await new Promise((resolve) => (transaction.oncomplete = resolve))
      db.close()
      return count
    })
    expect(written).toBe(3012)

    // Every state the head-count goes through is recorded, however briefly it is shown.
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { headCounts: string[] }).headCounts = seen
      new MutationObserver(() => {
        const region = document.querySelector('[aria-label="Comptage"]')
        const text = region?.textContent ?? ''
        if (text && seen.at(-1) !== text) seen.push(text)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    // Storage that is slow to answer: a long write on the check-ins holds every read of them back
    // until the test lets it finish (IndexedDB runs a read after a write it overlaps).
    await page.evaluate(async () => {
      const open = indexedDB.open('photowalk')
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)))
      const store = db.transaction('checkins', 'readwrite').objectStore('checkins')
      const hold = window as unknown as { releaseCheckins: () => void }
      let held = true
      hold.releaseCheckins = () => (held = false)
      const keepBusy = () => {
        if (held) store.get('nothing').onsuccess = keepBusy
      }
      keepBusy()
    })

    await app.openTab('Pointage')
    await expect(checkin.headCount()).toContainText('Lecture des pointages…')
    await checkin.action('Embarquer', 'Hélène Exemple').click()
    await page.evaluate(() => (window as unknown as { releaseCheckins: () => void }).releaseCheckins())
    await expect(checkin.result()).toHaveText(/^Hélène Exemple : déjà à bord depuis/)
    await expect(checkin.figure('à bord')).toHaveText('12')
    await expect.poll(() => storedCheckins(page)).toBe(written)

    const headCounts = await page.evaluate(() => (window as unknown as { headCounts: string[] }).headCounts)
    expect(headCounts[0]).toContain('Lecture des pointages…')
    // Never "nobody aboard, everybody missing" while the records were being read.
    expect(headCounts.filter((text) => /(^|\D)0à bord/.test(text))).toEqual([])
  })
})

test.describe('scanning without a camera', () => {
  test('a photo of a badge checks in; another event’s badge is named; no camera gets a clear message', async ({ page, app, events, eventForm, checkin }) => {
    await page.clock.setFixedTime(at('09:35'))
    await app.goto('/')
    await events.loadSample()
    // A photo of Hélène's badge, as the badge screen shows it.
    await app.openTab('Participants')
    await page.getByRole('listitem').filter({ hasText: 'Hélène Exemple' }).getByRole('link').click()
    await page.getByRole('link', { name: 'Afficher le badge' }).click()
    const photo = await page.getByRole('img', { name: /QR code du badge/ }).screenshot()

    await app.openTab('Pointage')
    await page.getByRole('button', { name: 'Scanner les badges' }).click()
    await expect(page.getByRole('alert')).toContainText(/caméra/)
    await page.getByLabel('Photo d’un badge').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: photo })
    await expect(checkin.result()).toHaveText('✓ Hélène Exemple : pointé·e')
    await page.getByLabel('Photo d’un badge').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: await page.getByRole('heading', { level: 1 }).screenshot() })
    await expect(page.getByRole('alert')).toContainText('Aucun QR code lisible sur cette photo.')

    // The same badge, scanned while another event is open.
    await app.openEvents()
    await events.startCreating()
    await eventForm.fill({ name: 'Autre photowalk', date: '2027-07-24' })
    await eventForm.save()
    await events.open('Autre photowalk')
    await page.getByRole('link', { name: 'Ajouter une étape' }).click()
    await page.getByLabel('Titre').fill('Rendez-vous')
    await page.getByLabel('Type').selectOption({ label: 'Point de rendez-vous' })
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await app.openTab('Pointage')
    await page.getByLabel('Photo d’un badge').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: photo })
    await expect(checkin.result()).toHaveText('✗ Badge d’un autre événement (Hélène Exemple)')
  })
})
