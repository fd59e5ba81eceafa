import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { ConsentFormPage, ConsentPage, ParticipantConsentPage } from './support/consentPages'
import { seedConsents } from './support/consents'
import { ConsentExportPage, type AppPage } from './support/pages'
import type { Page } from '@playwright/test'
import { expect, test } from './support/test'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise
  const pages: string[] = []
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return pages.join('\n').replace(/\s+/g, ' ')
}

/** An organiser's device keeps the export's worker and fonts (with the QR decoder) for offline use; settings say when it is done. */
async function keptForOffline(page: Page, app: AppPage) {
  await app.waitUntilWorksOffline()
  await app.openSettings()
  await expect(page.getByText(/^Prêt à scanner hors ligne/)).toBeVisible()
}

test.describe('consent exports', () => {
  test.beforeEach(async ({ app, events }) => {
    await app.goto('/')
    await events.loadSample()
    await app.waitUntilWorksOffline()
  })

  test('the ZIP is made offline, with progress, and everything in it checks out', async ({ page, app, context }) => {
    test.setTimeout(120_000)
    const { records, template } = await seedConsents(page)
    await keptForOffline(page, app)
    await context.setOffline(true)
    await app.openTab('Consentements')
    const exporter = new ConsentExportPage(page)
    const download = page.waitForEvent('download')
    await exporter.exportButton().click()
    await expect(exporter.progress()).toBeVisible()
    const file = await download
    await expect(exporter.outcome()).toHaveText(`Enregistré : ${file.suggestedFilename()}`)
    expect(file.suggestedFilename()).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}-consents\.zip$/)

    const files = unzipSync(new Uint8Array(await readFile(await file.path())))
    const names = Object.keys(files)
    expect(names.filter((name) => name.startsWith('pdfs/'))).toHaveLength(records.length)

    // SHA256SUMS, checked here file by file, then by the standard tool in a folder of its own.
    const sums = strFromU8(files['SHA256SUMS']!)
    const listed = sums.trimEnd().split('\n').map((line) => /^([0-9a-f]{64}) {2}(.+)$/.exec(line))
    expect(listed.map((match) => match?.[2]).sort()).toEqual(names.filter((name) => name !== 'SHA256SUMS').sort())
    for (const match of listed) expect(sha256(files[match![2]!]!)).toBe(match![1])
    const folder = await mkdtemp(join(tmpdir(), 'consents-'))
    try {
      for (const [name, bytes] of Object.entries(files)) {
        await mkdir(dirname(join(folder, name)), { recursive: true })
        await writeFile(join(folder, name), bytes)
      }
      const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' })
      expect(checked.trim().split('\n')).toHaveLength(listed.length)
      expect(checked).not.toMatch(/FAILED/)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }

    // The CSV: a BOM, French headers and separator, the names as typed.
    const csvBytes = files['consents.csv']!
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = Papa.parse<string[]>(strFromU8(csvBytes).trimEnd(), { delimiter: ';' }).data
    const lucja = rows.find((row) => row[2] === 'Wąsowska')
    expect(lucja?.slice(1, 5)).toEqual(['Łucja', 'Wąsowska', 'lucja.w', 'accordé'])
    expect(lucja).toContain(template.hash)
    expect(rows.find((row) => row[2] === 'Nguyễn')?.[4]).toBe('en partie')
    expect(strFromU8(files['reusable-photos.csv']!)).toContain('© Łucja Wąsowska / @lucja.w')

    // Each PDF names its signer and the form's hash.
    const expectedNames = ['Łucja Wąsowska', 'Thị Hà Nguyễn', 'Αλέξανδρος Παπαδόπουλος']
    for (const name of names.filter((entry) => entry.startsWith('pdfs/'))) {
      const text = await pdfText(files[name]!)
      expect(expectedNames.some((expected) => text.includes(expected)), `${name} names its signer`).toBe(true)
      expect(text.replace(/\s+/g, '')).toContain(template.hash)
    }
    const register = await pdfText(files['register.pdf']!)
    for (const name of expectedNames) expect(register).toContain(name)
  })

  test('a consent signed on the phone is in the ZIP exported offline, her PDF naming her and the form’s hash', async ({ page, app, context }) => {
    test.setTimeout(120_000)
    // Added to the roster and signed on the phone, as an organiser does it.
    await app.openTab('Participants')
    await page.getByRole('link', { name: 'Ajouter', exact: true }).click()
    await page.getByLabel('Prénom').fill('Łucja')
    await page.getByLabel('Nom', { exact: true }).fill('Wąsowska')
    await page.getByLabel('Compte Instagram').fill('@lucja.w')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await app.openTab('Consentements')
    await new ConsentPage(page).openPerson('Łucja Wąsowska')
    await new ParticipantConsentPage(page).startSigning()
    const form = new ConsentFormPage(page)
    await form.item(/J’autorise .* à reproduire/).check()
    await page.getByLabel('Vos nom et prénom').fill('Łucja Wąsowska')
    await form.sign('Votre signature')
    await form.save()
    await expect(page.getByRole('status').filter({ hasText: 'Consentement enregistré' })).toBeVisible()

    await keptForOffline(page, app)
    await context.setOffline(true)
    await app.openTab('Consentements')
    await page.getByRole('button', { name: 'Vérifier le registre' }).click()
    await expect(page.getByText(/^Registre intact/)).toBeVisible()
    const exporter = new ConsentExportPage(page)
    const download = page.waitForEvent('download')
    await exporter.exportButton().click()
    const files = unzipSync(new Uint8Array(await readFile(await (await download).path())))
    const pdfs = Object.keys(files).filter((name) => name.startsWith('pdfs/'))
    expect(pdfs).toHaveLength(1)
    const stored = JSON.parse(strFromU8(files['consents.json']!)) as { templates: Array<{ hash: string }> }
    const hash = stored.templates[0]?.hash ?? 'none'
    const text = await pdfText(files[pdfs[0]!]!)
    expect(text).toContain('Łucja Wąsowska')
    expect(text.replace(/\s+/g, '')).toContain(hash)
    expect(strFromU8(files['reusable-photos.csv']!)).toContain('© Łucja Wąsowska / @lucja.w')
  })

  test('an export can be cancelled midway: nothing is saved', async ({ page, app }) => {
    test.setTimeout(120_000)
    await seedConsents(page, { extraSigned: 150 })
    await app.openTab('Consentements')
    const exporter = new ConsentExportPage(page)
    let downloads = 0
    page.on('download', () => (downloads += 1))
    await exporter.exportButton().click()
    // The worker's code and fonts load first: on a loaded machine the first PDF can take a while.
    await expect(exporter.progress()).toHaveAttribute('aria-valuetext', /^[1-9]\d* \/ 153 PDF$/, { timeout: 30_000 })
    await exporter.cancelButton().click()
    await expect(exporter.outcome()).toHaveText('Export annulé : aucun fichier enregistré.')
    await expect(exporter.progress()).toBeHidden()
    await expect(exporter.exportButton()).toBeEnabled()
    expect(downloads).toBe(0)
  })

  test('one person’s data, as JSON and as PDF (right of access)', async ({ page, app, context }) => {
    const { template } = await seedConsents(page)
    await keptForOffline(page, app)
    await context.setOffline(true)
    await app.openTab('Consentements')
    const exporter = new ConsentExportPage(page)
    await exporter.accessButton('JSON').click()
    await expect(page.getByRole('alert')).toHaveText('Choisissez d’abord une personne dans la liste.')
    await exporter.choosePerson('Łucja Wąsowska — @lucja.w')

    const jsonDownload = page.waitForEvent('download')
    await exporter.accessButton('JSON').click()
    const jsonFile = await jsonDownload
    expect(jsonFile.suggestedFilename()).toMatch(/^lucja-wasowska-\d{4}-\d{2}-\d{2}-data\.json$/)
    await expect(page.getByRole('status').filter({ hasText: jsonFile.suggestedFilename() })).toBeVisible()
    const data = JSON.parse(await readFile(await jsonFile.path(), 'utf8'))
    expect(data.participant).toMatchObject({ firstName: 'Łucja', lastName: 'Wąsowska', instagram: 'lucja.w' })
    expect(data.consent.status).toBe('granted')
    expect(data.consent.history).toHaveLength(1)
    expect(data.consent.history[0].personal.signature.strokes.length).toBeGreaterThan(0)

    const pdfDownload = page.waitForEvent('download')
    await exporter.accessButton('PDF').click()
    const pdfFile = await pdfDownload
    expect(pdfFile.suggestedFilename()).toMatch(/^lucja-wasowska-\d{4}-\d{2}-\d{2}-data\.pdf$/)
    const text = await pdfText(new Uint8Array(await readFile(await pdfFile.path())))
    expect(text).toContain('Données d’un participant (droit d’accès)')
    expect(text).toContain('Łucja')
    expect(text).toContain('Consentement signé')
    expect(text.replace(/\s+/g, '')).toContain(template.hash)
  })
})
