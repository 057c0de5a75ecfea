/** The workout log as one service: opens the database once, then adds and lists entries. */
import type { WorkoutLogEntry } from '../core/workout-log';
import { openDb, type MontageDb } from './db';
import { addLogEntry, listLog } from './log-repo';

/** Creates the log service over the `montage` database (or `dbName`). */
export function createLogService(dbName?: string) {
  let opened: Promise<MontageDb> | null = null;
  const open = () => (opened ??= openDb(dbName));
  return {
    async add(entry: WorkoutLogEntry): Promise<void> {
      await addLogEntry(await open(), entry);
    },
    async list(): Promise<WorkoutLogEntry[]> {
      const { entries } = await listLog(await open());
      return entries;
    },
  };
}
