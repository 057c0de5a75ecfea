/** The workouts the user can start: the templates plus saved ones. */
import type { StateCreator } from 'zustand';
import type { Workout } from '../core/workout';
import { WORKOUT_TEMPLATES } from '../core/workout-templates';
import type { AppState } from './create-app-store';

/** Id of the workout the demo starts with. */
export const DEMO_WORKOUT_ID = 'template-demo-3030';

/** Workout list state and actions. */
export interface WorkoutsSlice {
  workouts: Workout[];
  selectedWorkoutId: string;
  selectWorkout(id: string): void;
}

/** Creates the workouts slice. */
export const createWorkoutsSlice: StateCreator<AppState, [], [], WorkoutsSlice> = (set) => ({
  workouts: WORKOUT_TEMPLATES,
  selectedWorkoutId: DEMO_WORKOUT_ID,
  selectWorkout: (id) => set({ selectedWorkoutId: id }),
});
