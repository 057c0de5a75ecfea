/** Storage space: how much is used, asking the browser to keep our data, and recognising "disk full" errors. */

/** Thrown when a file could not be saved because storage is full; the message names the file. */
export class StorageFullError extends Error {
  constructor(readonly fileName: string, options?: { cause?: unknown }) {
    super(`storage is full: ${fileName} was not saved`, options);
    this.name = 'StorageFullError';
  }
}

/** Returns bytes used and the quota for this site, or null where the browser cannot tell. */
export async function storageEstimate(): Promise<{ usedBytes: number; quotaBytes: number } | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (usage === undefined || quota === undefined) return null;
    return { usedBytes: usage, quotaBytes: quota };
  } catch {
    return null;
  }
}

/** Asks the browser not to evict our data under storage pressure; 'unsupported' where it cannot be asked. */
export async function requestPersistence(): Promise<'granted' | 'denied' | 'unsupported'> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

/** Returns whether the browser promised to keep our data, without asking (no prompt). */
export async function persistenceState(): Promise<'persisted' | 'best-effort' | 'unsupported'> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persisted) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

/** True when `e` means the disk or the site's quota is full, across browsers (names, legacy code 22, messages). */
export function isQuotaError(e: unknown): boolean {
  if (e instanceof StorageFullError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // Legacy DOMException code for QUOTA_EXCEEDED_ERR; 1014 is old Firefox.
  if (code === 22 || code === 1014) return true;
  // Chromium reports a full disk inside IndexedDB as an UnknownError or AbortError with these words.
  return typeof message === 'string' && /quota|disk is full|no space left|not enough (storage|space)/i.test(message);
}
