/** Stored workouts, validated on every read and write. */
import type { Workout } from '../core/workout';
import type { MontageDb } from './db';
import { CorruptRecordError, checkRecord, readRows, validateRows } from './db';
import { workoutSchema } from './schemas';

/** Validates and stores `workout`, replacing any with its id; throws with the bad field named. */
export async function putWorkout(db: MontageDb, workout: Workout): Promise<void> {
  const checked = checkRecord(workoutSchema, 'workouts', workout.id, workout);
  if (!checked.ok) throw new Error(checked.corrupt.problem.replace(/^Damaged/, 'Invalid'));
  await db.put('workouts', checked.value);
}

/** Returns the workout, or null when absent; throws CorruptRecordError when the stored record is damaged. */
export async function getWorkout(db: MontageDb, id: string): Promise<Workout | null> {
  const value: unknown = await db.get('workouts', id);
  if (value === undefined) return null;
  const checked = checkRecord(workoutSchema, 'workouts', id, value);
  if (!checked.ok) throw new CorruptRecordError(checked.corrupt);
  return checked.value;
}

/** Returns all valid workouts, most recently changed first, and a report of damaged records. */
export async function listWorkouts(db: MontageDb) {
  const { items, corrupt } = validateRows(workoutSchema, 'workouts', await readRows(db, 'workouts'));
  items.sort((a, b) => b.updatedAt - a.updatedAt);
  return { workouts: items, corrupt };
}

/** Removes a workout; does nothing when it is absent. */
export async function deleteWorkout(db: MontageDb, id: string): Promise<void> {
  await db.delete('workouts', id);
}
