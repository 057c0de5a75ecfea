/** Persistent storage: asking the browser not to evict the library under storage pressure, and reading the answer. */
import { requestPersistence } from '../storage/quota';

/** Whether the browser promised to keep our data. */
export type PersistState = 'persisted' | 'best-effort' | 'unsupported';

/** Returns the current state without asking (no prompt). */
export async function persistState(): Promise<PersistState> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persisted) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

/** Asks for persistent storage (Chromium decides silently, Firefox may ask the user); returns the outcome. */
export async function requestPersist(): Promise<PersistState> {
  const answer = await requestPersistence();
  return answer === 'granted' ? 'persisted' : answer === 'denied' ? 'best-effort' : 'unsupported';
}

/** Returns the sentence that tells the user what `state` means for their library. */
export function describePersist(state: PersistState): string {
  if (state === 'persisted') return 'Your browser will keep your library even when the device runs low on space.';
  if (state === 'best-effort') {
    return 'Your browser may clear your library if the device runs low on space. Installing Montage usually lets it keep it; a full backup keeps you safe either way.';
  }
  return 'This browser cannot promise to keep your library: make a full backup now and then.';
}
