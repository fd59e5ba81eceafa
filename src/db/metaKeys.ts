/** Keys of the `meta` table, named once. */
export const metaKeys = {
  deviceId: 'deviceId',
  currentEventId: 'currentEventId',
  language: 'settings.language',
  persistenceRequested: 'storage.persistenceRequested',
  draftPrefix: 'draft.',
} as const
