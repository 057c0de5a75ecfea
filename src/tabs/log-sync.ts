/**
 * Keeps the workout log of several open tabs in step: a workout logged or an effort saved here is announced
 * on the `montage-log` BroadcastChannel once it is stored, and an announcement from another tab makes this
 * tab read the log again (the Progress screen and the Player's history follow the store).
 */
import type { LogService } from '../state/services';

const CHANNEL_NAME = 'montage-log';
/** Announcements arriving within this many milliseconds cause one reload. */
const DEBOUNCE_MS = 250;

/** What one tab tells the others: which write was stored, and for which entry. */
export interface LogChanged {
  type: 'log-changed';
  method: 'add' | 'setEffort';
  entryId: string;
}

/**
 * Returns `log` with `add` and `setEffort` announced to other tabs after they are stored (a write that fails
 * is not announced); `reload` runs (debounced) when another tab announces one. `channel` is for tests.
 */
export function syncLogAcrossTabs(
  log: LogService,
  reload: () => Promise<void>,
  channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME),
): LogService {
  let timer: ReturnType<typeof setTimeout> | null = null;
  if (channel) {
    channel.onmessage = (e: MessageEvent<Partial<LogChanged>>) => {
      if (e.data?.type !== 'log-changed') return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void reload();
      }, DEBOUNCE_MS);
    };
  }
  const announce = (method: LogChanged['method'], entryId: string) => {
    const message: LogChanged = { type: 'log-changed', method, entryId };
    channel?.postMessage(message);
  };
  return {
    ...log,
    async add(entry) {
      await log.add(entry);
      announce('add', entry.id);
    },
    async setEffort(id, effort) {
      const stored = await log.setEffort(id, effort);
      announce('setEffort', id);
      return stored;
    },
  };
}
