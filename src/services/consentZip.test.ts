import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { consentFixture } from '@/domain/fixtures/consents'
import { buildConsentZip, type ZipProgress } from './consentZip'

vi.setConfig({ testTimeout: 120_000 })

const digest = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const fixture = await consentFixture(digest)
const fonts = {
  regular: new Uint8Array(readFileSync(new URL('../../public/fonts/NotoSans-Regular.ttf', import.meta.url))),
  arabic: new Uint8Array(readFileSync(new URL('../../public/fonts/NotoSansArabic-Regular.ttf', import.meta.url))),
}
const concat = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts))

describe('the consent ZIP', () => {
  it('holds the CSVs, the JSON, one PDF per record, the register, README.txt and SHA256SUMS that checks every other file', async () => {
    const progress: ZipProgress[] = []
    const zip = await buildConsentZip(fixture, { language: 'fr', fonts, exportedAt: new Date('2027-09-01T10:00:00.000Z'), digest, onProgress: (step) => progress.push(step) })
    expect(zip.fileName).toBe('photowalk-auxerre-ete-2027-07-24-consents.zip')
    const files = unzipSync(concat(zip.parts))
    const names = Object.keys(files).sort()
    expect(names.filter((name) => !name.startsWith('pdfs/'))).toEqual(['README.txt', 'SHA256SUMS', 'consents.csv', 'consents.json', 'register.pdf', 'reusable-photos.csv'])
    expect(names.filter((name) => name.startsWith('pdfs/'))).toHaveLength(fixture.records.length)

    const sums = strFromU8(files['SHA256SUMS']!)
    const lines = sums.trimEnd().split('\n')
    expect(lines).toHaveLength(names.length - 1)
    for (const line of lines) {
      const [, hash, name] = /^([0-9a-f]{64}) {2}(.+)$/.exec(line) ?? []
      expect(await digest(files[name!]!)).toBe(hash)
    }
    const csv = files['consents.csv']!
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(strFromU8(csv).startsWith('Identifiant;Prénom;Nom;')).toBe(true)
    expect(strFromU8(files['README.txt']!)).toContain('sha256sum -c SHA256SUMS')
    expect(JSON.parse(strFromU8(files['consents.json']!))).toMatchObject({ formatVersion: 1, records: expect.any(Array) })
    expect(progress[0]).toEqual({ stage: 'pdfs', done: 0, total: fixture.records.length })
    expect(progress.at(-1)).toEqual({ stage: 'finishing' })
    expect(progress.filter((step) => step.stage === 'pdfs').map((step) => step.stage === 'pdfs' && step.done)).toEqual([...Array(fixture.records.length + 1).keys()])
  })

  it('takes the PDFs made elsewhere (another worker) in their place, and lists their hashes', async () => {
    const madeElsewhere = new TextEncoder().encode('%PDF-1.7 made by the other worker')
    const zip = await buildConsentZip(fixture, {
      language: 'en',
      fonts,
      exportedAt: new Date('2027-09-01T10:00:00.000Z'),
      digest,
      pdfMadeElsewhere: (index) => (index === 1 ? Promise.resolve(madeElsewhere) : undefined),
    })
    const files = unzipSync(concat(zip.parts))
    const second = Object.keys(files).find((name) => name.includes('-nguyen-thi-ha-grant-'))!
    expect(files[second]).toEqual(madeElsewhere)
    expect(strFromU8(files['SHA256SUMS']!)).toContain(`${await digest(madeElsewhere)}  ${second}`)
  })
})
