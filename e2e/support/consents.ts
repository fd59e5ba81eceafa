import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import { chainRecords, fixtureParticipant, fixtureSignature, fixtureTemplate, type RecordDefinition } from '../../src/domain/fixtures/consents'
import type { ConsentRecord, ConsentTemplate, Participant, PhotowalkEvent } from '../../src/domain/types'

const digest = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * Consents as the capture screens would leave them, for testing the exports until those screens
 * exist: a form version and chained, hashed records (the domain's own functions), written into the
 * app's database in one transaction. The page is reloaded afterwards, since the app only watches
 * its own writes.
 */
export async function seedConsents(page: Page, options: { extraSigned?: number } = {}) {
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('photowalk')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const events = await new Promise<unknown[]>((resolve) => {
      const request = db.transaction('events').objectStore('events').getAll()
      request.onsuccess = () => resolve(request.result as unknown[])
    })
    db.close()
    return events
  })
  const event = stored[0] as PhotowalkEvent
  const people: Participant[] = [
    fixtureParticipant('e2e-lucja', 'Łucja', 'Wąsowska', 'lucja.w', { eventId: event.id }),
    fixtureParticipant('e2e-ha', 'Thị Hà', 'Nguyễn', 'ha_nguyen', { eventId: event.id }),
    fixtureParticipant('e2e-alex', 'Αλέξανδρος', 'Παπαδόπουλος', 'alex.papa', { eventId: event.id }),
  ]
  const extra = options.extraSigned ?? 0
  for (let index = 0; index < extra; index += 1) people.push(fixtureParticipant(`e2e-extra-${index}`, `Prénom${index}`, `Signataire${String(index).padStart(4, '0')}`, `signataire_${index}`, { eventId: event.id }))
  const template: ConsentTemplate = await fixtureTemplate(digest, event)
  const all = { 'photo-reuse': true, 'image-rights': true, contact: true }
  const definitions: RecordDefinition[] = people.map((person, index) => ({
    kind: 'grant',
    participantId: person.id,
    choices: person.id === 'e2e-ha' ? { ...all, contact: false } : all,
    at: new Date(Date.UTC(2027, 6, 24, 7, 0, index)).toISOString(),
    language: person.id === 'e2e-ha' ? 'en' : 'fr',
    personal: { signerName: `${person.firstName} ${person.lastName}`, signature: fixtureSignature(index), guardian: null },
  }))
  const records: ConsentRecord[] = await chainRecords(digest, template, definitions, 'e2e-device')
  await page.evaluate(
    async ({ people, template, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('photowalk')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const transaction = db.transaction(['participants', 'consentTemplates', 'consents'], 'readwrite')
      for (const person of people) transaction.objectStore('participants').put(person)
      transaction.objectStore('consentTemplates').put(template)
      for (const record of records) transaction.objectStore('consents').put(record)
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve
        transaction.onerror = () => reject(transaction.error)
      })
      db.close()
    },
    { people, template, records },
  )
  await page.reload()
  return { event, people, template, records }
}
