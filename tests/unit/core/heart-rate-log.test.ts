import { describe, expect, it } from 'vitest';
import { addHeartRate, emptyHeartRateLog, summarizeHeartRate, type HeartRateLog } from '../../../src/core/heart-rate-log';

// Three steps: 0–10 s, 10–20 s, 20–30 s.
const timing = { stepStarts: [0, 10, 20], endSec: 30 };
const feed = (readings: [number, number][], log: HeartRateLog = emptyHeartRateLog()) =>
  readings.reduce((l, [t, bpm]) => addHeartRate(l, timing, t, bpm), log);

describe('the heart-rate log', () => {
  it('averages over time, not over readings: each reading covers the time since the one before', () => {
    // 1 s at 100, then one reading 4 s later at 160: (100·1 + 160·4) / 5 = 148.
    const log = feed([[1, 100], [2, 100], [6, 160]]);
    expect(summarizeHeartRate(log, 3).steps[0]).toEqual({ avgBpm: 148, maxBpm: 160, samples: 3 });
  });

  it('splits the time between two readings across a step change', () => {
    const log = feed([[9, 120], [11, 140]]);
    const s = summarizeHeartRate(log, 3);
    // Step 0 has the 120 reading (the first: it covers no time) and the first second of the 140 one; step 1 gets the
    // second after 10 s. The maximum follows the time covered, so an average never exceeds its step's maximum.
    expect(s.steps[0]).toEqual({ avgBpm: 140, maxBpm: 140, samples: 1 });
    expect(s.steps[1]).toEqual({ avgBpm: 140, maxBpm: 140, samples: 1 });
    expect(s.steps[2]).toBeNull();
  });

  it('gives a step that lies wholly between two readings their time, with no reading of its own', () => {
    const log = [[9, 120], [11, 140]].reduce((l, [t, bpm]) => addHeartRate(l, { stepStarts: [0, 10, 10.5], endSec: 30 }, t, bpm), emptyHeartRateLog());
    expect(summarizeHeartRate(log, 3).steps[1]).toEqual({ avgBpm: 140, maxBpm: 140, samples: 0 });
  });

  it('leaves out the time of a gap longer than 5 s (a drop-out or a pause)', () => {
    const log = feed([[1, 100], [2, 100], [12, 180], [13, 150]]);
    const s = summarizeHeartRate(log, 3);
    expect(s.steps[0]).toEqual({ avgBpm: 100, maxBpm: 100, samples: 2 });
    // The 180 reading after the gap covers nothing; it still counts as the maximum.
    expect(s.steps[1]).toEqual({ avgBpm: 150, maxBpm: 180, samples: 2 });
  });

  it('sums the steps up for the whole workout, time-weighted', () => {
    const readings: [number, number][] = [];
    for (let t = 0; t < 30; t += 1) readings.push([t, t < 10 ? 100 : t < 20 ? 150 : 130]);
    const s = summarizeHeartRate(feed(readings), 3);
    // The reading at 10 s (150) covers 9–10 s: the last second of step 0. Likewise the one at 20 s ends step 1.
    expect(s.steps.map((x) => x?.avgBpm)).toEqual([Math.round((9 * 100 + 150) / 10), Math.round((9 * 150 + 130) / 10), 130]);
    expect(s.workout).toEqual({ avgBpm: Math.round((9 * 100 + 150 + 9 * 150 + 130 + 9 * 130) / 29), maxBpm: 150, samples: 30 });
  });

  it('ignores the count-in, the finish tail, readings out of order and values that are not a heart rate', () => {
    const log = feed([[-2, 90], [1, 100], [0.5, 200], [2, 0], [3, NaN], [2, 110], [31, 190]]);
    const s = summarizeHeartRate(log, 3);
    expect(s.steps[0]).toEqual({ avgBpm: 110, maxBpm: 110, samples: 2 });
    expect(s.workout?.maxBpm).toBe(110);
  });

  it('has a single reading’s value as its average, and no summary at all without readings', () => {
    expect(summarizeHeartRate(feed([[4, 133]]), 3).steps[0]).toEqual({ avgBpm: 133, maxBpm: 133, samples: 1 });
    expect(summarizeHeartRate(emptyHeartRateLog(), 3)).toEqual({ steps: [null, null, null], workout: null });
  });

  it('keeps sums, not readings: an hour of readings is still one record per step', () => {
    const readings: [number, number][] = [];
    for (let t = 0; t < 3600; t += 1) readings.push([t / 120, 140]);
    const log = feed(readings);
    expect(log.steps.length).toBeLessThanOrEqual(3);
    expect(JSON.stringify(log).length).toBeLessThan(500);
  });
});
