import { describe, expect, it } from 'vitest';
import type { RepeatBlock, Step, WorkoutNode } from '../../../src/core/workout';
import {
  addRepeat, addStep, appendToRepeat, duplicateNode, findNode, moveNode, removeNode, updateRepeat, updateStep,
} from '../../../src/core/workout-edit';

const step = (id: string): Step => ({
  type: 'step', id, kind: 'work', name: id, duration: { unit: 'seconds', value: 30 }, intensity: 3, tempo: null, build: null, hr: null, voice: null,
});
const repeat = (id: string, children: WorkoutNode[]): RepeatBlock => ({ type: 'repeat', id, times: 2, children });
const ids = (nodes: readonly WorkoutNode[]): unknown[] => nodes.map((n) => (n.type === 'repeat' ? [n.id, ids(n.children)] : n.id));
const tree = (): WorkoutNode[] => [step('a'), repeat('r', [step('b'), step('c')]), step('d')];
const seqIds = () => {
  let n = 0;
  return () => `new${(n += 1)}`;
};

describe('workout edits', () => {
  it('finds nodes at any depth', () => {
    expect(findNode(tree(), 'c')).toMatchObject({ parentId: 'r', index: 1, node: { id: 'c' } });
    expect(findNode(tree(), 'd')).toMatchObject({ parentId: null, index: 2 });
    expect(findNode(tree(), 'zz')).toBeNull();
  });

  it('adds after a node in its own block, or at the end', () => {
    const nodes = tree();
    expect(ids(addStep(nodes, 'b', step('x')))).toEqual(['a', ['r', ['b', 'x', 'c']], 'd']);
    expect(ids(addStep(nodes, null, step('x')))).toEqual(['a', ['r', ['b', 'c']], 'd', 'x']);
    expect(ids(addRepeat(nodes, 'a', repeat('q', [])))).toEqual(['a', ['q', []], ['r', ['b', 'c']], 'd']);
    expect(ids(appendToRepeat(nodes, 'r', step('x')))).toEqual(['a', ['r', ['b', 'c', 'x']], 'd']);
    expect(ids(nodes)).toEqual(['a', ['r', ['b', 'c']], 'd']); // the input is untouched
  });

  it('removes steps and whole blocks', () => {
    expect(ids(removeNode(tree(), 'c'))).toEqual(['a', ['r', ['b']], 'd']);
    expect(ids(removeNode(tree(), 'r'))).toEqual(['a', 'd']);
  });

  it('duplicates with fresh ids, deeply', () => {
    const out = duplicateNode(tree(), 'r', seqIds());
    expect(ids(out)).toEqual(['a', ['r', ['b', 'c']], ['new1', ['new2', 'new3']], 'd']);
    expect((out[2] as RepeatBlock).children[0]).toMatchObject({ name: 'b', kind: 'work' });
  });

  it('moves within the parent and stays put at the ends', () => {
    expect(ids(moveNode(tree(), 'c', -1))).toEqual(['a', ['r', ['c', 'b']], 'd']);
    expect(ids(moveNode(tree(), 'r', 1))).toEqual(['a', 'd', ['r', ['b', 'c']]]);
    const nodes = tree();
    expect(moveNode(nodes, 'a', -1)).toBe(nodes);
    expect(moveNode(nodes, 'c', 1)).toBe(nodes);
  });

  it('updates steps and repeat counts without touching type or id', () => {
    const out = updateStep(tree(), 'b', { name: 'Sprint', intensity: 5, ...({ id: 'hack', type: 'repeat' } as object) });
    expect(findNode(out, 'b')!.node).toMatchObject({ type: 'step', id: 'b', name: 'Sprint', intensity: 5 });
    expect(findNode(updateRepeat(tree(), 'r', 7), 'r')!.node).toMatchObject({ times: 7 });
    expect(findNode(updateRepeat(tree(), 'r', 1e9), 'r')!.node).toMatchObject({ times: 1000 });
    expect(findNode(updateRepeat(tree(), 'r', NaN), 'r')!.node).toMatchObject({ times: 1 });
    expect(findNode(updateStep(tree(), 'r', { name: 'x' }), 'r')!.node).not.toHaveProperty('name');
  });

  it('returns the same array when the id is unknown, and shares untouched subtrees', () => {
    const nodes = tree();
    for (const out of [removeNode(nodes, 'zz'), updateStep(nodes, 'zz', {}), duplicateNode(nodes, 'zz'), addStep(nodes, 'zz', step('x'))]) {
      expect(out).toBe(nodes);
    }
    const out = updateStep(nodes, 'd', { name: 'D' });
    expect(out[1]).toBe(nodes[1]);
  });
});
