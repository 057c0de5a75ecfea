import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openDb } from '../../../src/storage/db';
import { addLogEntry, listLog, setLogEffort } from '../../../src/storage/log-repo';
import { createLogService } from '../../../src/storage/log-service';
import { exportBackup, parseBackup, restoreBackup } from '../../../src/storage/backup';
import { idbAudioStore } from '../../../src/storage/audio-store';
import { intervalSteps, logEntry } from '../../helpers/log-entries';

const newName = () => `db-${crypto.randomUUID()}`;

/** A log entry as version 3 stored it: no steps, no effort. */
const { steps: _steps, effort: _effort, ...v3Entry } = logEntry({ id: 'v3-entry', workoutName: 'Tabata' });

describe('database v4: the log keeps steps and effort', () => {
  it('upgrades a version-3 log: every field kept, no steps, not rated; a damaged entry is left for the read to name', async () => {
    const name = newName();
    const v3 = await openDb(name, MIGRATIONS.slice(0, 3));
    await v3.put('log', v3Entry as never);
    await v3.put('log', { id: 'broken', workoutName: 'Broken one', startedAt: 'yesterday' } as never);
    await v3.put('log', { ...v3Entry, id: 'rated-early', steps: intervalSteps(150), effort: 6 } as never);
    v3.close();
    const db = await openDb(name);
    expect(db.version).toBe(4);
    const { entries, corrupt } = await listLog(db);
    expect(entries.find((e) => e.id === 'v3-entry')).toEqual({ ...v3Entry, steps: [], effort: null });
    expect(await db.get('log', 'v3-entry')).toEqual({ ...v3Entry, steps: [], effort: null });
    expect(entries.find((e) => e.id === 'rated-early')).toMatchObject({ effort: 6, steps: intervalSteps(150) });
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0].problem).toMatch(/^Damaged log entry "Broken one": \w+/);
    db.close();
  });

  it('sets and clears an effort, refusing values off the scale and entries that are gone, naming them', async () => {
    const db = await openDb(newName());
    await addLogEntry(db, logEntry({ id: 'a', steps: intervalSteps(150) }));
    expect(await setLogEffort(db, 'a', 7)).toMatchObject({ id: 'a', effort: 7, steps: intervalSteps(150) });
    expect((await listLog(db)).entries[0].effort).toBe(7);
    await setLogEffort(db, 'a', null);
    expect((await listLog(db)).entries[0].effort).toBeNull();
    await expect(setLogEffort(db, 'a', 11)).rejects.toThrow(/Invalid effort 11 for log entry "a"/);
    await expect(setLogEffort(db, 'a', 2.5)).rejects.toThrow(/whole number/);
    await expect(setLogEffort(db, 'gone', 3)).rejects.toThrow(/No workout-log entry "gone"/);
    db.close();
  });

  it('keeps what two tabs write: workouts logged in each, rated in the other, all there after a reload', async () => {
    const name = newName();
    const tabA = createLogService(name);
    const tabB = createLogService(name);
    await tabA.add(logEntry({ id: 'from-a', startedAt: 1000 }));
    await tabB.add(logEntry({ id: 'from-b', startedAt: 2000 }));
    await tabB.setEffort('from-a', 5);
    await tabA.setEffort('from-b', 8);
    const reloaded = await createLogService(name).list();
    expect(reloaded.map((e) => [e.id, e.effort])).toEqual([['from-b', 8], ['from-a', 5]]);
  });
});

describe('backups carry steps and effort', () => {
  it('restores them into an empty library, and merges an effort given elsewhere into a stored unrated entry', async () => {
    const source = await openDb(newName());
    const rated = logEntry({ id: 'r', steps: intervalSteps(160), effort: 9 });
    await addLogEntry(source, rated);
    await addLogEntry(source, logEntry({ id: 'kept', startedAt: 5, effort: 2 }));
    const text = JSON.stringify(await exportBackup(source));
    const parsed = parseBackup(text, 'backup.json');
    if (!parsed.ok) throw new Error(parsed.error);

    const empty = await openDb(newName());
    expect(await restoreBackup(parsed.backup, { db: empty, audio: idbAudioStore(empty) })).toMatchObject({ logEntries: 2 });
    expect((await listLog(empty)).entries).toEqual((await listLog(source)).entries);

    // The target has the same workouts, unrated there (r) and rated differently (kept): the stored rating wins.
    const target = await openDb(newName());
    await addLogEntry(target, { ...rated, steps: [], effort: null });
    await addLogEntry(target, logEntry({ id: 'kept', startedAt: 5, effort: 4 }));
    expect(await restoreBackup(parsed.backup, { db: target, audio: idbAudioStore(target) })).toMatchObject({ logEntries: 1 });
    const merged = (await listLog(target)).entries;
    expect(merged.find((e) => e.id === 'r')).toEqual(rated);
    expect(merged.find((e) => e.id === 'kept')?.effort).toBe(4);
    // Restoring again changes nothing.
    expect(await restoreBackup(parsed.backup, { db: target, audio: idbAudioStore(target) })).toMatchObject({ logEntries: 0 });
  });
});
