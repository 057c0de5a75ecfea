/** The effort given to a logged workout: rated on the summary or later on the Progress screen. */
import type { StateCreator } from 'zustand';
import type { WorkoutLogEntry } from '../core/workout-log';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';

/** Rating state and actions. */
export interface ProgressSlice {
  /** Why the last rating could not be saved, naming the workout; null when it was. */
  ratingError: string | null;
  /** Sets the effort (0–10 on the CR10 scale; null clears it) of a logged workout, on screen at once and then in the log. */
  rateWorkout(entryId: string, effort: number | null): Promise<void>;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Creates the progress slice over the injected log service. */
export const createProgressSlice = (services: AppServices): StateCreator<AppState, [], [], ProgressSlice> => (set, get) => {
  // Puts `entry` in place of the entry with its id, in the history and on the summary.
  const show = (entry: WorkoutLogEntry) =>
    set((s) => ({
      history: s.history.map((h) => (h.id === entry.id ? entry : h)),
      player: s.player.lastEntry?.id === entry.id ? { ...s.player, lastEntry: entry } : s.player,
    }));

  return {
    ratingError: null,
    async rateWorkout(entryId, effort) {
      const before = get().history.find((h) => h.id === entryId) ?? (get().player.lastEntry?.id === entryId ? get().player.lastEntry : null);
      if (!before) return set({ ratingError: `No logged workout with id "${entryId}" to rate.` });
      show({ ...before, effort });
      set({ ratingError: null });
      try {
        show(await services.log.setEffort(entryId, effort));
      } catch (e) {
        // The entry may never have reached the log (it failed to save): store it whole, rated.
        try {
          await services.log.add({ ...before, effort });
        } catch {
          show(before);
          set({ ratingError: `The effort for "${before.workoutName}" could not be saved: ${messageOf(e)}` });
        }
      }
    },
  };
};
