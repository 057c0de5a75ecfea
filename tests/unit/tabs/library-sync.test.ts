import { describe, it, expect } from 'vitest';
import { syncLibraryAcrossTabs, type LibraryWrite } from '../../../src/tabs/library-sync';

// Two "tabs" in one process: Node's BroadcastChannel delivers between instances of one name, as browsers do between tabs.

const library = () => ({
  importFile: async (name: string) => ({ name }),
  update: async () => undefined,
  remove: async () => undefined,
  restoreBackup: async () => ({ logEntries: 2 }),
  list: async () => [],
});

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 20));
};

describe('the library across tabs', () => {
  it('tells the reload which write it follows: a restore (here or there) reloads as a restore, even in a burst of imports', async () => {
    const reloads: string[] = [];
    const a = syncLibraryAcrossTabs(library(), async (w: LibraryWrite) => void reloads.push(`a:${w}`));
    syncLibraryAcrossTabs(library(), async (w: LibraryWrite) => void reloads.push(`b:${w}`));
    expect(await a.importFile('x.mp3')).toEqual({ name: 'x.mp3' });
    await until(() => reloads.length === 1);
    expect(reloads).toEqual(['b:importFile']);

    // A restore here reloads this tab before it resolves; the other tab reloads once, as a restore.
    await a.importFile('y.mp3');
    expect(await a.restoreBackup()).toEqual({ logEntries: 2 });
    expect(reloads).toEqual(['b:importFile', 'a:restoreBackup']);
    await a.importFile('z.mp3');
    await until(() => reloads.length === 3);
    expect(reloads[2]).toBe('b:restoreBackup');
  });
});
