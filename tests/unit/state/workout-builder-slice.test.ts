import { describe, it, expect } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import type { Workout } from '../../../src/core/workout';
import { validateDraft } from '../../../src/state/workout-draft';
import { fakeServices, mine, step } from './fake-workout-services';

describe('workouts slice: builder details', () => {
  it('drags a node before or after its target, and never a block into itself', () => {
    const { services } = fakeServices();
    const store = createAppStore(services);
    const s = () => store.getState();
    const block: Workout['nodes'][number] = { type: 'repeat', id: 'r', times: 2, children: [step('c', 'C', 10), step('d', 'D', 10)] };
    store.setState({ workouts: [...s().workouts, { ...mine, nodes: [step('a', 'A', 10), step('b', 'B', 10), block] }] });
    s().editWorkout('mine');
    const ids = () => JSON.stringify(s().draft!.present.nodes.map((n) => (n.type === 'step' ? n.id : [n.id, n.children.map((c) => c.id)])));
    s().draftMoveTo('a', 'b');
    expect(ids()).toBe('["b","a",["r",["c","d"]]]');
    s().draftMoveTo('d', 'b');
    expect(ids()).toBe('["d","b","a",["r",["c"]]]');
    s().draftMoveTo('a', 'c');
    expect(ids()).toBe('["d","b",["r",["c","a"]]]');
    s().draftMoveTo('r', 'c');
    expect(ids()).toBe('["d","b",["r",["c","a"]]]');
    s().draftMoveTo('r', 'd');
    expect(ids()).toBe('[["r",["c","a"]],"d","b"]');
  });

  it('points a validation problem at the step inside a repeat block', () => {
    const nodes: Workout['nodes'] = [step('a', 'A', 10), { type: 'repeat', id: 'r', times: 2, children: [step('c', 'C', 10), step('d', 'D', -1)] }];
    expect(validateDraft({ name: 'X', nodes })).toEqual({ message: 'Step 3 "D": duration must be from 1 to 21600 seconds (it is -1).', nodeId: 'd' });
    expect(validateDraft({ name: ' ', nodes })?.message).toBe('Give the workout a name.');
  });
});
