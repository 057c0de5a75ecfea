import { describe, it, expect } from 'vitest';
import {
  beatGridFromAnalysis, beatPhaseAt, beatPosition, beatsBetween, beatTimeAt, doubleTempo, downbeatAtOrBefore, gridOnClock, halveTempo,
  isDownbeat, nearestBeat, nearestDownbeat, nextBeatAtOrAfter, nextDownbeatAtOrAfter, nudgeGrid, previousBeatBefore, shiftDownbeat,
} from '../../../src/core/beat-grid';

// A track speeding up from 100 to about 130 BPM: beat intervals shrink by 3 ms each.
const beats: number[] = [];
for (let t = 0.3, gap = 0.6; beats.length < 80; t += gap, gap -= 0.0018) beats.push(Math.round(t * 1e6) / 1e6);
const analysis = { bpm: 114, beats, firstBeat: beats[0], firstDownbeat: beats[1], beatsPerBar: 4, constantTempo: false };
const grid = beatGridFromAnalysis(analysis)!;

describe('a beat grid that follows the beats of a moving tempo', () => {
  it('is built from the analysis with its beat list; a steady analysis gives a steady grid', () => {
    expect(grid.beats).toHaveLength(80);
    expect(grid.firstBeatSec).toBe(beats[0]);
    expect(grid.firstDownbeatSec).toBe(beats[1]);
    expect(beatGridFromAnalysis({ ...analysis, constantTempo: true })!.beats).toBeNull();
    expect(beatGridFromAnalysis({ ...analysis, bpm: null })).toBeNull();
  });

  it('places every beat on its listed time and finds beats between them', () => {
    for (const k of [0, 1, 17, 79]) expect(beatTimeAt(grid, k)).toBe(beats[k]);
    expect(beatPosition(grid, (beats[10] + beats[11]) / 2)).toBeCloseTo(10.5, 9);
    expect(nextBeatAtOrAfter(grid, beats[10] + 0.001)).toBe(beats[11]);
    expect(nextBeatAtOrAfter(grid, beats[10])).toBe(beats[10]);
    expect(previousBeatBefore(grid, beats[10])).toBe(beats[9]);
    expect(nearestBeat(grid, beats[30] + 0.1)).toBe(beats[30]);
  });

  it('counts bars from the one: every fourth beat from beat 1', () => {
    expect(isDownbeat(grid, beats[5])).toBe(true);
    expect(isDownbeat(grid, beats[6])).toBe(false);
    expect(nextDownbeatAtOrAfter(grid, beats[6])).toBe(beats[9]);
    expect(downbeatAtOrBefore(grid, beats[8])).toBe(beats[5]);
    expect(nearestDownbeat(grid, beats[7] + 0.01)).toBe(beats[9]);
    expect(beatsBetween(grid, beats[4], beats[10]).map((b) => b.isDownbeat)).toEqual([false, true, false, false, false, true]);
  });

  it('goes on at the last interval past the list, and at the first before it', () => {
    const lastGap = beats[79] - beats[78];
    expect(beatTimeAt(grid, 81)).toBeCloseTo(beats[79] + 2 * lastGap, 9);
    expect(beatTimeAt(grid, -1)).toBeCloseTo(beats[0] - (beats[1] - beats[0]), 9);
  });

  it('keeps every beat when moved onto the workout clock at another rate', () => {
    const placed = gridOnClock(grid, beats[1], 1.05, 100);
    expect(placed.bpm).toBeCloseTo(114 * 1.05, 9);
    expect(beatTimeAt(placed, 40)).toBeCloseTo(100 + (beats[40] - beats[1]) / 1.05, 9);
    expect(isDownbeat(placed, 100)).toBe(true);
    expect(beatPhaseAt(placed, beatTimeAt(placed, 12))).toBeCloseTo(0, 9);
  });

  it('halves, doubles, nudges and moves the one on the listed beats', () => {
    const half = halveTempo(grid);
    expect(half.beats).toHaveLength(40);
    expect(isDownbeat(half, beats[1])).toBe(true);
    const twice = doubleTempo(grid);
    expect(twice.beats).toHaveLength(159);
    expect(beatTimeAt(twice, 1)).toBeCloseTo((beats[0] + beats[1]) / 2, 9);
    expect(isDownbeat(twice, beats[1])).toBe(true);
    const later = nudgeGrid(grid, 0.01);
    expect(beatTimeAt(later, 50)).toBeCloseTo(beats[50] + 0.01, 9);
    const early = nudgeGrid(grid, -0.31);
    expect(early.firstBeatSec).toBeCloseTo(beats[1] - 0.31, 9);
    expect(early.firstDownbeatSec).toBeCloseTo(beats[1] - 0.31, 9);
    expect(shiftDownbeat(grid, 1).firstDownbeatSec).toBe(beats[2]);
  });
});
