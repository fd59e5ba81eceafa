export interface StorageStatus {
  supported: boolean
  /** Whether the browser promised not to evict the app's data when space runs low. */
  persisted: boolean | null
  usageBytes: number | null
  quotaBytes: number | null
}

export function isStorageManagerSupported(storage: StorageManager | null = globalThis.navigator?.storage ?? null): boolean {
  return typeof storage?.estimate === 'function'
}

export async function readStorageStatus(
  storage: StorageManager | null = globalThis.navigator?.storage ?? null,
): Promise<StorageStatus> {
  if (!storage || !isStorageManagerSupported(storage)) {
    return { supported: false, persisted: null, usageBytes: null, quotaBytes: null }
  }
  const [persisted, estimate] = await Promise.all([
    typeof storage.persisted === 'function' ? storage.persisted() : Promise.resolve(null),
    storage.estimate(),
  ])
  return { supported: true, persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null }
}

/** Asks the browser to keep the app's data even under storage pressure. Resolves to the answer. */
export async function requestPersistentStorage(
  storage: StorageManager | null = globalThis.navigator?.storage ?? null,
): Promise<boolean | null> {
  if (typeof storage?.persist !== 'function') return null
  try {
    return await storage.persist()
  } catch {
    return false
  }
}
