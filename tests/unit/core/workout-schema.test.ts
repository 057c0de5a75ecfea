import { describe, expect, it } from 'vitest';
import type { Workout } from '../../../src/core/workout';
import { parseWorkoutJson, workoutToJson } from '../../../src/core/workout-schema';
import { flattenWorkout } from '../../../src/core/workout-timeline';
import { demo3030Template, rockyMontageTemplate } from '../../../src/core/workout-templates';

const seqIds = () => {
  let n = 0;
  return () => `id${(n += 1)}`;
};
const full = (workout: object) => JSON.stringify({ format: 'montage-workout', version: 1, workout });
const parse = (text: string, file = 'w.json') => parseWorkoutJson(text, file, { newId: seqIds(), now: 42 });
const errorOf = (text: string, file = 'w.json'): string => {
  const r = parse(text, file);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};
const workStep = { type: 'step', kind: 'work', duration: { unit: 'seconds', value: 30 } };

describe('parseWorkoutJson: the full format', () => {
  it('round-trips workoutToJson exactly', () => {
    for (const w of [demo3030Template(), rockyMontageTemplate()]) {
      const r = parse(workoutToJson(w));
      expect(r).toEqual({ ok: true, workout: w });
    }
  });

  it('fills defaults and generates missing ids with the injected factory', () => {
    const r = parse(full({ name: 'Mini', nodes: [workStep, { type: 'repeat', times: 2, children: [{ ...workStep, kind: 'rest' }] }] }));
    expect(r).toEqual({
      ok: true,
      workout: {
        id: 'id4', name: 'Mini', updatedAt: 42, nodes: [
          { type: 'step', id: 'id1', kind: 'work', name: 'Work', duration: { unit: 'seconds', value: 30 }, intensity: 4, tempo: null, build: null, hr: null, voice: null },
          { type: 'repeat', id: 'id3', times: 2, children: [
            { type: 'step', id: 'id2', kind: 'rest', name: 'Rest', duration: { unit: 'seconds', value: 30 }, intensity: 1, tempo: null, build: null, hr: null, voice: null },
          ] },
        ],
      },
    });
  });

  it('replaces duplicate ids and drops unknown keys', () => {
    const r = parse(full({ name: 'Dup', colour: 'red', nodes: [{ ...workStep, id: 'a', extra: 1 }, { ...workStep, id: 'a' }] }));
    if (!r.ok) throw new Error(r.error);
    expect(r.workout.nodes.map((x) => x.id)).toEqual(['a', 'id1']);
    expect(Object.keys(r.workout.nodes[0])).not.toContain('extra');
    expect(Object.keys(r.workout)).not.toContain('colour');
  });

  it('reads tempo builds and heart-rate targets, and names what is wrong with them', () => {
    const built = parse(full({ name: 'x', nodes: [{ ...workStep, tempo: { minBpm: 150, maxBpm: 170 }, build: 'up', hr: { type: 'zone', zone: 3 } }] }));
    expect(built.ok && built.workout.nodes[0]).toMatchObject({ build: 'up', hr: { type: 'zone', zone: 3 } });
    const ranged = parse(full({ name: 'x', nodes: [{ ...workStep, hr: { type: 'range', min: 150, max: 160 } }] }));
    expect(ranged.ok && ranged.workout.nodes[0]).toMatchObject({ build: null, hr: { type: 'range', min: 150, max: 160 } });
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, tempo: { minBpm: 160, maxBpm: 160 }, build: 'up' }] })))
      .toMatch(/step 1 "Work": build needs a tempo range/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, build: 'sideways' }] }))).toMatch(/build must be "up", "down" or null/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, hr: { type: 'zone', zone: 6 } }] }))).toMatch(/heart-rate zone must be a whole number from 1 to 5/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, hr: { type: 'range', min: 170, max: 150 } }] }))).toMatch(/heart rate min must not be above max/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, hr: { type: 'range', min: 10, max: 150 } }] }))).toMatch(/heart rate must be from 30 to 240 bpm \(it is 10\)/);
  });

  it('names the file, the step and the field in words', () => {
    const nodes = [workStep, { ...workStep, name: 'Sprint', duration: { unit: 'seconds', value: 0 } }];
    expect(errorOf(full({ name: 'x', nodes }), 'a-negative-duration.json'))
      .toBe('a-negative-duration.json: step 2 "Sprint": duration must be from 1 to 21600 seconds (it is 0)');
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, tempo: { minBpm: 20, maxBpm: 100 } }] })))
      .toBe('w.json: step 1 "Work": tempo must be from 30 to 300 BPM (it is 20)');
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, tempo: { minBpm: 180, maxBpm: 100 } }] })))
      .toMatch(/step 1 "Work": tempo minBpm must not be above maxBpm/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, kind: 'dance' }] }))).toMatch(/step 1: kind must be one of warmup, work/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, duration: { unit: 'hours', value: 1 } }] }))).toMatch(/duration must be seconds or bars/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, duration: { unit: 'bars', value: 2.5 } }] }))).toMatch(/whole number from 1 to 1000 bars/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, intensity: 9 }] }))).toMatch(/intensity must be a whole number from 1 to 5/);
    expect(errorOf(full({ name: 'x', nodes: [{ ...workStep, name: 'n'.repeat(500) }] }))).toMatch(/name must be at most 100 characters/);
    expect(errorOf(full({ name: 'x', nodes: [workStep, { type: 'repeat', times: 0, children: [workStep] }] }))).toMatch(/repeat 1: repeat count must be a whole number from 1 to 1000/);
    expect(errorOf(full({ name: 'x', nodes: [42] }))).toMatch(/step 1: must be an object with type "step" or "repeat"/);
  });

  it('refuses wrong envelopes, versions and empty workouts', () => {
    expect(errorOf('[1,2]')).toMatch(/not a Montage workout/);
    expect(errorOf(JSON.stringify({ format: 'other', version: 1, workout: {} }))).toMatch(/format must be "montage-workout"/);
    expect(errorOf(JSON.stringify({ format: 'montage-workout', version: 2, workout: { nodes: [] } }))).toMatch(/version 2 is not supported/);
    expect(errorOf(full({ name: 'x', nodes: [] }))).toBe('w.json: has no steps');
    expect(errorOf(full({ name: 'x', nodes: [{ type: 'repeat', times: 3, children: [] }] }))).toBe('w.json: has no steps');
  });

  it('refuses files over 1 MB without parsing them', () => {
    expect(errorOf(' '.repeat(1_000_001), 'big.json')).toMatch(/^big\.json: is too large/);
  });

  it('refuses repeat nesting past 8 levels and too many expanded steps', () => {
    let node: object = workStep;
    for (let k = 0; k < 9; k += 1) node = { type: 'repeat', times: 1, children: [node] };
    expect(errorOf(full({ name: 'x', nodes: [node] }))).toMatch(/nested too deeply \(at most 8 levels\)/);
    const many = { type: 'repeat', times: 200, children: [{ type: 'repeat', times: 200, children: [workStep] }] };
    expect(errorOf(full({ name: 'x', nodes: [many] }))).toMatch(/40,000 steps.*at most 10,000/);
  });

  it('times bars without tempo at the slowest tempo, so an accepted workout flattens at any default tempo', () => {
    const bars = { ...workStep, duration: { unit: 'bars', value: 1000 } };
    const ten = { type: 'repeat', times: 11, children: [bars] }; // 11 × 8000 s at 30 BPM
    expect(errorOf(full({ name: 'x', nodes: [ten] }))).toBe('w.json: would last 24.4 hours (at most 24 hours)');
    const r = parse(full({ name: 'x', nodes: [{ ...ten, times: 2 }] }));
    if (!r.ok) throw new Error(r.error);
    expect(flattenWorkout(r.workout, { defaultBpm: 30 })).toHaveLength(2);
  });

  it('keeps __proto__, constructor and prototype keys out of every object', () => {
    const text = '{"format":"montage-workout","version":1,"__proto__":{"polluted":1},"workout":{"name":"P","constructor":{"prototype":{"polluted":1}},'
      + '"nodes":[{"type":"step","kind":"work","duration":{"unit":"seconds","value":30,"__proto__":{"polluted":1}},"__proto__":{"polluted":1}}]}}';
    const r = parse(text);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(Object.getPrototypeOf(r.workout.nodes[0])).toBe(Object.prototype);
  });
});

describe('parseWorkoutJson: the compact hand-written format', () => {
  it('reads steps, bars, tempo and repeats', () => {
    const text = JSON.stringify({ version: 1, name: 'Hand', steps: [
      { kind: 'warmup', seconds: 300 },
      { repeat: 4, steps: [{ kind: 'work', name: 'Sprint', bars: 8, targetBpm: { min: 170, max: 180, halfDouble: true } }, { kind: 'recover', seconds: 60, targetBpm: 150 }] },
    ] });
    const r = parse(text);
    if (!r.ok) throw new Error(r.error);
    const w: Workout = r.workout;
    expect(w.name).toBe('Hand');
    expect(w.nodes[1]).toMatchObject({ type: 'repeat', times: 4, children: [
      { name: 'Sprint', duration: { unit: 'bars', value: 8 }, tempo: { minBpm: 170, maxBpm: 180, allowHalfDouble: true } },
      { name: 'Recover', tempo: { minBpm: 150, maxBpm: 150, allowHalfDouble: false } },
    ] });
  });
});
