import { describe, expect, it } from 'vitest';
import type { RepeatBlock, Step, WorkoutNode } from '../../../src/core/workout';
import {
  MAX_FLAT_STEPS, checkWorkoutLimits, countSteps, flattenWorkout, stepSeconds, workoutTotalSeconds,
} from '../../../src/core/workout-timeline';

let n = 0;
const step = (seconds: number, extra: Partial<Step> = {}): Step => ({
  type: 'step', id: `s${(n += 1)}`, kind: 'work', name: `Step ${n}`, duration: { unit: 'seconds', value: seconds },
  intensity: 3, tempo: null, build: null, hr: null, voice: null, ...extra,
});
const repeat = (times: number, children: WorkoutNode[]): RepeatBlock => ({ type: 'repeat', id: `r${(n += 1)}`, times, children });
const nest = (depth: number, inner: WorkoutNode[]): WorkoutNode[] => (depth === 0 ? inner : [repeat(2, nest(depth - 1, inner))]);

describe('flattenWorkout', () => {
  it('expands repeats in order and places each step on the workout clock', () => {
    const nodes = [step(60), repeat(3, [step(30), step(15)]), step(120)];
    const flat = flattenWorkout({ nodes });
    expect(flat).toHaveLength(8);
    expect(flat.map((s) => s.startSec)).toEqual([0, 60, 90, 105, 135, 150, 180, 195]);
    expect(flat.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(flat[7].durationSec).toBe(120);
    expect(flat[3].repeatLabels).toEqual(['2/3']);
    expect(flat[0].repeatLabels).toEqual([]);
  });

  it('labels nested repeats outermost first', () => {
    const nodes = [repeat(2, [step(10), repeat(3, [step(5)])])];
    const flat = flattenWorkout({ nodes });
    expect(flat).toHaveLength(8);
    expect(flat.map((s) => s.repeatLabels.join(' '))).toEqual([
      '1/2', '1/2 1/3', '1/2 2/3', '1/2 3/3', '2/2', '2/2 1/3', '2/2 2/3', '2/2 3/3',
    ]);
  });

  it('converts bars with the middle of the step tempo, else the default tempo', () => {
    const withTempo = step(0, { duration: { unit: 'bars', value: 8 }, tempo: { minBpm: 160, maxBpm: 180, allowHalfDouble: true } });
    const noTempo = step(0, { duration: { unit: 'bars', value: 8 } });
    expect(stepSeconds(withTempo)).toBeCloseTo((8 * 4 * 60) / 170);
    expect(stepSeconds(noTempo)).toBe(16); // 32 beats at 120 BPM
    expect(stepSeconds(noTempo, { defaultBpm: 96, beatsPerBar: 3 })).toBe(15);
    const flat = flattenWorkout({ nodes: [noTempo, step(10)] }, { defaultBpm: 60 });
    expect(flat[1].startSec).toBe(32);
  });

  it('skips empty repeat blocks', () => {
    expect(flattenWorkout({ nodes: [repeat(5, []), step(10)] })).toHaveLength(1);
  });
});

describe('totals and counts', () => {
  it('computes without expanding', () => {
    const nodes = [step(300), repeat(6, [step(30), step(30)]), step(300)];
    expect(workoutTotalSeconds({ nodes })).toBe(960);
    expect(countSteps({ nodes })).toBe(14);
  });
});

describe('limits', () => {
  it('allows 8 levels of nesting and refuses 9', () => {
    expect(checkWorkoutLimits(nest(8, [step(1)]))).toMatchObject({ ok: true, stepCount: 256 });
    const nine = checkWorkoutLimits(nest(9, [step(1)]));
    expect(nine).toEqual({ ok: false, error: expect.stringMatching(/nested too deeply/) });
  });

  it('refuses absurd nesting quickly and without a stack overflow', () => {
    let nodes: WorkoutNode[] = [step(1)];
    for (let k = 0; k < 100_000; k += 1) nodes = [repeat(1, nodes)];
    expect(checkWorkoutLimits(nodes).ok).toBe(false);
    expect(() => flattenWorkout({ nodes })).toThrow(/nested too deeply/);
  });

  it('refuses a million expanded steps before expanding anything', () => {
    const nodes = [repeat(1000, [repeat(1000, [step(1)])])];
    const check = checkWorkoutLimits(nodes);
    expect(check).toEqual({ ok: false, error: expect.stringMatching(/1,000,000 steps.*at most 10,000/) });
    expect(() => flattenWorkout({ nodes })).toThrow(RangeError);
    expect(() => countSteps({ nodes })).toThrow(/at most 10,000/);
  });

  it('accepts exactly the step limit', () => {
    expect(countSteps({ nodes: [repeat(100, [repeat(100, [step(1)])])] })).toBe(MAX_FLAT_STEPS);
    expect(checkWorkoutLimits([repeat(10_001, [step(1)])]).ok).toBe(false);
  });

  it('refuses more than 24 hours', () => {
    expect(checkWorkoutLimits([repeat(5, [step(6 * 3600)])])).toEqual({ ok: false, error: expect.stringMatching(/would last 30\.0 hours \(at most 24 hours\)/) });
    expect(checkWorkoutLimits([repeat(4, [step(6 * 3600)])]).ok).toBe(true);
    expect(() => workoutTotalSeconds({ nodes: [repeat(5, [step(6 * 3600)])] })).toThrow(/24 hours/);
  });

  it('refuses too many written nodes even when they expand to nothing', () => {
    const nodes = Array.from({ length: 20_000 }, () => repeat(1, []));
    expect(checkWorkoutLimits(nodes)).toEqual({ ok: false, error: expect.stringMatching(/too many steps/) });
  });
});
