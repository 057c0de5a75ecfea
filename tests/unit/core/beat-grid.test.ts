import { describe, expect, it } from 'vitest';
import {
  barSeconds, beatIndexAt, beatTimeAt, downbeatAtOrBefore, gridOnClock, isDownbeat, nearestBeat, nearestDownbeat,
  nextBeatAtOrAfter, nextDownbeatAtOrAfter, previousBeatBefore, steadyGrid,
} from '../../../src/core/beat-grid';

// 120 BPM: a beat every 0.5 s from 0.25 s; bars of 4 beats from 0.75 s (so downbeats at 0.75, 2.75, 4.75...).
const grid = steadyGrid(120, 0.25, 0.75, 4);

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

  it('moves the grid onto the music clock for a playback rate and start offset', () => {
    const slow = gridOnClock(grid, 0, 0.95, 0);
    expect(slow.bpm).toBeCloseTo(114, 12);
    expect(beatTimeAt(slow, 4)).toBeCloseTo(beatTimeAt(grid, 4) / 0.95, 12);
    // Played from the downbeat at 2.75 s, starting at 100 s on the workout clock, 5 % fast.
    const placed = gridOnClock(grid, 2.75, 1.05, 100);
    expect(isDownbeat(placed, 100)).toBe(true);
    expect(nextDownbeatAtOrAfter(placed, 100.1)).toBeCloseTo(100 + 2 / 1.05, 12);
  });
});

