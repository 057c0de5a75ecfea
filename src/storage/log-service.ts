/** The workout log as one service: opens the database once, then adds, lists and rates entries. */
import type { WorkoutLogEntry } from '../core/workout-log';
import { openDb, type MontageDb } from './db';
import { addLogEntry, listLog, setLogEffort } from './log-repo';

/** Creates the log service over the `montage` database (or `dbName`). */
export function createLogService(dbName?: string) {
  let opened: Promise<MontageDb> | null = null;
  const open = () => (opened ??= openDb(dbName));
  // Another tab upgrading the database closes this connection: open it again once and retry.
  const withDb = async <T>(run: (db: MontageDb) => Promise<T>): Promise<T> => {
    try {
      return await run(await open());
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'InvalidStateError')) throw e;
      opened = null;
      return run(await open());
    }
  };
  return {
    async add(entry: WorkoutLogEntry): Promise<void> {
      await withDb((db) => addLogEntry(db, entry));
    },
    async list(): Promise<WorkoutLogEntry[]> {
      const { entries } = await withDb((db) => listLog(db));
      return entries;
    },
    /** Sets the effort of entry `id` (null clears it); returns the entry as stored. */
    setEffort(id: string, effort: number | null): Promise<WorkoutLogEntry> {
      return withDb((db) => setLogEffort(db, id, effort));
    },
  };
}
