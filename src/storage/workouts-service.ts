/** Saved workouts as one service: opens the database once, then lists, saves and removes over workout-repo. */
import type { Workout } from '../core/workout';
import { openDb, type MontageDb } from './db';
import { deleteWorkout, listWorkouts, putWorkout } from './workout-repo';

/** Creates the workouts service over the `montage` database (or `dbName`). */
export function createWorkoutsService(dbName?: string) {
  let opened: Promise<MontageDb> | null = null;
  const open = () => (opened ??= openDb(dbName));
  return {
    async list() {
      const { workouts, corrupt } = await listWorkouts(await open());
      return { workouts, problems: corrupt.map((c) => c.problem) };
    },
    async save(workout: Workout) {
      await putWorkout(await open(), workout);
    },
    async remove(id: string) {
      await deleteWorkout(await open(), id);
    },
  };
}
