/** Keys of the `meta` table, named once. */
export const metaKeys = {
  deviceId: 'deviceId',
  currentEventId: 'currentEventId',
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
