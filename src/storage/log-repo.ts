/** The workout log: summaries of past sessions, validated on every read and write. */
import type { WorkoutSummary } from '../core/workout-log';
import type { MontageDb } from './db';
import { checkRecord, readRows, validateRows } from './db';
import { workoutSummarySchema } from './schemas';

/** Validates and appends a summary; returns its new id. */
export async function addLogEntry(db: MontageDb, summary: WorkoutSummary): Promise<number> {
  const checked = checkRecord(workoutSummarySchema, 'log', 'new', summary);
  if (!checked.ok) throw new Error(checked.corrupt.problem.replace(/^Damaged/, 'Invalid'));
  // The store assigns the id; a caller's id would overwrite another entry.
  const { id: _ignored, ...entry } = checked.value;
  return db.add('log', entry);
}

/** Returns all valid summaries, newest first, and a report of damaged entries. */
export async function listLog(db: MontageDb) {
  const { items, corrupt } = validateRows(workoutSummarySchema, 'log', await readRows(db, 'log'));
  items.sort((a, b) => b.startedAt - a.startedAt);
  return { entries: items, corrupt };
}

/** Removes one summary; does nothing when it is absent. */
export async function deleteLogEntry(db: MontageDb, id: number): Promise<void> {
  await db.delete('log', id);
}
