/** The builder's actions on the draft: structure and field edits, undo/redo, save and cancel. */
import type { Workout, WorkoutNode } from '../core/workout';
import { randomId } from '../core/workout-defaults';
import {
  addRepeat, addStep, appendToRepeat, duplicateNode, findNode, moveNode, removeNode, updateRepeat, updateStep, type StepPatch,
} from '../core/workout-edit';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import {
  draftOf, lastStepOf, moveNodeTo, newStep, openDraft, recordEdit, redoDraft, undoDraft, validateDraft, withKindDefaults,
} from './workout-draft';

/** Builder actions; each does nothing while no draft is open. */
export interface DraftActions {
  /** Opens an empty draft for a new workout. */
  newWorkout(): void;
  /** Opens a saved workout in the builder; a template opens as an unsaved copy. */
  editWorkout(id: string): void;
  draftRename(name: string): void;
  /** Appends a 30 s work step at the top level. */
  draftAddStep(): void;
  /** Appends a block repeating one work step 4 times. */
  draftAddRepeat(): void;
  draftAddToRepeat(repeatId: string): void;
  /** Adds a repeat block (with one step) at the end of block `repeatId`: blocks nest by button and keyboard too. */
  draftAddRepeatToRepeat(repeatId: string): void;
  draftUpdateStep(id: string, patch: StepPatch): void;
  draftUpdateRepeat(id: string, times: number): void;
  draftRemove(id: string): void;
  draftDuplicate(id: string): void;
  /** Swaps a node with its previous (-1) or next (1) sibling. */
  draftMove(id: string, direction: -1 | 1): void;
  /** Moves a node to where `targetId` is (drag and drop). */
  draftMoveTo(id: string, targetId: string): void;
  undoEdit(): void;
  redoEdit(): void;
  /** Validates and stores the draft, then closes it; returns false (and sets `draft.saveError`) when it cannot. */
  saveDraft(): Promise<boolean>;
  cancelDraft(): void;
}

/** What the draft actions need from the slice around them. */
export interface DraftContext {
  services: AppServices;
  persist(workout: Workout): Promise<void>;
  say(tone: 'ok' | 'error', text: string): void;
  set(partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void;
  get(): AppState;
}

/** Returns the builder actions over the slice's store. */
export function createDraftActions({ services, persist, say, set, get }: DraftContext): DraftActions {
  // Applies `change` to the draft's nodes as one undo step (or merged into the last one when `key` repeats).
  const edit = (change: (nodes: WorkoutNode[]) => WorkoutNode[], key: string | null = null) => {
    const { draft } = get();
    if (draft) set({ draft: recordEdit(draft, { ...draft.present, nodes: change(draft.present.nodes) }, key) });
  };
  return {
    newWorkout: () => set({ draft: openDraft({ id: randomId(), name: 'New workout', nodes: [] }, true) }),
    editWorkout(id) {
      const workout = get().workouts.find((w) => w.id === id);
      if (workout) set({ draft: draftOf(workout) });
    },
    draftRename(name) {
      const { draft } = get();
      if (draft) set({ draft: recordEdit(draft, { ...draft.present, name }, 'name') });
    },
    draftAddStep: () => edit((nodes) => addStep(nodes, null, newStep('work', lastStepOf(nodes)))),
    draftAddRepeat: () => edit((nodes) => addRepeat(nodes, null, { type: 'repeat', id: randomId(), times: 4, children: [newStep('work', lastStepOf(nodes))] })),
    draftAddToRepeat: (repeatId) => edit((nodes) => {
      const block = findNode(nodes, repeatId)?.node;
      const before = block?.type === 'repeat' ? lastStepOf(block.children) : null;
      return appendToRepeat(nodes, repeatId, newStep('recover', before));
    }),
    draftAddRepeatToRepeat: (repeatId) => edit((nodes) => {
      const block = findNode(nodes, repeatId)?.node;
      const before = block?.type === 'repeat' ? lastStepOf(block.children) : null;
      return appendToRepeat(nodes, repeatId, { type: 'repeat', id: randomId(), times: 2, children: [newStep('work', before)] });
    }),
    draftUpdateStep(id, patch) {
      edit((nodes) => {
        const found = findNode(nodes, id);
        return found?.node.type === 'step' ? updateStep(nodes, id, withKindDefaults(found.node, patch)) : nodes;
      }, `step:${id}:${Object.keys(patch).sort().join(',')}`);
    },
    draftUpdateRepeat: (id, times) => edit((nodes) => updateRepeat(nodes, id, times), `repeat:${id}`),
    draftRemove: (id) => edit((nodes) => removeNode(nodes, id)),
    draftDuplicate: (id) => edit((nodes) => duplicateNode(nodes, id)),
    draftMove: (id, direction) => edit((nodes) => moveNode(nodes, id, direction)),
    draftMoveTo: (id, targetId) => edit((nodes) => moveNodeTo(nodes, id, targetId)),
    undoEdit() {
      const { draft } = get();
      if (draft) set({ draft: undoDraft(draft) });
    },
    redoEdit() {
      const { draft } = get();
      if (draft) set({ draft: redoDraft(draft) });
    },
    async saveDraft() {
      const { draft } = get();
      if (!draft) return false;
      const problem = validateDraft(draft.present);
      if (problem) {
        set({ draft: { ...draft, saveError: problem.message } });
        return false;
      }
      const workout: Workout = { id: draft.id, name: draft.present.name.trim(), nodes: draft.present.nodes, updatedAt: services.now() };
      try {
        await persist(workout);
      } catch (e) {
        set((s) => ({ draft: s.draft && { ...s.draft, saveError: `Could not save: ${e instanceof Error ? e.message : String(e)}` } }));
        return false;
      }
      set({ draft: null, selectedWorkoutId: workout.id });
      say('ok', `Saved "${workout.name}".`);
      return true;
    },
    cancelDraft: () => set({ draft: null }),
  };
}
