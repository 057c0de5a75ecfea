/**
 * Keeps the library of several open tabs in step: every change made here (import, edit, delete, restore)
 * is announced on the `montage-library` BroadcastChannel, and an announcement from another tab makes
 * this tab re-read its track list. The data itself is safe already: IndexedDB transactions and
 * content-hashed audio files do not tear when two tabs write.
 */

const CHANNEL_NAME = 'montage-library';
/** Announcements arriving within this many milliseconds cause one reload. */
const DEBOUNCE_MS = 250;

/** The methods that change stored data; each is announced after it succeeds. */
const WRITES = ['importFile', 'update', 'remove', 'restoreBackup'] as const;

/**
 * Returns `library` with its writes announced to other tabs; `reload` runs (debounced) when another tab
 * announces one, and also after a restore here, which writes records the store has not seen.
 */
export function syncLibraryAcrossTabs<L extends object>(library: L, reload: () => Promise<void>): L {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  let timer: ReturnType<typeof setTimeout> | null = null;
  if (channel) {
    channel.onmessage = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void reload();
      }, DEBOUNCE_MS);
    };
  }
  const wrapped = { ...library } as Record<string, unknown>;
  for (const name of WRITES) {
    const method = (library as Record<string, unknown>)[name];
    if (typeof method !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      const result: unknown = await method.apply(library, args);
      channel?.postMessage({ type: 'library-changed', method: name });
      if (name === 'restoreBackup') await reload();
      return result;
    };
  }
  return wrapped as L;
}
