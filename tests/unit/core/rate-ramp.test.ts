import { describe, expect, it } from 'vitest';
import { clockSecOf, rampPoints, trackSecAt, type RateRamp } from '../../../src/core/rate-ramp';

// A bar of 4 beats at 120 BPM (2 s) from 0.95× to 1.05×, starting 10 s into the clock, 30 s into the track.
const ramp: RateRamp = { startSec: 10, trackSec: 30, fromRate: 0.95, toRate: 1.05, rampSec: 2 };

/** Returns the track position the piecewise map plays at `atSec` (what the stretcher does with the points). */
function mapped(points: ReturnType<typeof rampPoints>, atSec: number): number {
  const p = [...points].reverse().find((q) => q.atSec <= atSec) ?? points[0];
  return p.trackSec + (atSec - p.atSec) * p.rate;
}

describe('rate ramp', () => {
  it('moves the track at the old rate before, the mean rate through and the new rate after the bar', () => {
    expect(trackSecAt(ramp, 9)).toBeCloseTo(30 - 0.95, 12);
    expect(trackSecAt(ramp, 12)).toBeCloseTo(30 + 2, 12); // mean rate 1 over the 2 s bar
    expect(trackSecAt(ramp, 14)).toBeCloseTo(32 + 2 * 1.05, 12);
  });

  it('finds when a track position plays, inverse of the position at a time', () => {
    for (const at of [8, 10, 10.3, 11, 11.999, 12, 13.5]) expect(clockSecOf(ramp, trackSecAt(ramp, at))).toBeCloseTo(at, 9);
    const flat = { ...ramp, toRate: 0.95 };
    expect(clockSecOf(flat, 30 + 0.95)).toBeCloseTo(11, 12);
  });

  it('gives a map whose beats play within 0.1 ms of the ramp, exact at its points, in time order', () => {
    const points = rampPoints(ramp);
    expect(points).toHaveLength(17);
    for (let i = 1; i < points.length; i++) expect(points[i].atSec).toBeGreaterThan(points[i - 1].atSec);
    for (const p of points) expect(p.trackSec).toBeCloseTo(trackSecAt(ramp, p.atSec), 12);
    expect(points.at(-1)!.rate).toBe(1.05);
    // Every beat of the track (at 120 BPM in track time) through the bar and after it.
    for (let beat = 30; beat < 36; beat += 0.5) {
      const planned = clockSecOf(ramp, beat);
      let played = planned;
      // The clock time at which the piecewise map reaches the beat, by bisection.
      let lo = planned - 0.01;
      let hi = planned + 0.01;
      for (let i = 0; i < 60; i++) {
        played = (lo + hi) / 2;
        if (mapped(points, played) < beat) lo = played;
        else hi = played;
      }
      expect(Math.abs(played - planned) * 1000).toBeLessThan(0.1);
    }
  });
});
