export type PersistenceState = 'persisted' | 'not-granted' | 'unsupported';

/**
 * Asks the browser to keep this app's storage even under disk pressure. Without it, Chromium
 * may evict IndexedDB for a site that looks unused; with it, only the user can clear it.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<PersistenceState> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'not-granted';
  } catch {
    return 'not-granted';
  }
}

/** Whether the browser has promised to keep this app's storage. */
export async function storagePersistence(storage: StorageManager | undefined = navigator.storage): Promise<PersistenceState> {
  if (!storage?.persisted) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persisted' : 'not-granted';
  } catch {
    return 'not-granted';
  }
}
