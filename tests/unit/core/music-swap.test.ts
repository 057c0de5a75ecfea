import { describe, expect, it } from 'vitest';
import { planMusic } from '../../../src/core/music-plan';
import { swapOptions } from '../../../src/core/music-swap';
import { flattenWorkout } from '../../../src/core/workout-timeline';
import type { Workout } from '../../../src/core/workout';
import { makeTrack } from '../storage/make-track';

const workout: Workout = {
  id: 'w', name: 'Two steps', updatedAt: 1,
  nodes: [
    { type: 'step', id: 'a', kind: 'warmup', name: 'Warm', duration: { unit: 'seconds', value: 60 }, intensity: 1, tempo: { minBpm: 120, maxBpm: 130, allowHalfDouble: false }, build: null, hr: null, voice: null },
    { type: 'step', id: 'b', kind: 'work', name: 'Run', duration: { unit: 'seconds', value: 60 }, intensity: 4, tempo: { minBpm: 170, maxBpm: 180, allowHalfDouble: true }, build: null, hr: null, voice: null },
  ],
};
const pool = [
  makeTrack({ id: 'w1', title: 'W1', bpm: 124 }),
  makeTrack({ id: 'w2', title: 'W2', bpm: 128 }),
  makeTrack({ id: 'w3', title: 'W3', bpm: 133 }),
  makeTrack({ id: 'r1', title: 'R1', bpm: 87 }),
  makeTrack({ id: 'r2', title: 'R2', bpm: 175 }),
  makeTrack({ id: 'x', title: 'Broken', bpm: null, status: 'failed' }),
];

describe('swap options', () => {
  it('offers the other tracks that fit the segment target, unchanged ones first', () => {
    const steps = flattenWorkout(workout);
    const plan = planMusic(steps, pool, { maxTempoChangePct: 0 });
    const first = plan.segments[0];
    expect(['w1', 'w2']).toContain(first.trackId);
    expect(swapOptions(first, steps, pool, 0).map((o) => o.track.id)).toEqual(['w1', 'w2'].filter((id) => id !== first.trackId));
    const options = swapOptions(first, steps, pool, 4);
    expect(options.map((o) => o.track.id)).toContain('w3');
    expect(options[options.length - 1].changePct).toBeGreaterThan(0);
    const run = plan.segments.find((s) => s.stepIndexes.includes(1))!;
    expect(swapOptions(run, steps, pool, 0).map((o) => o.track.id)).toEqual([run.trackId === 'r1' ? 'r2' : 'r1']);
  });

  it('makes a swapped track a lock that the planner keeps', () => {
    const steps = flattenWorkout(workout);
    const plan = planMusic(steps, pool, { maxTempoChangePct: 0, lockedTrackIds: { 0: 'w2' } });
    expect(plan.segments[0].trackId).toBe('w2');
  });
});
