import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { AppPage, CheckinPage, EventFormPage, EventsPage, ItineraryPage, ParticipantsPage, SchedulePage, StopFormPage } from './pages'

interface Fixtures {
  app: AppPage
  events: EventsPage
  eventForm: EventFormPage
  itinerary: ItineraryPage
  stopForm: StopFormPage
  schedule: SchedulePage
  participants: ParticipantsPage
  checkin: CheckinPage
  /** Fails the test if the page asks for anything outside the app's own origin. */
  onlyLocalRequests: void
}

export const test = base.extend<Fixtures>({
  onlyLocalRequests: [
    async ({ page }, use) => {
      const outside: string[] = []
      page.on('request', (request) => {
        const url = request.url()
        if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(url)) outside.push(url)
      })
      await use()
      expect(outside, 'requests that left the app’s origin').toEqual([])
    },
    { auto: true },
  ],
  app: async ({ page }, use) => use(new AppPage(page)),
  events: async ({ page }, use) => use(new EventsPage(page)),
  eventForm: async ({ page }, use) => use(new EventFormPage(page)),
  itinerary: async ({ page }, use) => use(new ItineraryPage(page)),
  stopForm: async ({ page }, use) => use(new StopFormPage(page)),
  schedule: async ({ page }, use) => use(new SchedulePage(page)),
  participants: async ({ page }, use) => use(new ParticipantsPage(page)),
  checkin: async ({ page }, use) => use(new CheckinPage(page)),
})

/** Serious and critical accessibility violations on the current screen, as short descriptions. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

export { expect }
