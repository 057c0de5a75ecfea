import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planMusic } from '../../../src/core/music-plan';
import { poolTrack } from '../../helpers/tracks';
import { range, timeline } from '../../helpers/timeline';

// A step without a target ("any music", a cool-down) spreads over the pool: every track plays before any plays
// again, and a track plays a third time only once every other has played twice.

const playCounts = (ids: readonly string[]): Map<string, number> => {
  const n = new Map<string, number>();
  for (const id of ids) n.set(id, (n.get(id) ?? 0) + 1);
  return n;
};

describe('planMusic for steps without a tempo target', () => {
  it('plays a long "any music" cool-down from the whole pool in turn, not one track again and again', () => {
    const steps = timeline([{ sec: 120, tempo: range(160, 170), name: 'Run' }, { sec: 900, tempo: null, name: 'Cool-down', kind: 'cooldown' }]);
    const pool = [poolTrack({ id: 'a', bpm: 165, durationSec: 130 }), poolTrack({ id: 'b', bpm: 120, durationSec: 100 }),
      poolTrack({ id: 'c', bpm: 128, durationSec: 90 }), poolTrack({ id: 'd', bpm: 100, durationSec: 80 })];
    const ids = planMusic(steps, pool, { maxTempoChangePct: 0 }).segments.map((s) => s.trackId);
    // Least recently played first: the pool in the order it first played, round and round.
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd', 'a', 'b']);
  });

  it('never plays a track more than once more than any other, for any equal-length pool and cool-down', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 5 }), fc.integer({ min: 60, max: 240 }), fc.integer({ min: 30, max: 1500 }), fc.integer({ min: 60, max: 180 }),
      (count, trackSec, coolSec, bpm0) => {
        // Same tempo and length, so no track covers more than another: only the spread decides.
        const pool = Array.from({ length: count }, (_, i) => poolTrack({ id: `t${i}`, bpm: bpm0, durationSec: trackSec }));
        const steps = timeline([{ sec: 60, tempo: null }, { sec: coolSec, tempo: null, kind: 'cooldown' }]);
        const ids = planMusic(steps, pool, { maxTempoChangePct: 0, searchBudget: 1e5 }).segments.map((s) => s.trackId);
        const counts = [...playCounts(ids).values()];
        const unused = count - counts.length;
        expect(Math.max(...counts) - (unused > 0 ? 0 : Math.min(...counts))).toBeLessThanOrEqual(1);
        for (let i = 1; i < ids.length; i += 1) if (count > 1) expect(ids[i], `segment ${i}`).not.toBe(ids[i - 1]);
      },
    ), { numRuns: 150 });
  });

  it('keeps the fitting tracks for the steps with a target and fills the free step with the others first', () => {
    const steps = timeline([{ sec: 200, tempo: range(160, 170) }, { sec: 400, tempo: null }, { sec: 200, tempo: range(160, 170) }]);
    const pool = [poolTrack({ id: 'fast1', bpm: 165, durationSec: 210 }), poolTrack({ id: 'fast2', bpm: 166, durationSec: 210 }),
      poolTrack({ id: 'slow1', bpm: 110, durationSec: 150 }), poolTrack({ id: 'slow2', bpm: 112, durationSec: 150 }), poolTrack({ id: 'slow3', bpm: 115, durationSec: 150 })];
    const plan = planMusic(steps, pool, { maxTempoChangePct: 0 });
    expect(plan.segments.some((s) => s.isRepeat)).toBe(false);
    expect(plan.warnings).toEqual([]);
  });
});
