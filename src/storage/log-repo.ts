/** The workout log: entries of past sessions, validated on every read and write. */
import type { WorkoutLogEntry } from '../core/workout-log';
import type { MontageDb } from './db';
import { checkRecord, readRows, validateRows } from './db';
import { logEntrySchema } from './schemas';

/** Validates and stores an entry under its own id (storing it again replaces it). */
export async function addLogEntry(db: MontageDb, entry: WorkoutLogEntry): Promise<void> {
  const checked = checkRecord(logEntrySchema, 'log', entry.id ?? 'new', entry);
  if (!checked.ok) throw new Error(checked.corrupt.problem.replace(/^Damaged/, 'Invalid'));
  await db.put('log', checked.value);
}

/** Returns all valid entries, newest first, and a report of damaged entries. */
export async function listLog(db: MontageDb) {
  const { items, corrupt } = validateRows(logEntrySchema, 'log', await readRows(db, 'log'));
  items.sort((a, b) => b.startedAt - a.startedAt);
  return { entries: items, corrupt };
}

/** Removes one entry; does nothing when it is absent. */
export async function deleteLogEntry(db: MontageDb, id: string): Promise<void> {
  await db.delete('log', id);
}
