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
  /** Secrets of this device alone: never in an export nor a backup (see README). */
  deviceSecretPrefix: 'deviceSecret.',
  /** The organiser's PIN, as a salted hash. */
  pinSecret: 'deviceSecret.pin',
  /** This device's lock state, not carried elsewhere either: the wrong PIN tries and the lock in force. */
  lockPrefix: 'lock.',
  pinAttempts: 'lock.pinAttempts',
  lock: 'lock.current',
} as const
