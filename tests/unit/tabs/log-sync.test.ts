import { describe, it, expect, afterEach } from 'vitest';
import { syncLogAcrossTabs, type LogChanged } from '../../../src/tabs/log-sync';
import type { LogService } from '../../../src/state/services';
import type { WorkoutLogEntry } from '../../../src/core/workout-log';
import { logEntry } from '../../helpers/log-entries';

// Two "tabs" in one process: Node's BroadcastChannel delivers between instances of one name, as browsers do between tabs.

const open: BroadcastChannel[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

// A log in memory; adding an entry with id "full" fails as a full disk would.
function memoryLog(): LogService & { stored: WorkoutLogEntry[] } {
  const stored: WorkoutLogEntry[] = [];
  return {
    stored,
    async add(e) {
      if (e.id === 'full') throw new Error('disk full');
      stored.push(e);
    },
    list: async () => stored,
    async setEffort(id, effort) {
      const i = stored.findIndex((e) => e.id === id);
      if (i < 0) throw new Error(`No workout-log entry "${id}"`);
      stored[i] = { ...stored[i], effort };
      return stored[i];
    },
  };
}

function tabs(name: string) {
  const channel = () => {
    const c = new BroadcastChannel(name);
    open.push(c);
    return c;
  };
  const reloads: string[] = [];
  const a = syncLogAcrossTabs(memoryLog(), async () => void reloads.push('a'), channel());
  const b = syncLogAcrossTabs(memoryLog(), async () => void reloads.push('b'), channel());
  // A third listener sees exactly what is announced.
  const heard: LogChanged[] = [];
  const spy = channel();
  spy.onmessage = (e: MessageEvent<LogChanged>) => heard.push(e.data);
  return { a, b, reloads, heard };
}

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 20));
};

describe('the workout log across tabs', () => {
  it('announces a stored entry and a saved effort; the other tab reads its log again, the writing tab does not', async () => {
    const { a, reloads, heard } = tabs('log-sync-1');
    await a.add(logEntry({ id: 'e1' }));
    await a.setEffort('e1', 6);
    await until(() => reloads.length > 0 && heard.length === 2);
    expect(heard).toEqual([
      { type: 'log-changed', method: 'add', entryId: 'e1' },
      { type: 'log-changed', method: 'setEffort', entryId: 'e1' },
    ]);
    // Two writes in a burst: one reload (debounced), in the other tab only.
    expect(reloads).toEqual(['b']);
  });

  it('announces nothing when a write fails, and passes the failure on', async () => {
    const { a, heard } = tabs('log-sync-2');
    await expect(a.add(logEntry({ id: 'full' }))).rejects.toThrow('disk full');
    await expect(a.setEffort('nope', 3)).rejects.toThrow('No workout-log entry "nope"');
    // Messages of one channel arrive in order: once the next good write is heard, nothing came before it.
    await a.add(logEntry({ id: 'e2' }));
    await until(() => heard.length > 0);
    expect(heard).toEqual([{ type: 'log-changed', method: 'add', entryId: 'e2' }]);
  });

  it('returns the entry as stored from setEffort and lists through', async () => {
    const { a } = tabs('log-sync-3');
    await a.add(logEntry({ id: 'e1' }));
    expect(await a.setEffort('e1', 4)).toMatchObject({ id: 'e1', effort: 4 });
    expect((await a.list()).map((e) => e.effort)).toEqual([4]);
  });
});
