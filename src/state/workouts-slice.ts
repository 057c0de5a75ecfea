/** The workouts the user can start (templates plus saved ones), and saving, importing, exporting and sharing them. */
import type { StateCreator } from 'zustand';
import { describeWorkout, type Workout } from '../core/workout';
import { addNotice, dismissNotice, type Notice } from '../core/notices';
import { uniqueName } from '../core/names';
import { WORKOUT_TEMPLATES } from '../core/workout-templates';
import { MAX_NAME_LENGTH, randomId } from '../core/workout-defaults';
import { cloneWithNewIds } from '../core/workout-edit';
import { workoutFromShareFragment } from '../core/workout-share';
import { parseWorkoutText } from '../core/workout-text';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import { MAX_WORKOUT_FILE_BYTES, exportWorkout, parseWorkoutFile, shareLink, type WorkoutExport } from './workout-files';
import { isTemplateId, type WorkoutDraft } from './workout-draft';
import { createDraftActions, type DraftActions } from './workout-draft-actions';

/** Id of the workout the demo starts with. */
export const DEMO_WORKOUT_ID = 'template-demo-3030';

/** A line for the user after an import, a save or a failure; errors name the file. */
export type WorkoutMessage = Notice;

/** Where loading the saved workouts is. */
export type WorkoutsStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Workout list state and actions. */
export interface WorkoutsSlice extends DraftActions {
  /** Templates first (in their own order), then saved workouts, most recently changed first. */
  workouts: Workout[];
  selectedWorkoutId: string;
  workoutsStatus: WorkoutsStatus;
  /** Newest last; the same one again counts, at most a few are kept. */
  workoutMessages: WorkoutMessage[];
  /** A workout read from a `#w=` link, waiting for the user to add it; null when there is none. */
  sharedWorkout: Workout | null;
  /** The workout open in the builder; null when the list is shown. */
  draft: WorkoutDraft | null;
  selectWorkout(id: string): void;
  /** Reads the saved workouts from storage (damaged records become messages). */
  loadWorkouts(): Promise<void>;
  /** Stores a copy (fresh ids, "(copy)" name) of any workout; returns the copy's id, or null when it failed. */
  duplicateWorkout(id: string): Promise<string | null>;
  renameWorkout(id: string, name: string): Promise<void>;
  /** Removes a saved workout; templates stay. */
  deleteWorkout(id: string): Promise<void>;
  /** Reads a .json, .zwo or .txt workout file and saves it; failures become a message that names the file. */
  importWorkoutFile(file: File): Promise<void>;
  /** Parses pasted workout text and saves it; returns false (with a message) when the text is wrong. */
  /** Adds a workout from its text; `name` (optional) names it, else it is named by what it is. */
  addWorkoutText(text: string, name?: string): Promise<boolean>;
  /** Returns the export file and text of a workout, or null when there is no such workout. */
  exportWorkout(id: string): WorkoutExport | null;
  /** Returns a link to `pageUrl` that carries the workout in its `#w=` fragment, or null when there is no such workout. */
  shareLink(id: string, pageUrl: string): string | null;
  /** Offers the workout of a `#w=` fragment (never saves it); other fragments are ignored. */
  receiveShareLink(hash: string): void;
  addSharedWorkout(): Promise<void>;
  dismissSharedWorkout(): void;
  dismissWorkoutMessage(index: number): void;
  dismissAllWorkoutMessages(): void;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Creates the workouts slice over the injected services. */
export const createWorkoutsSlice = (services: AppServices): StateCreator<AppState, [], [], WorkoutsSlice> => (set, get) => {
  const say = (tone: WorkoutMessage['tone'], text: string) =>
    set((s) => ({ workoutMessages: addNotice(s.workoutMessages, tone, text) }));
  const find = (id: string) => get().workouts.find((w) => w.id === id) ?? null;
  const withSaved = (saved: Workout[]) => [...WORKOUT_TEMPLATES, ...[...saved].sort((a, b) => b.updatedAt - a.updatedAt)];
  const savedOnly = () => get().workouts.filter((w) => !isTemplateId(w.id));

  /** Stores `workout` and puts it in the list; rejects with the storage's words. */
  const persist = async (workout: Workout): Promise<void> => {
    await services.workouts.save(workout);
    set({ workouts: withSaved([workout, ...savedOnly().filter((w) => w.id !== workout.id)]) });
  };
  /** Saves a workout that came from outside under an id nobody uses yet; says what happened, naming `source`. */
  /** The last paste being added; the next one waits for it (addForeign never rejects). */
  let pastes: Promise<boolean> = Promise.resolve(true);
  const addForeign = async (workout: Workout, source: string): Promise<boolean> => {
    const fresh = { ...workout, id: find(workout.id) ? randomId() : workout.id, updatedAt: services.now() };
    try {
      await persist(fresh);
      set({ selectedWorkoutId: fresh.id });
      say('ok', `Added "${fresh.name}" from ${source}.`);
      return true;
    } catch (e) {
      say('error', `${source}: could not be saved: ${errorText(e)}`);
      return false;
    }
  };

  return {
    workouts: WORKOUT_TEMPLATES,
    selectedWorkoutId: DEMO_WORKOUT_ID,
    workoutsStatus: 'idle',
    workoutMessages: [],
    sharedWorkout: null,
    draft: null,
    selectWorkout: (id) => set({ selectedWorkoutId: id }),
    async loadWorkouts() {
      set({ workoutsStatus: 'loading' });
      try {
        const { workouts, problems } = await services.workouts.list();
        set({ workouts: withSaved([...workouts, ...savedOnly().filter((w) => !workouts.some((x) => x.id === w.id))]), workoutsStatus: 'ready' });
        problems.forEach((p) => say('error', p));
      } catch (e) {
        set({ workoutsStatus: 'error' });
        say('error', `Saved workouts could not be read: ${errorText(e)}`);
      }
    },
    async duplicateWorkout(id) {
      const original = find(id);
      if (!original) return null;
      const copy: Workout = {
        id: randomId(), name: `${original.name} (copy)`.slice(0, MAX_NAME_LENGTH),
        nodes: original.nodes.map((n) => cloneWithNewIds(n)), updatedAt: services.now(),
      };
      try {
        await persist(copy);
        return copy.id;
      } catch (e) {
        say('error', `"${original.name}" could not be copied: ${errorText(e)}`);
        return null;
      }
    },
    async renameWorkout(id, name) {
      const workout = find(id);
      const trimmed = name.trim().slice(0, MAX_NAME_LENGTH);
      if (!workout || isTemplateId(id) || trimmed === '' || trimmed === workout.name) return;
      try {
        await persist({ ...workout, name: trimmed, updatedAt: services.now() });
      } catch (e) {
        say('error', `"${workout.name}" could not be renamed: ${errorText(e)}`);
      }
    },
    async deleteWorkout(id) {
      const workout = find(id);
      if (!workout || isTemplateId(id)) return;
      try {
        await services.workouts.remove(id);
      } catch (e) {
        return say('error', `"${workout.name}" could not be deleted: ${errorText(e)}`);
      }
      set((s) => ({
        workouts: s.workouts.filter((w) => w.id !== id),
        selectedWorkoutId: s.selectedWorkoutId === id ? DEMO_WORKOUT_ID : s.selectedWorkoutId,
        draft: s.draft?.id === id ? null : s.draft,
      }));
    },
    async importWorkoutFile(file) {
      if (file.size > MAX_WORKOUT_FILE_BYTES) {
        return say('error', `${file.name}: is too large (${(file.size / 1e6).toFixed(1)} MB; a workout file is at most 1 MB)`);
      }
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        return say('error', `${file.name}: could not be read (${errorText(e)})`);
      }
      const parsed = parseWorkoutFile(file.name, text, services.now());
      if (!parsed.ok) return say('error', parsed.error);
      await addForeign(parsed.workout, file.name);
    },
    async addWorkoutText(text, name) {
      const parsed = parseWorkoutText(text);
      if (!parsed.ok) {
        say('error', `Pasted text: ${parsed.error}`);
        return false;
      }
      // Named by the user, or by what it is ("Warm up + 6× Sprint/Easy"); never a second workout of the same name,
      // even when a second paste is added while the first is still being saved (pastes are added one after another).
      const wanted = (name?.trim() || describeWorkout(parsed.nodes)).slice(0, MAX_NAME_LENGTH);
      const adding = pastes.then(() => {
        const named = uniqueName(wanted, get().workouts.map((w) => w.name));
        return addForeign({ id: randomId(), name: named, nodes: parsed.nodes, updatedAt: services.now() }, 'pasted text');
      });
      pastes = adding;
      return adding;
    },
    exportWorkout(id) {
      const workout = find(id);
      return workout && exportWorkout(workout);
    },
    shareLink(id, pageUrl) {
      const workout = find(id);
      return workout && shareLink(workout, pageUrl);
    },
    receiveShareLink(hash) {
      if (!hash.startsWith('#w=')) return;
      const parsed = workoutFromShareFragment(hash.slice(3), { now: services.now() });
      if (parsed.ok) set({ sharedWorkout: parsed.workout, screen: 'workouts' });
      else {
        set({ sharedWorkout: null, screen: 'workouts' });
        say('error', parsed.error);
      }
    },
    async addSharedWorkout() {
      const shared = get().sharedWorkout;
      if (!shared) return;
      if (await addForeign(shared, 'a shared link')) set({ sharedWorkout: null });
    },
    dismissSharedWorkout: () => set({ sharedWorkout: null }),
    dismissWorkoutMessage: (index) => set((s) => ({ workoutMessages: dismissNotice(s.workoutMessages, index) })),
    dismissAllWorkoutMessages: () => set({ workoutMessages: [] }),
    ...createDraftActions({ services, persist, say, set, get }),
  };
};
