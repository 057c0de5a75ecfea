/**
 * Keeps the library of several open tabs in step: every change made here (import, edit, delete, restore)
 * is announced on the `montage-library` BroadcastChannel, and an announcement from another tab makes
 * this tab re-read its track list (and, after a restore, everything else a backup holds). The data itself is safe already: IndexedDB transactions and
 * content-hashed audio files do not tear when two tabs write.
 */

const CHANNEL_NAME = 'montage-library';
/** Announcements arriving within this many milliseconds cause one reload. */
const DEBOUNCE_MS = 250;

/** The methods that change stored data; each is announced after it succeeds. */
const WRITES = ['importFile', 'update', 'remove', 'restoreBackup'] as const;

/** A write of the library, as announced. */
export type LibraryWrite = (typeof WRITES)[number];

/**
 * Returns `library` with its writes announced to other tabs; `reload` runs (debounced, with the last write
 * announced) when another tab announces one, and also after a restore here, which writes records the store has not seen.
 */
export function syncLibraryAcrossTabs<L extends object>(library: L, reload: (write: LibraryWrite) => Promise<void>): L {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A restore among the debounced writes makes the one reload a restore's: it reads more than the tracks.
  let pending: LibraryWrite | null = null;
  if (channel) {
    channel.onmessage = (e: MessageEvent<{ method?: unknown }>) => {
      const write = WRITES.find((w) => w === e.data?.method) ?? 'update';
      if (pending !== 'restoreBackup') pending = write;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const reloadFor = pending ?? 'update';
        timer = null;
        pending = null;
        void reload(reloadFor);
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
      if (name === 'restoreBackup') await reload(name);
      return result;
    };
  }
  return wrapped as L;
}
