/**
 * Immutable editing of a workout tree for the builder UI, nodes addressed by id. Every operation returns a new array
 * (untouched subtrees are shared); when the id is not found the input array itself is returned, so `result === nodes`
 * means "nothing changed". Limits are not checked here: run `checkWorkoutLimits` before saving.
 */
import type { RepeatBlock, Step, WorkoutNode } from './workout';
import { MAX_REPEAT_TIMES, randomId, type IdFactory } from './workout-defaults';

/** Where a node sits: the node, the id of its repeat block (null at the top level) and its index among its siblings. */
export interface NodeLocation {
  node: WorkoutNode;
  parentId: string | null;
  index: number;
}

/** Returns where the node with `id` is, or null when there is none. */
export function findNode(nodes: readonly WorkoutNode[], id: string, parentId: string | null = null): NodeLocation | null {
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index];
    if (node.id === id) return { node, parentId, index };
    if (node.type === 'repeat') {
      const inner = findNode(node.children, id, node.id);
      if (inner) return inner;
    }
  }
  return null;
}

// Applies `edit` to the sibling list that holds `id` (top level or inside a block); returns `nodes` when not found.
function editSiblings(
  nodes: WorkoutNode[], id: string, edit: (siblings: WorkoutNode[], index: number) => WorkoutNode[],
): WorkoutNode[] {
  const index = nodes.findIndex((n) => n.id === id);
  if (index >= 0) return edit(nodes, index);
  for (let k = 0; k < nodes.length; k += 1) {
    const node = nodes[k];
    if (node.type !== 'repeat') continue;
    const children = editSiblings(node.children, id, edit);
    if (children !== node.children) return nodes.map((n, j) => (j === k ? { ...node, children } : n));
  }
  return nodes;
}

// Replaces the node with `id` by `replace(node)`; returns `nodes` when not found.
function mapNode(nodes: WorkoutNode[], id: string, replace: (node: WorkoutNode) => WorkoutNode): WorkoutNode[] {
  return editSiblings(nodes, id, (siblings, index) => siblings.map((n, j) => (j === index ? replace(n) : n)));
}

const insertAfter = (nodes: WorkoutNode[], afterId: string | null, node: WorkoutNode): WorkoutNode[] =>
  afterId === null ? [...nodes, node] : editSiblings(nodes, afterId, (s, i) => [...s.slice(0, i + 1), node, ...s.slice(i + 1)]);

/** Returns nodes with `step` inserted right after the node `afterId` (in the same block), or at the end when `afterId` is null. */
export function addStep(nodes: WorkoutNode[], afterId: string | null, step: Step): WorkoutNode[] {
  return insertAfter(nodes, afterId, step);
}

/** Returns nodes with `repeat` inserted right after the node `afterId`, or at the end when `afterId` is null. */
export function addRepeat(nodes: WorkoutNode[], afterId: string | null, repeat: RepeatBlock): WorkoutNode[] {
  return insertAfter(nodes, afterId, repeat);
}

/** Returns nodes with `node` appended to the children of the repeat block `repeatId` (how a first step enters an empty block). */
export function appendToRepeat(nodes: WorkoutNode[], repeatId: string, node: WorkoutNode): WorkoutNode[] {
  return mapNode(nodes, repeatId, (n) => (n.type === 'repeat' ? { ...n, children: [...n.children, node] } : n));
}

/** Returns nodes without the node `id` (and, for a block, its children). */
export function removeNode(nodes: WorkoutNode[], id: string): WorkoutNode[] {
  return editSiblings(nodes, id, (siblings, index) => siblings.filter((_, j) => j !== index));
}

/** Returns a deep copy of `node` with fresh ids throughout. */
export function cloneWithNewIds(node: WorkoutNode, newId: IdFactory = randomId): WorkoutNode {
  if (node.type === 'step') return { ...node, id: newId(), duration: { ...node.duration }, tempo: node.tempo && { ...node.tempo } };
  return { ...node, id: newId(), children: node.children.map((c) => cloneWithNewIds(c, newId)) };
}

/** Returns nodes with a copy (fresh ids) of the node `id` inserted right after it. */
export function duplicateNode(nodes: WorkoutNode[], id: string, newId: IdFactory = randomId): WorkoutNode[] {
  return editSiblings(nodes, id, (s, i) => [...s.slice(0, i + 1), cloneWithNewIds(s[i], newId), ...s.slice(i + 1)]);
}

/** Returns nodes with the node `id` swapped with its previous (-1) or next (1) sibling; unchanged at either end of its block. */
export function moveNode(nodes: WorkoutNode[], id: string, direction: -1 | 1): WorkoutNode[] {
  return editSiblings(nodes, id, (siblings, index) => {
    const other = index + direction;
    if (other < 0 || other >= siblings.length) return siblings;
    const out = [...siblings];
    [out[index], out[other]] = [out[other], out[index]];
    return out;
  });
}

/** What `updateStep` may change: anything but the type and the id. */
export type StepPatch = Partial<Omit<Step, 'type' | 'id'>>;

/** Returns nodes with the step `id` changed by `patch`; a repeat block with that id is left as it is. */
export function updateStep(nodes: WorkoutNode[], id: string, patch: StepPatch): WorkoutNode[] {
  return mapNode(nodes, id, (n) => (n.type === 'step' ? { ...n, ...patch, type: 'step', id: n.id } : n));
}

/** Returns nodes with the repeat block `id` set to play `times` times (rounded, clamped to 1..1000). */
export function updateRepeat(nodes: WorkoutNode[], id: string, times: number): WorkoutNode[] {
  const clamped = Math.min(MAX_REPEAT_TIMES, Math.max(1, Math.round(times) || 1));
  return mapNode(nodes, id, (n) => (n.type === 'repeat' ? { ...n, times: clamped } : n));
}
