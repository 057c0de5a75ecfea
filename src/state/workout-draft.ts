/** The builder's draft: a workout being edited, its undo/redo history of snapshots, its validation and drag moves. */
import type { Step, StepKind, Workout, WorkoutNode } from '../core/workout';
import { parseWorkoutJson, workoutToJson } from '../core/workout-schema';
import { KIND_INTENSITY, KIND_LABELS, MAX_NAME_LENGTH, randomId } from '../core/workout-defaults';
import { WORKOUT_TEMPLATES } from '../core/workout-templates';
import { addRepeat, addStep, cloneWithNewIds, findNode, moveNode, removeNode, type StepPatch } from '../core/workout-edit';

/** One point of the draft's history: the workout's name and node tree. */
export interface DraftSnapshot {
  name: string;
  nodes: WorkoutNode[];
}

/** A workout being edited in the builder. */
export interface WorkoutDraft {
  /** The workout's id: a saved workout's own, or a fresh one for a new workout. */
  id: string;
  /** True until the draft has been saved once. */
  isNew: boolean;
  present: DraftSnapshot;
  /** Older snapshots, oldest first; undo takes the last. */
  past: DraftSnapshot[];
  /** Snapshots undone, most recently undone last; redo takes the last. */
  future: DraftSnapshot[];
  /** Field of the latest edit; typing on in the same field merges into one undo step. null after any other change. */
  lastEditKey: string | null;
  /** Why the last save failed; null when it did not. */
  saveError: string | null;
}

/** What is wrong with a draft, in the parser's words, and the id of the node they point at (null: the whole workout). */
export interface DraftProblem {
  message: string;
  nodeId: string | null;
}

/** Most undo steps kept. */
export const MAX_UNDO = 200;

const TEMPLATE_IDS = new Set(WORKOUT_TEMPLATES.map((w) => w.id));

/** Returns true for a built-in template (which cannot be edited or deleted, only duplicated). */
export const isTemplateId = (id: string): boolean => TEMPLATE_IDS.has(id);

/** Returns a fresh draft holding `workout`. */
export function openDraft(workout: Pick<Workout, 'id' | 'name' | 'nodes'>, isNew: boolean): WorkoutDraft {
  return { id: workout.id, isNew, present: { name: workout.name, nodes: workout.nodes }, past: [], future: [], lastEditKey: null, saveError: null };
}

/** Returns a draft of a saved workout, or of a copy (new id, "(copy)" name) when `workout` is a template. */
export function draftOf(workout: Workout): WorkoutDraft {
  if (!isTemplateId(workout.id)) return openDraft(workout, false);
  const name = `${workout.name} (copy)`.slice(0, MAX_NAME_LENGTH);
  return openDraft({ id: randomId(), name, nodes: workout.nodes.map((n) => cloneWithNewIds(n)) }, true);
}

/** Returns the draft moved to `next`, remembering the old snapshot unless `key` repeats the previous edit's key. */
export function recordEdit(draft: WorkoutDraft, next: DraftSnapshot, key: string | null = null): WorkoutDraft {
  if (next.nodes === draft.present.nodes && next.name === draft.present.name) return draft;
  const merge = key !== null && key === draft.lastEditKey;
  const past = merge ? draft.past : [...draft.past, draft.present].slice(-MAX_UNDO);
  return { ...draft, present: next, past, future: [], lastEditKey: key, saveError: null };
}

/** Returns the draft one step back in history (unchanged when there is none). */
export function undoDraft(draft: WorkoutDraft): WorkoutDraft {
  const previous = draft.past.at(-1);
  if (!previous) return draft;
  return { ...draft, present: previous, past: draft.past.slice(0, -1), future: [...draft.future, draft.present], lastEditKey: null };
}

/** Returns the draft one undone step forward again (unchanged when there is none). */
export function redoDraft(draft: WorkoutDraft): WorkoutDraft {
  const next = draft.future.at(-1);
  if (!next) return draft;
  return { ...draft, present: next, future: draft.future.slice(0, -1), past: [...draft.past, draft.present], lastEditKey: null };
}

/** Returns a new step of `kind` with its default name and effort, 30 s long, with the music and heart-rate targets of the step before it (none when there is none). */
export function newStep(kind: StepKind = 'work', before: Step | null = null): Step {
  const tempo = before?.tempo ? { ...before.tempo } : null;
  const hr = before?.hr ? { ...before.hr } : null;
  return {
    type: 'step', id: randomId(), kind, name: KIND_LABELS[kind], duration: { unit: 'seconds', value: 30 }, intensity: KIND_INTENSITY[kind],
    tempo, build: tempo ? before?.build ?? null : null, hr, voice: null,
  };
}

/** Returns the last step of `nodes` in playing order (inside blocks too), or null. */
export function lastStepOf(nodes: readonly WorkoutNode[]): Step | null {
  for (let i = nodes.length - 1; i >= 0; i -= 1) {
    const n = nodes[i];
    const found = n.type === 'step' ? n : lastStepOf(n.children);
    if (found) return found;
  }
  return null;
}

/** Returns `patch` plus, when the kind changes, the new kind's name and effort where the step still had the old defaults. */
export function withKindDefaults(step: Step, patch: StepPatch): StepPatch {
  const kind = patch.kind;
  if (!kind || kind === step.kind) return patch;
  return {
    ...(step.name === KIND_LABELS[step.kind] ? { name: KIND_LABELS[kind] } : {}),
    ...(step.intensity === KIND_INTENSITY[step.kind] ? { intensity: KIND_INTENSITY[kind] } : {}),
    ...patch,
  };
}

/**
 * Returns nodes with node `id` moved to where `targetId` is: after it when moving down the list, before it when moving up.
 * A block cannot be dropped inside itself; unchanged then, or when either id is missing.
 */
export function moveNodeTo(nodes: WorkoutNode[], id: string, targetId: string): WorkoutNode[] {
  const from = findNode(nodes, id);
  if (!from || id === targetId || !findNode(nodes, targetId)) return nodes;
  if (from.node.type === 'repeat' && findNode(from.node.children, targetId)) return nodes;
  const order = documentOrder(nodes);
  const down = order.indexOf(id) < order.indexOf(targetId);
  const rest = removeNode(nodes, id);
  const placed = from.node.type === 'step' ? addStep(rest, targetId, from.node) : addRepeat(rest, targetId, from.node);
  return down ? placed : moveNode(placed, id, -1);
}

/** Returns the ids of every node in written order (a block before its children). */
export function documentOrder(nodes: readonly WorkoutNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...(n.type === 'repeat' ? documentOrder(n.children) : [])]);
}

// The Nth step or repeat block in written order, counted from 1 as the parser counts them.
function nthNodeId(nodes: readonly WorkoutNode[], type: WorkoutNode['type'], n: number): string | null {
  const ids: string[] = [];
  const walk = (list: readonly WorkoutNode[]): void => list.forEach((node) => {
    if (node.type === type) ids.push(node.id);
    if (node.type === 'repeat') walk(node.children);
  });
  walk(nodes);
  return ids[n - 1] ?? null;
}

const SOURCE = 'The workout';

/** Returns what is wrong with the draft, checked by the same parser as imported files, or null when it can be saved. */
export function validateDraft(snapshot: DraftSnapshot): DraftProblem | null {
  if (snapshot.name.trim() === '') return { message: 'Give the workout a name.', nodeId: null };
  const json = workoutToJson({ id: 'draft', name: snapshot.name, nodes: snapshot.nodes, updatedAt: 0 });
  const parsed = parseWorkoutJson(json, SOURCE);
  if (parsed.ok) return null;
  const words = parsed.error.slice(SOURCE.length + 2);
  const at = /^(step|repeat) (\d+)/.exec(words);
  if (!at) return { message: /^(has|would|repeats) /.test(words) ? `${SOURCE} ${words}.` : `${capitalize(words)}.`, nodeId: null };
  return { message: `${capitalize(words)}.`, nodeId: nthNodeId(snapshot.nodes, at[1] as WorkoutNode['type'], Number(at[2])) };
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
