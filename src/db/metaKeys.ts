/** Keys of the `meta` table, named once. */
export const metaKeys = {
  deviceId: 'deviceId',
  currentEventId: 'currentEventId',
  /** The post counter's sources on this device (on/off, account id, instances, interval): never exported. */
  counterSettings: 'settings.counter',
  /** The Instagram access token: a secret of this device, never exported nor shown whole. */
  instagramToken: 'deviceSecret.instagramToken',
  language: 'settings.language',
  persistenceRequested: 'storage.persistenceRequested',
  draftPrefix: 'draft.',
} as const
