import { describe, expect, it } from 'vitest';
import {
  barSeconds, beatIndexAt, beatTimeAt, downbeatAtOrBefore, effectiveBpm, fitTempo, fitsTempo, gridOnClock, hasTempo,
  isDownbeat, nearestBeat, nearestDownbeat, nextBeatAtOrAfter, nextDownbeatAtOrAfter, previousBeatBefore, scaleGrid, tempoRatioTo,
} from '../../../src/core/beat-grid';
import type { BeatGrid } from '../../../src/core/track';
import type { TempoTarget } from '../../../src/core/workout';

// 120 BPM: a beat every 0.5 s from 0.25 s; bars of 4 beats from 0.75 s (so downbeats at 0.75, 2.75, 4.75...).
const grid: BeatGrid = { bpm: 120, firstBeatSec: 0.25, firstDownbeatSec: 0.75, beatsPerBar: 4 };
const run: TempoTarget = { minBpm: 160, maxBpm: 180, allowHalfDouble: true };

describe('beat grid', () => {
  it('places beats and finds their indexes', () => {
    expect(beatTimeAt(grid, 0)).toBe(0.25);
    expect(beatTimeAt(grid, 10)).toBe(5.25);
    expect(beatTimeAt(grid, -1)).toBe(-0.25);
    expect(beatIndexAt(grid, 5.25)).toBe(10);
    expect(beatIndexAt(grid, 5.7)).toBe(10);
    expect(beatIndexAt(grid, 0.1)).toBe(-1);
    expect(barSeconds(grid)).toBe(2);
  });

  it('finds the next, previous and nearest beats and downbeats', () => {
    expect(nextBeatAtOrAfter(grid, 0.75)).toBe(0.75);
    expect(nextBeatAtOrAfter(grid, 0.76)).toBeCloseTo(1.25, 12);
    expect(previousBeatBefore(grid, 0.75)).toBeCloseTo(0.25, 12);
    expect(nearestBeat(grid, 1.1)).toBeCloseTo(1.25, 12);
    expect(nextDownbeatAtOrAfter(grid, 0.76)).toBeCloseTo(2.75, 12);
    expect(nextDownbeatAtOrAfter(grid, 2.75)).toBeCloseTo(2.75, 12);
    expect(downbeatAtOrBefore(grid, 2.7)).toBeCloseTo(0.75, 12);
    expect(nearestDownbeat(grid, 3.7)).toBeCloseTo(2.75, 12);
    expect(nearestDownbeat(grid, 3.8)).toBeCloseTo(4.75, 12);
    expect(nearestDownbeat(grid, 0)).toBeCloseTo(0.75, 12);
    expect(isDownbeat(grid, 6.75)).toBe(true);
    expect(isDownbeat(grid, 6.25)).toBe(false);
  });

  it('stays on the grid after an hour of beats', () => {
    const t = beatTimeAt(grid, 7200);
    expect(nextBeatAtOrAfter(grid, t)).toBeCloseTo(t, 9);
    expect(beatIndexAt(grid, t)).toBe(7200);
    expect(isDownbeat(grid, beatTimeAt(grid, 7201))).toBe(true);
  });

  it('refuses a grid without tempo', () => {
    const silent: BeatGrid = { ...grid, bpm: null };
    expect(hasTempo(silent)).toBe(false);
    expect(() => beatTimeAt(silent, 1)).toThrow(RangeError);
  });

  it('moves the grid onto the music clock for a playback rate and start offset', () => {
    const slow = scaleGrid(grid, 0.95);
    expect(slow.bpm).toBeCloseTo(114, 12);
    expect(beatTimeAt(slow, 4)).toBeCloseTo(beatTimeAt(grid, 4) / 0.95, 12);
    // Played from the downbeat at 2.75 s, starting at 100 s on the workout clock, 5 % fast.
    const placed = gridOnClock(grid, 2.75, 1.05, 100);
    expect(isDownbeat(placed, 100)).toBe(true);
    expect(nextDownbeatAtOrAfter(placed, 100.1)).toBeCloseTo(100 + 2 / 1.05, 12);
  });
});

describe('tempo matching', () => {
  it('counts half- and double-time music when allowed', () => {
    expect(effectiveBpm(85, run)).toBe(170);
    expect(effectiveBpm(340, run)).toBe(170);
    expect(effectiveBpm(170, run)).toBe(170);
    expect(effectiveBpm(85, { ...run, allowHalfDouble: false })).toBe(85);
    expect(effectiveBpm(100, run)).toBe(200);
    expect(fitsTempo(85, run)).toBe(true);
    expect(fitsTempo(85, { ...run, allowHalfDouble: false })).toBe(false);
    expect(fitsTempo(160, run)).toBe(true);
    expect(fitsTempo(181, run)).toBe(false);
  });

  it('finds the smallest tempo change within the limit', () => {
    expect(tempoRatioTo(170, run, 0)).toBe(1);
    expect(tempoRatioTo(150, run, 10)).toBeCloseTo(160 / 150, 12);
    expect(tempoRatioTo(150, run, 5)).toBeNull();
    expect(tempoRatioTo(190, run, 10)).toBeCloseTo(180 / 190, 12);
    expect(tempoRatioTo(78, run, 5)).toBeCloseTo(80 / 78, 12);
    expect(tempoRatioTo(78, { ...run, allowHalfDouble: false }, 5)).toBeNull();
  });

  it('says by how much the best reachable tempo still misses', () => {
    const fit = fitTempo(150, { minBpm: 170, maxBpm: 180, allowHalfDouble: false }, 5);
    expect(fit.playbackRate).toBeCloseTo(1.05, 12);
    expect(fit.missPct).toBeCloseTo((170 / 157.5 - 1) * 100, 9);
    expect(fitTempo(88, run, 0)).toEqual({ playbackRate: 1, octave: 2, missPct: 0 });
  });
});
