import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect, test } from './support/test'

const fixture = (name: string) => fileURLToPath(new URL(`../src/domain/fixtures/imports/${name}`, import.meta.url))

test.describe('roster', () => {
  test.beforeEach(async ({ app, events, eventForm }) => {
    await app.goto('/')
    await events.startCreating()
    await eventForm.fill({ name: 'Photowalk import', date: '2027-07-24', hashtags: ['#Import'] })
    await eventForm.save()
    await events.open('Photowalk import')
  })

  test('a HelloAsso export is imported once, and importing it again changes nothing', async ({ page, app, participants }) => {
    await app.openTab('Participants')
    await participants.importFile(fixture('helloasso.csv'))
    await expect(page.getByText('helloasso.csv : 3 lignes (utf-8-bom)')).toBeVisible()
    await expect(page.getByLabel(/Prénom participant/)).toHaveValue('firstName')
    // The payer's column is never the participant's own.
    await expect(page.getByLabel(/Email payeur/)).toHaveValue('payerEmail')
    await expect(page.getByText(/3\s+nouveaux participants/)).toBeVisible()
    await participants.confirmImport()
    await expect(page.getByText('Import terminé : 3 ajoutés, 0 complétés.')).toBeVisible()

    await app.openTab('Participants')
    await expect(page.getByText('3 sur 3')).toBeVisible()
    await expect(participants.row('Hélène Exemple')).toContainText('@helene.exemple')
    await expect(participants.row('Lucas Fictif')).toContainText('Presse')

    await participants.importFile(fixture('helloasso.csv'))
    await expect(page.getByText(/3\s+doublons/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Importer (0)' })).toBeDisabled()
    await page.getByRole('radio', { name: 'Compléter la fiche existante' }).check()
    await expect(page.getByRole('button', { name: 'Importer (0)' })).toBeDisabled()
    await app.openTab('Participants')
    await expect(page.getByText('3 sur 3')).toBeVisible()
  })

  test('an Excel file in Windows-1252 keeps its accents; a column can be remapped', async ({ page, app, participants }) => {
    await app.openTab('Participants')
    await participants.importFile(fixture('excel-fr.csv'))
    await expect(page.getByText('excel-fr.csv : 3 lignes (windows-1252)')).toBeVisible()
    await participants.confirmImport()
    await app.openTab('Participants')
    await expect(participants.row('Hélène Exemple')).toBeVisible()
    await expect(participants.row('Sacha Témoin')).toContainText('Équipe')

    await participants.importFile(fixture('google-forms.csv'))
    await page.getByLabel(/Vous êtes…/).selectOption('role')
    await participants.confirmImport()
    await app.openTab('Participants')
    await expect(participants.row('Camille Échantillon')).toContainText('Presse')
  })

  test('search forgives accents, case and handles; filters narrow the list', async ({ page, app, participants }) => {
    await app.openTab('Participants')
    await participants.importFile(fixture('helloasso.csv'))
    await participants.confirmImport()
    await app.openTab('Participants')
    await participants.search('HELENE')
    await expect(participants.list().getByRole('listitem')).toHaveCount(1)
    await participants.search('@lucas')
    await expect(participants.row('Lucas Fictif')).toBeVisible()
    await participants.search('')
    await page.getByLabel('Rôle').selectOption({ label: 'Presse' })
    await expect(participants.list().getByRole('listitem')).toHaveCount(1)
    await expect(page.getByText('1 sur 3')).toBeVisible()
  })

  test('bad files are refused with a message and the roster is unchanged', async ({ page, app, participants }) => {
    await app.openTab('Participants')
    await participants.importFile({ name: 'photo.png', mimeType: 'image/png', buffer: await readFile(fileURLToPath(new URL('../public/icon-192.png', import.meta.url))) })
    await expect(page.getByRole('alert')).toContainText('n’est pas un fichier texte')
    await page.getByLabel('Fichier').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'a') })
    await expect(page.getByRole('alert')).toContainText('dépasse 10 Mo')
    await page.getByLabel('Fichier').setInputFiles({ name: 'nonsense.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b;c\n1;2;3\n') })
    await expect(page.getByRole('alert')).toContainText('Aucune ligne d’en-tête reconnue')
    // A file the phone cannot read any more (moved, or still in a cloud drive) is said, not ignored.
    await page.evaluate(() => {
      Blob.prototype.arrayBuffer = () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'))
    })
    await page.getByLabel('Fichier').setInputFiles(fixture('helloasso.csv'))
    await expect(page.getByRole('alert')).toContainText('Ce fichier n’a pas pu être lu')
    await app.openTab('Participants')
    await expect(page.getByText('Aucun participant n’est encore inscrit à cet événement.')).toBeVisible()
  })

  test('markup and formulas in names stay text, rows with problems are shown and left out', async ({ page, app, participants }) => {
    await app.openTab('Participants')
    await participants.importFile(fixture('problems.csv'))
    await expect(page.getByText('Ligne 2 : aucun nom, ligne ignorée.')).toBeVisible()
    // A bad email does not lose the person: Robert is imported without it.
    await expect(page.getByText('Ligne 3, Robert Formule : adresse e-mail invalide «\u00a0pas-un-email\u00a0» — importé·e sans e-mail.')).toBeVisible()
    await participants.confirmImport()
    await app.openTab('Participants')
    // Lucas Doublon shares Lucas Fictif's email, not his name: two people.
    await expect(page.getByText('4 sur 4')).toBeVisible()
    await expect(participants.row('<img src=x onerror=alert(1)>')).toBeVisible()
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
  })

  test('add, edit and remove a participant; bad input is refused', async ({ page, app, participants }) => {
    await app.openTab('Participants')
    await page.getByRole('link', { name: 'Ajouter', exact: true }).click()
    await page.getByLabel('Compte Instagram').fill('hélène!')
    await page.getByLabel('E-mail').fill('pas-un-email')
    await page.getByRole('checkbox', { name: 'Mineur·e' }).check()
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(page.getByText('Indiquez au moins un prénom ou un nom.')).toBeVisible()
    await expect(page.getByText(/Compte Instagram invalide/)).toBeVisible()
    await expect(page.getByText('Adresse e-mail invalide.')).toBeVisible()
    await expect(page.getByText('Indiquez l’année de naissance du mineur.')).toBeVisible()

    await page.getByLabel('Prénom').fill('Nina')
    await page.getByLabel('Nom', { exact: true }).fill('Nouvelle')
    await page.getByLabel('Compte Instagram').fill('@Nina.Nouvelle')
    await page.getByLabel('E-mail').fill('nina@example.org')
    await page.getByLabel('Année de naissance').fill('2012')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(participants.row('Nina Nouvelle')).toContainText('@nina.nouvelle')

    await participants.row('Nina Nouvelle').getByRole('link').click()
    await page.getByRole('link', { name: 'Afficher le badge' }).click()
    await expect(page.getByRole('img', { name: 'QR code du badge de Nina Nouvelle' }).locator('svg')).toBeVisible()
    await expect(page.getByText(/^[0-9A-Z]{16}$/)).toBeVisible()
    await page.getByRole('link', { name: 'Retour' }).click()
    await page.getByRole('button', { name: 'Retirer de la liste' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click()
    await expect(page.getByText('Aucun participant n’est encore inscrit à cet événement.')).toBeVisible()
  })
})

test.describe('imports as ticketing tools make them', () => {
  test.beforeEach(async ({ app, events, eventForm }) => {
    await app.goto('/')
    await events.startCreating()
    await eventForm.fill({ name: 'Photowalk groupes', date: '2027-07-24', hashtags: ['#Groupes'] })
    await eventForm.save()
    await events.open('Photowalk groupes')
    await app.openTab('Participants')
  })

  test('a HelloAsso group order: two children, the payer as who booked, a bad handle named; importing again changes nothing', async ({ page, app, participants }) => {
    await participants.importFile(fixture('helloasso-group.csv'))
    await expect(page.getByLabel(/Email payeur/)).toHaveValue('payerEmail')
    await expect(page.getByLabel(/Nom payeur/)).toHaveValue('payerLastName')
    await expect(page.getByText(/6\s+nouveaux participants/)).toBeVisible()
    await expect(page.getByText('Ligne 7, Alice Martin : compte Instagram invalide «\u00a0@alice_<b>bold</b>\u00a0» — importé·e sans compte Instagram.')).toBeVisible()
    await expect(page.locator('b', { hasText: 'bold' })).toHaveCount(0)
    const preview = page.getByRole('list', { name: 'Nouveaux participants' })
    const chloe = preview.getByRole('listitem').filter({ hasText: 'Chloé Démo' })
    await expect(chloe).toContainText('Réservé par')
    await expect(chloe).toContainText('Paul Démo <paul.demo@example.org>')
    await expect(chloe).toContainText('Mineur·e')
    await expect(chloe).toContainText('2011')
    await expect(preview.getByRole('listitem').filter({ hasText: 'Léo Démo' })).toContainText('Paul Démo <paul.demo@example.org>')
    await participants.confirmImport()
    await expect(page.getByText('Import terminé : 6 ajoutés, 0 complétés.')).toBeVisible()

    await app.openTab('Participants')
    await expect(page.getByText('6 sur 6')).toBeVisible()
    await expect(participants.row('Chloé Démo')).toContainText('Mineur·e')
    await expect(participants.row('Léo Démo')).toContainText('Mineur·e')
    await expect(participants.row('Hélène Exemple')).not.toContainText('Mineur·e')
    await participants.row('Chloé Démo').getByRole('link').click()
    await expect(page.getByLabel('Réservé par')).toHaveValue('Paul Démo <paul.demo@example.org>')
    await expect(page.getByText('La personne qui a réservé la place (un parent, un collègue), pas le participant')).toBeVisible()
    await app.openTab('Participants')
    await participants.row('Alice Martin').getByRole('link').click()
    await expect(page.getByLabel('Notes')).toHaveValue('Compte Instagram (import): @alice_<b>bold</b>')
    await app.openTab('Participants')

    await participants.importFile(fixture('helloasso-group.csv'))
    await expect(page.getByText(/6\s+doublons/)).toBeVisible()
    await page.getByRole('radio', { name: 'Compléter la fiche existante' }).check()
    await expect(page.getByRole('heading', { name: 'Valeurs différentes' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Importer (0)' })).toBeDisabled()
    await app.openTab('Participants')
    await expect(page.getByText('6 sur 6')).toBeVisible()
  })

  test('a malformed file or one with thousands of columns is refused with its line; nothing is imported', async ({ page, app, participants }) => {
    await participants.importFile(fixture('malformed.csv'))
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Ce fichier est mal formé : rien n’a été importé.')
    await expect(alert).toContainText('Ligne 3 : un guillemet ouvre une cellule sans la fermer')
    await expect(page.getByRole('heading', { name: 'Colonnes' })).toHaveCount(0)

    const header = ['Prénom', 'Nom', ...Array.from({ length: 49_998 }, (_, index) => `Colonne ${index}`)].join(';')
    await page.getByLabel('Fichier').setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\nA;B\r\n`) })
    await expect(page.getByRole('alert')).toContainText(/Ce fichier a 50\s000 colonnes \(ligne 1\)/)
    await expect(page.getByRole('heading', { name: 'Colonnes' })).toHaveCount(0)
    await app.openTab('Participants')
    await expect(page.getByText('Aucun participant n’est encore inscrit à cet événement.')).toBeVisible()
  })

  test('a value that differs from the roster is kept unless the organiser takes the file’s', async ({ page, app, participants }) => {
    await participants.importFile(fixture('helloasso-group.csv'))
    await participants.confirmImport()
    await app.openTab('Participants')
    await participants.importFile({
      name: 'update.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Prénom;Nom;Email;Téléphone\r\nHélène;Exemple;helene.exemple@example.org;06 11 22 33 44\r\n'),
    })
    await page.getByRole('radio', { name: 'Compléter la fiche existante' }).check()
    const conflict = page.getByRole('group', { name: 'Ligne 2, Hélène Exemple — Téléphone' })
    await expect(conflict.getByRole('radio', { name: 'Garder «\u00a006 99 00 10 20\u00a0»' })).toBeChecked()
    await expect(page.getByRole('button', { name: 'Importer (0)' })).toBeDisabled()
    await conflict.getByRole('radio', { name: 'Prendre «\u00a006 11 22 33 44\u00a0» (fichier)' }).check()
    await participants.confirmImport()
    await expect(page.getByText('Import terminé : 0 ajoutés, 1 complétés.')).toBeVisible()
    await app.openTab('Participants')
    await participants.row('Hélène Exemple').getByRole('link').click()
    await expect(page.getByLabel('Téléphone')).toHaveValue('06 11 22 33 44')
  })

  test('every column choice reads whole on a 390-px phone', async ({ page, participants }) => {
    await participants.importFile(fixture('helloasso-group.csv'))
    const selects = page.getByRole('region', { name: 'Colonnes' }).getByRole('combobox')
    await expect(selects).toHaveCount(16)
    const clipped = await selects.evaluateAll((elements) => {
      const context = document.createElement('canvas').getContext('2d')
      if (!context) return ['no canvas']
      return (elements as HTMLSelectElement[]).flatMap((select) => {
        const style = getComputedStyle(select)
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
        // The room for text: the select's inner width, less its padding and the drop-down arrow.
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20
        return [...select.options].filter((option) => context.measureText(option.text).width > room).map((option) => `${select.id}: ${option.text}`)
      })
    })
    expect(clipped).toEqual([])
  })

  test('a long name without spaces wraps inside its row', async ({ page, participants }) => {
    const longName = 'Maximilienne-Théodora-Augustine-de-la-Tour-du-Pin-Chambly'
    await page.getByRole('link', { name: 'Ajouter', exact: true }).click()
    await page.getByLabel('Prénom').fill(longName)
    await page.getByLabel('Nom', { exact: true }).fill('Delamontagnesaintegenevièvedesbois')
    await page.getByLabel('Année de naissance').fill('2012')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    const row = participants.row(longName)
    await expect(row).toContainText('Mineur·e')
    const boxes = await row.getByRole('link').evaluate((link) => {
      const outer = link.getBoundingClientRect()
      const parts = [...link.children].map((child) => child.getBoundingClientRect())
      return {
        // Cut with an ellipsis counts too: the whole name must be readable.
        overflowing: [link, ...link.children].some((element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight),
        outside: parts.filter((part) => part.left < outer.left || part.right > outer.right || part.bottom > outer.bottom).length,
        overlapping: parts.some((a, i) => parts.some((b, j) => i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)),
        width: outer.width,
      }
    })
    expect(boxes).toEqual({ overflowing: false, outside: 0, overlapping: false, width: expect.any(Number) })
  })
})

test('the attendance export says who is a minor', async ({ page, app, events, participants }) => {
  await page.clock.setFixedTime(new Date('2027-07-24T09:35:00+02:00'))
  await app.goto('/')
  await events.loadSample()
  await app.openTab('Participants')
  await participants.importFile(fixture('helloasso-group.csv'))
  await participants.confirmImport()
  await expect(page.getByText(/Import terminé/)).toBeVisible()
  await app.openTab('Pointage')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter les présences (CSV)' }).click()
  const csv = await readFile(await (await download).path(), 'utf8')
  expect(csv.startsWith('\uFEFFNom;Instagram;E-mail;Téléphone;Rôle;Mineur·e;')).toBe(true)
  const line = (name: string) => csv.split('\r\n').find((row) => row.startsWith(`${name};`))
  // The sample has an adult Chloé Démo with contacts: the file's Chloé, without any, is taken for her.
  expect(line('Léo Démo')).toMatch(/^Léo Démo;;;;Instagrameur;Oui;/)
  expect(line('Zoé Essai')).toMatch(/;Instagrameur;Non;/)
})

test('badges print on A4 with a QR code each', async ({ page, app, events }) => {
  await app.goto('/')
  await events.loadSample()
  await app.openTab('Participants')
  await page.getByRole('link', { name: 'Badges' }).click()
  await expect(page.getByText('12 badges, prêts pour l’impression sur A4.')).toBeVisible()
  const badges = page.getByRole('list', { name: 'Badges à imprimer' }).getByRole('listitem')
  await expect(badges).toHaveCount(12)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden()
  await expect(badges.first().locator('svg')).toBeVisible()
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
})
