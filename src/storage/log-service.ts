/** The workout log as one service: opens the database once, then adds and lists summaries. */
import type { WorkoutSummary } from '../core/workout-log';
import { openDb, type MontageDb } from './db';
import { addLogEntry, listLog } from './log-repo';

/** Creates the log service over the `montage` database (or `dbName`). */
export function createLogService(dbName?: string) {
  let opened: Promise<MontageDb> | null = null;
  const open = () => (opened ??= openDb(dbName));
  return {
    async add(summary: WorkoutSummary): Promise<void> {
      await addLogEntry(await open(), summary);
    },
    async list(): Promise<WorkoutSummary[]> {
      const { entries } = await listLog(await open());
      return entries;
    },
  };
}
