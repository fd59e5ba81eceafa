import type { Page } from '@playwright/test'
import { ConsentFormPage, ConsentPage, ParticipantConsentPage } from './support/consentPages'
import { PinDialog, PinSettingsPage } from './support/pin'
import { expect, seriousA11yViolations, test } from './support/test'

// The sample day falls on this Saturday when the phone's clock says so.
const eventDay = new Date('2027-07-24T09:35:00+02:00')

/** The consent records the page's database holds, oldest first. */
function storedConsents(page: Page): Promise<Array<{ kind: string; participantId: string; choices: Record<string, boolean>; personal: unknown }>> {
  return page.evaluate(async () => {
    const request = indexedDB.open('photowalk')
    const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)))
    const all = db.transaction('consents').objectStore('consents').getAll()
    const records: Array<{ kind: string; participantId: string; choices: Record<string, boolean>; personal: unknown; sequence: number }> = await new Promise(
      (resolve) => (all.onsuccess = () => resolve(all.result)),
    )
    db.close()
    return records.sort((a, b) => a.sequence - b.sequence)
  })
}

/** Whether the consent form's kept draft (in the `meta` table) holds a drawn signature. */
function draftHasSignature(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const request = indexedDB.open('photowalk')
    const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)))
    const all = db.transaction('meta').objectStore('meta').getAll()
    const entries: Array<{ key: string; value: { signature?: unknown } | null }> = await new Promise((resolve) => (all.onsuccess = () => resolve(all.result)))
    db.close()
    return entries.some((entry) => entry.key.startsWith('draft.consent.') && entry.value?.signature != null)
  })
}

const photoReuse = /J’autorise .* à reproduire/
const imageRights = /J’accepte d’être photographié/
const contact = /J’accepte que .* me contacte/

test.describe('consent capture', () => {
  test.beforeEach(async ({ page, app, events }) => {
    await page.clock.setFixedTime(eventDay)
    await app.goto('/')
    await events.loadSample()
  })

  test('a drawn signature is saved; the status shows on the consent screen, the roster and the check-in list', async ({ page, app, participants }) => {
    const consent = new ConsentPage(page)
    const person = new ParticipantConsentPage(page)
    const form = new ConsentFormPage(page)
    await app.openTab('Consentements')
    await expect(consent.figure('Total')).toHaveText('12')
    await expect(consent.figure('À signer')).toHaveText('12')
    await expect(consent.figure('Signés')).toHaveText('0')
    expect(await seriousA11yViolations(page)).toEqual([])

    await consent.openPerson('Hélène Exemple')
    await expect(person.status()).toContainText('Non signé')
    await person.startSigning()
    // None pre-ticked.
    for (const item of [photoReuse, imageRights, contact]) await expect(form.item(item)).not.toBeChecked()
    await form.item(photoReuse).check()
    await form.item(imageRights).check()
    await form.item(contact).check()
    await page.getByLabel('Vos nom et prénom').fill('Hélène Exemple')
    await form.sign('Votre signature')
    expect(await seriousA11yViolations(page)).toEqual([])
    await form.save()

    await expect(page.getByRole('status').filter({ hasText: 'Consentement enregistré. Statut : Accordé.' })).toBeVisible()
    await expect(person.status()).toContainText('Accordé')
    await expect(person.history()).toHaveCount(1)
    await expect(person.history().first()).toContainText('formulaire signé par Hélène Exemple')
    expect(await seriousA11yViolations(page)).toEqual([])
    const [record] = await storedConsents(page)
    expect(record?.kind).toBe('grant')
    expect(Object.values(record?.choices ?? {})).toEqual([true, true, true])
    const signature = (record?.personal as { signature: { width: number; height: number; strokes: Array<{ points: number[][] }> } }).signature
    expect(signature.width).toBeGreaterThan(300)
    expect(signature.strokes[0]?.points.length).toBeGreaterThan(5)

    await app.openTab('Consentements')
    await expect(consent.row('Hélène Exemple')).toContainText('Accordé')
    await expect(consent.figure('Signés')).toHaveText('1')
    await expect(consent.figure('À signer')).toHaveText('11')

    await app.openTab('Participants')
    await expect(participants.row('Hélène Exemple')).toContainText('Accordé')
    await expect(participants.row('Lucas Fictif')).toContainText('Non signé')

    await app.openTab('Pointage')
    await page.getByLabel('Rechercher').fill('Hélène')
    await expect(page.getByRole('listitem').filter({ hasText: 'Hélène Exemple' })).toContainText('Accordé')
  })

  test('a refused item makes it partly granted; the "still to sign" filter and count follow', async ({ page, app }) => {
    const consent = new ConsentPage(page)
    const person = new ParticipantConsentPage(page)
    const form = new ConsentFormPage(page)
    await app.openTab('Consentements')
    await consent.openPerson('Lucas Fictif')
    await person.startSigning()
    await form.item(photoReuse).check()
    await page.getByLabel('Vos nom et prénom').fill('Lucas Fictif')
    await form.sign('Votre signature')
    await form.save()
    await expect(person.status()).toContainText('Accordé en partie')

    await app.openTab('Consentements')
    await expect(consent.row('Lucas Fictif')).toContainText('Accordé en partie')
    await page.getByRole('checkbox', { name: 'Seulement ceux qui restent à signer (11)' }).check()
    await expect(consent.list().getByRole('listitem')).toHaveCount(11)
    await expect(consent.row('Lucas Fictif')).toHaveCount(0)
    await expect(consent.row('Hélène Exemple')).toContainText('Non signé')

    // Straight after a check-in: someone who has signed nothing is offered the form; someone who has, not.
    await app.openTab('Pointage')
    await page.getByLabel('Rechercher').fill('Lucas')
    await page.getByRole('button', { name: 'Arrivé·e Lucas Fictif', exact: true }).click()
    await expect(page.getByText('Lucas Fictif : pointé·e')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Pas encore de consentement — faire signer' })).toHaveCount(0)
    await page.getByLabel('Rechercher').fill('Hélène')
    await page.getByRole('button', { name: 'Arrivé·e Hélène Exemple', exact: true }).click()
    await page.getByRole('link', { name: 'Pas encore de consentement — faire signer' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Formulaire de consentement — Hélène Exemple' })).toBeVisible()
  })

  test('bad input is refused with messages and writes nothing; a reload keeps what was typed', async ({ page, app }) => {
    const consent = new ConsentPage(page)
    const person = new ParticipantConsentPage(page)
    const form = new ConsentFormPage(page)
    await app.openTab('Consentements')
    await consent.openPerson('Chloé Démo')
    await person.startSigning()
    await form.save()
    await expect(form.errorSummary()).toBeFocused()
    await expect(page.getByText('Tapez vos nom et prénom.')).toBeVisible()
    await expect(page.getByText('Signez du doigt dans le cadre.')).toBeVisible()
    await expect(page.getByLabel('Vos nom et prénom')).toHaveAttribute('aria-invalid', 'true')
    expect(await storedConsents(page)).toEqual([])

    await form.item(imageRights).check()
    await page.getByLabel('Vos nom et prénom').fill('Chloé Démo')
    await form.sign('Votre signature')
    // A reload loses only a write still under way: the drawing is in the kept draft first.
    await expect.poll(() => draftHasSignature(page)).toBe(true)
    await expect(async () => {
      await page.reload()
      await expect(page.getByText('Ce qui avait été tapé et dessiné a été retrouvé.')).toBeVisible()
      await expect(page.getByLabel('Vos nom et prénom')).toHaveValue('Chloé Démo')
    }).toPass()
    await expect(form.item(imageRights)).toBeChecked()
    await expect(form.item(photoReuse)).not.toBeChecked()
    await expect(form.pad('Votre signature — Signé')).toBeVisible()
    await form.save()
    await expect(person.status()).toContainText('Accordé en partie')
    expect(await storedConsents(page)).toHaveLength(1)
  })

  test('a 12-year-old needs a parent’s signature: refused without it, saved with it', async ({ page, app, participants }) => {
    const consent = new ConsentPage(page)
    const person = new ParticipantConsentPage(page)
    const form = new ConsentFormPage(page)
    await app.openTab('Participants')
    await participants.row('Zoé Essai').getByRole('link').click()
    await page.getByRole('checkbox', { name: 'Mineur·e' }).check()
    await page.getByLabel('Année de naissance').fill('2015')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(participants.row('Zoé Essai')).toContainText('Mineur·e')

    await app.openTab('Consentements')
    await consent.openPerson('Zoé Essai')
    await person.startSigning()
    await expect(page.getByText('Moins de 15 ans : un parent ou un tuteur signe aussi.')).toBeVisible()
    await form.item(photoReuse).check()
    await page.getByLabel('Vos nom et prénom').fill('Zoé Essai')
    await form.sign('Votre signature')
    await page.getByLabel('Nom et prénom du parent ou tuteur').fill('Marc Essai')
    await page.getByLabel('Lien avec le participant').fill('Père')
    await form.save()
    await expect(form.errorSummary()).toBeVisible()
    await expect(page.getByText('Le parent ou tuteur signe dans le cadre.')).toBeVisible()
    expect(await storedConsents(page)).toEqual([])

    await form.sign('Signature du parent ou tuteur')
    await form.save()
    await expect(person.status()).toContainText('Accordé en partie')
    await expect(person.history().first()).toContainText('et par Marc Essai (Père)')
    const [record] = await storedConsents(page)
    expect((record?.personal as { guardian: { name: string } }).guardian.name).toBe('Marc Essai')
  })

  test('withdraw one item, then erase: the person is gone, the register is intact and lists the erasure', async ({ page, app, participants }) => {
    const consent = new ConsentPage(page)
    const person = new ParticipantConsentPage(page)
    const form = new ConsentFormPage(page)
    await app.openTab('Consentements')
    await consent.openPerson('Inès Imaginaire')
    await person.startSigning()
    await form.item(photoReuse).check()
    await form.item(imageRights).check()
    await page.getByLabel('Vos nom et prénom').fill('Inès Imaginaire')
    await form.sign('Votre signature')
    await form.save()
    await expect(person.status()).toContainText('Accordé en partie')

    await person.withdraw(photoReuse, 'Par e-mail', 'mail du 3 août', 'Camille')
    await expect(page.getByText('Retrait enregistré.')).toBeVisible()
    await expect(person.status()).toContainText('Retiré')
    await expect(person.history()).toHaveCount(2)
    await expect(person.history().nth(1)).toContainText('retrait demandé par e-mail, enregistré par Camille — « mail du 3 août »')
    expect(await seriousA11yViolations(page)).toEqual([])

    await person.erase('En personne')
    await expect(page.getByText(/^Données personnelles effacées\. Seule reste/)).toBeVisible()
    await expect(person.status()).toContainText('Effacé')
    await expect(person.history()).toHaveCount(3)
    await expect(person.history().nth(0)).toContainText('(nom effacé)')

    await app.openTab('Participants')
    await expect(page.getByText('11 sur 11')).toBeVisible()
    await expect(participants.row('Inès Imaginaire')).toHaveCount(0)

    await app.openTab('Consentements')
    await expect(consent.figure('Total')).toHaveText('11')
    const report = await consent.verifyRegister()
    await expect(report).toContainText('Registre intact : 3 enregistrements, 1 formulaires, 1 appareils.')
    await expect(report.getByRole('listitem')).toHaveText([/^Effacé à la demande le \d+ /])
    expect(await seriousA11yViolations(page)).toEqual([])
  })

  test('the form in English, for a signer who reads English', async ({ page, app }) => {
    const consent = new ConsentPage(page)
    const person = new ParticipantConsentPage(page)
    const form = new ConsentFormPage(page)
    await app.openTab('Consentements')
    await consent.openPerson('Théo Modèle')
    await person.startSigning()
    await page.getByRole('radio', { name: 'English' }).check({ force: true })
    await expect(page.getByRole('heading', { level: 1, name: 'Consent form — Théo Modèle' })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Your choices' })).toBeVisible()
    await form.save()
    await expect(page.getByText('Type your full name.')).toBeVisible()
    await expect(page.getByText('Sign in the box with your finger.')).toBeVisible()
    await expect(page.getByText('Not signed yet: draw with your finger in the box')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Clear — Your signature' })).toBeDisabled()
    await form.item(/I allow .* to reproduce/).check()
    await form.item(/I agree to be photographed/).check()
    await form.item(/I agree that .* contacts me/).check()
    await page.getByLabel('Your full name').fill('Theo Model')
    await form.sign('Your signature')
    expect(await seriousA11yViolations(page)).toEqual([])
    await form.save()
    await expect(person.status()).toContainText('Accordé')
    const [record] = await storedConsents(page)
    expect(record).toMatchObject({ kind: 'grant', personal: { signerName: 'Theo Model' } })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
  })

  test('the form editor: a version nobody signed changes in place, a signed one becomes a new version', async ({ page, app }) => {
    const consent = new ConsentPage(page)
    const person = new ParticipantConsentPage(page)
    const form = new ConsentFormPage(page)
    await app.openTab('Consentements')
    await page.getByRole('link', { name: 'Modifier le formulaire' }).click()
    await expect(page.getByLabel('Organisme')).toHaveValue('Office de tourisme (exemple)')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(page.getByText('Indiquez un contact pour les retraits et les demandes.')).toBeVisible()
    await page.getByLabel('Contact pour les retraits et les demandes').fill('photowalk@example.org')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(page.getByRole('status').filter({ hasText: /^Formulaire enregistré : version 1 · empreinte [0-9a-f]{12}\.$/ })).toBeVisible()

    await consent.openPerson('Noémie Spécimen')
    await person.startSigning()
    await form.item(contact).check()
    await page.getByLabel('Vos nom et prénom').fill('Noémie Spécimen')
    await form.sign('Votre signature')
    await form.save()
    await expect(person.status()).toContainText('Accordé en partie')

    await app.openTab('Consentements')
    await page.getByRole('link', { name: 'Modifier le formulaire' }).click()
    await expect(page.getByText(/^Déjà signé/)).toBeVisible()
    await page.getByLabel('Titre (EN)').fill('Permissions for the photowalk')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(page.getByRole('status').filter({ hasText: /nouvelle version 2 créée · empreinte [0-9a-f]{12}\.$/ })).toBeVisible()
    // The consent already signed still points to the version it was signed on.
    await expect(consent.row('Noémie Spécimen')).toContainText('Accordé en partie')
    const report = await consent.verifyRegister()
    await expect(report).toContainText('Registre intact : 1 enregistrements, 2 formulaires, 1 appareils.')
  })

  test('a participant’s page in the roster leads to their consent', async ({ page, app, participants }) => {
    await app.openTab('Participants')
    await participants.row('Mathis Prototype').getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1, name: 'Modifier le participant' })).toBeVisible()
    await page.getByRole('link', { name: 'Consentement : Non signé', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Mathis Prototype' })).toBeVisible()
    await expect(new ParticipantConsentPage(page).status()).toContainText('Non signé')
  })

  test('hand-over: without a PIN it says to set one; with it, back, reload and the bottom bar stay on the form until the PIN', async ({ page, app }) => {
    const consent = new ConsentPage(page)
    const person = new ParticipantConsentPage(page)
    const form = new ConsentFormPage(page)
    await app.openTab('Consentements')
    await consent.openPerson('Jules Maquette')
    await person.startSigning()
    await page.getByRole('button', { name: 'Confier le téléphone' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Définissez d’abord un code dans les Réglages' })).toBeVisible()
    await page.getByRole('link', { name: 'Ouvrir les Réglages' }).click()
    await new PinSettingsPage(page).setPin('482913')
    await expect(page.getByText('Un code est défini sur ce téléphone.')).toBeVisible()

    await app.openTab('Consentements')
    await consent.openPerson('Jules Maquette')
    await person.startSigning()
    const formUrl = page.url()
    await page.getByRole('button', { name: 'Confier le téléphone' }).click()
    await expect(page.getByRole('button', { name: 'Rendre le téléphone à l’organisateur' })).toBeVisible()
    await expect(app.navigation()).toHaveCount(0)
    await expect(page.getByRole('banner').getByRole('link')).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Consentement', exact: true })).toHaveCount(0)
    await form.item(imageRights).check()
    await page.getByLabel('Vos nom et prénom').fill('Jules Maquette')
    expect(await seriousA11yViolations(page)).toEqual([])

    // Back: the form stays, and only the PIN leads away.
    const dialog = new PinDialog(page)
    await page.goBack()
    await expect(dialog.dialog()).toBeVisible()
    await expect(page).toHaveURL(formUrl)
    await dialog.submit('000000')
    await expect(dialog.refusal()).toHaveText('Code incorrect. Encore 2 essais avant une attente.')
    await dialog.dialog().getByRole('button', { name: 'Rester sur cet écran' }).click()

    // A reload, or another address typed: still the form, with what was typed.
    await page.reload()
    await expect(page.getByLabel('Vos nom et prénom')).toHaveValue('Jules Maquette')
    await expect(app.navigation()).toHaveCount(0)
    await page.goto('/participants')
    await expect(page).toHaveURL(formUrl)
    await dialog.dialog().getByRole('button', { name: 'Rester sur cet écran' }).click()
    await expect(page.getByText('Lucas Fictif')).toHaveCount(0)
    // The bottom bar's one button asks for the PIN too.
    await page.getByRole('button', { name: 'Rendre le téléphone à l’organisateur' }).click()
    await expect(dialog.dialog()).toBeVisible()
    await dialog.dialog().getByRole('button', { name: 'Rester sur cet écran' }).click()
    await expect(page).toHaveURL(formUrl)

    // Signed and saved: the signer is told, the phone asks for the organiser's PIN.
    await form.sign('Votre signature')
    await form.save()
    await expect(page.getByRole('status').filter({ hasText: 'Consentement enregistré. Statut : Accordé en partie.' })).toBeVisible()
    await expect(page.getByText('Merci. Rendez le téléphone à l’organisateur.')).toBeVisible()
    await expect(dialog.dialog()).toBeVisible()
    await dialog.submit('482913')
    await expect(dialog.dialog()).toBeHidden()
    await expect(app.navigation()).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Jules Maquette' })).toBeVisible()
    await expect(person.status()).toContainText('Accordé en partie')
  })
})
