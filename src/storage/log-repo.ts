/** The workout log: entries of past sessions, validated on every read and write. */
import type { WorkoutLogEntry } from '../core/workout-log';
import type { MontageDb } from './db';
import { abortQuietly, checkRecord, readRows, validateRows } from './db';
import { effortSchema, logEntrySchema } from './schemas';

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

/**
 * Sets the effort of one stored entry (null clears it), reading and writing it in one transaction so that a
 * change made meanwhile in another tab is kept. Returns the entry as stored; rejects naming the entry when it
 * is missing or damaged, or when `effort` is not a whole number from 0 to 10.
 */
export async function setLogEffort(db: MontageDb, id: string, effort: number | null): Promise<WorkoutLogEntry> {
  if (effort !== null && !effortSchema.safeParse(effort).success) throw new Error(`Invalid effort ${effort} for log entry "${id}": a whole number from 0 to 10`);
  const tx = db.transaction('log', 'readwrite');
  const stored: unknown = await tx.store.get(id);
  if (stored === undefined) {
    abortQuietly(tx);
    throw new Error(`No workout-log entry "${id}": it may have been removed in another tab`);
  }
  const checked = checkRecord(logEntrySchema, 'log', id, stored);
  if (!checked.ok) {
    abortQuietly(tx);
    throw new Error(checked.corrupt.problem);
  }
  const entry = { ...checked.value, effort };
  await Promise.all([tx.store.put(entry), tx.done]);
  return entry;
}
