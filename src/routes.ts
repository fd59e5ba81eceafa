import type { RouteRecordRaw } from 'vue-router'

/** Screens that need the consent and counter messages (see src/app/i18n.ts). */
const records = { messages: 'records' } as const

// Every feature is its own chunk, downloaded when its route is first opened.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'events', component: () => import('./features/events/EventsView.vue') },
  { path: '/events/new', name: 'event-new', component: () => import('./features/events/EventFormView.vue') },
  {
    path: '/events/:id/edit',
    name: 'event-edit',
    component: () => import('./features/events/EventFormView.vue'),
    props: true,
  },
  { path: '/itinerary', name: 'itinerary', component: () => import('./features/itinerary/ItineraryView.vue') },
  { path: '/itinerary/stops/new', name: 'stop-new', component: () => import('./features/itinerary/StopFormView.vue') },
  {
    path: '/itinerary/stops/:stopId',
    name: 'stop-edit',
    component: () => import('./features/itinerary/StopFormView.vue'),
    props: true,
  },
  {
    path: '/schedule',
    name: 'schedule',
    component: () => import('./features/schedule/ScheduleView.vue'),
    meta: { audience: 'participant' },
  },
  {
    path: '/participants',
    name: 'participants',
    component: () => import('./features/participants/ParticipantsView.vue'),
  },
  {
    path: '/participants/new',
    name: 'participant-new',
    component: () => import('./features/participants/ParticipantFormView.vue'),
  },
  { path: '/participants/import', name: 'participant-import', component: () => import('./features/participants/ImportView.vue') },
  { path: '/participants/badges', name: 'badges', component: () => import('./features/participants/BadgesPrintView.vue') },
  {
    path: '/participants/:participantId',
    name: 'participant-edit',
    component: () => import('./features/participants/ParticipantFormView.vue'),
    props: true,
  },
  {
    path: '/participants/:participantId/badge',
    name: 'badge',
    component: () => import('./features/participants/BadgeView.vue'),
    props: true,
  },
  { path: '/checkin', name: 'checkin', component: () => import('./features/checkin/CheckinView.vue') },
  { path: '/consent', name: 'consent', component: () => import('./features/consent/ConsentView.vue'), meta: records },
  { path: '/consent/form', name: 'consent-template', component: () => import('./features/consent/ConsentTemplateView.vue'), meta: records },
  {
    path: '/consent/:participantId',
    name: 'participant-consent',
    component: () => import('./features/consent/ParticipantConsentView.vue'),
    props: true,
    meta: records,
  },
  {
    path: '/consent/:participantId/sign',
    name: 'consent-sign',
    component: () => import('./features/consent/ConsentFormView.vue'),
    props: true,
    meta: records,
  },
  { path: '/counter', name: 'counter', component: () => import('./features/counter/CounterView.vue'), meta: records },
  { path: '/counter/sources', name: 'counter-sources', component: () => import('./features/counter/CounterSourcesView.vue'), meta: records },
  { path: '/reception', name: 'reception', component: () => import('./features/counter/ReceptionView.vue'), meta: records },
  { path: '/settings', name: 'settings', component: () => import('./features/settings/SettingsView.vue') },
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('./features/events/NotFoundView.vue') },
]
