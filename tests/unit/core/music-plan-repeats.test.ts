import { describe, it, expect } from 'vitest';
import { poolTrack } from '../../helpers/tracks';
import { planMusic } from '../../../src/core/music-plan';
import { flattenWorkout } from '../../../src/core/workout-timeline';
import { demo3030Template } from '../../../src/core/workout-templates';

const loops = [128, 150, 172].map((bpm) => poolTrack({ id: `loop-${bpm}`, title: `Loop ${bpm}`, artist: 'demo', durationSec: 86_400, bpm }));

describe('planMusic with a pool of loops', () => {
  it('reports repeats as problems unless the pool is meant to repeat', () => {
    const steps = flattenWorkout(demo3030Template());
    const plain = planMusic(steps, loops, { maxTempoChangePct: 0 });
    const demo = planMusic(steps, loops, { maxTempoChangePct: 0, expectRepeats: true });
    expect(plain.warnings.some((w) => w.includes('plays again'))).toBe(true);
    expect(demo.warnings.some((w) => w.includes('plays again'))).toBe(false);
    // The real gap is still reported, and the music itself is the same.
    expect(demo.warnings).toEqual(['Step 14 "Cool-down": no tracks between 100 and 120 BPM: closest is 128']);
    expect(demo.segments.map((s) => s.trackId)).toEqual(plain.segments.map((s) => s.trackId));
  });
});
