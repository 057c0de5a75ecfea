import { describe, it, expect } from 'vitest';
import {
  beatTimeAt, doubleTempo, halveTempo, isDownbeat, nudgeGrid, nudgeGridBeats, setBeatsPerBar, setTempo, shiftDownbeat, steadyGrid,
} from '../../../src/core/beat-grid';

// 120 BPM: beats every 0.5 s from 0.2 s, the one at 0.7 s.
const grid = steadyGrid(120, 0.2, 0.7, 4);

describe('grid corrections', () => {
  it('nudges beats and downbeats together by milliseconds', () => {
    const p = nudgeGrid(grid, 0.01);
    expect(p.firstBeatSec).toBeCloseTo(0.21, 9);
    expect(p.firstDownbeatSec).toBeCloseTo(0.71, 9);
    expect(nudgeGrid(grid, -0.01).firstBeatSec).toBeCloseTo(0.19, 9);
  });

  it('nudges by an eighth of a beat', () => {
    expect(nudgeGridBeats(grid, 1 / 8).firstBeatSec).toBeCloseTo(0.2 + 0.5 / 8, 9);
  });

  it('never moves the first beat before the start of the file: an equivalent grid a beat later', () => {
    const p = nudgeGrid(steadyGrid(120, 0.005, 0.005, 4), -0.01);
    expect(p.firstBeatSec).toBeCloseTo(0.495, 9);
    // The downbeat moved 10 ms earlier too: it is the first one at or after the first beat.
    expect(p.firstDownbeatSec).toBeCloseTo(1.995, 9);
  });

  it('moves the one by whole beats, staying on the beat grid', () => {
    expect(shiftDownbeat(grid, 1).firstDownbeatSec).toBeCloseTo(1.2, 9);
    expect(shiftDownbeat(grid, -1).firstDownbeatSec).toBeCloseTo(0.2, 9);
    // One beat before the first beat wraps to the same bar position a bar later.
    expect(shiftDownbeat(grid, -2).firstDownbeatSec).toBeCloseTo(1.7, 9);
  });

  it('sets beats per bar and keeps the downbeat', () => {
    const three = setBeatsPerBar(grid, 3);
    expect(three.beatsPerBar).toBe(3);
    expect(three.firstDownbeatSec).toBeCloseTo(0.7, 9);
  });

  it('changes the tempo keeping the first beat and a downbeat on the new grid', () => {
    const p = setTempo(grid, 60);
    expect(p.bpm).toBe(60);
    expect((p.firstDownbeatSec - grid.firstBeatSec) % 1).toBeCloseTo(0, 9);
    expect(setTempo(grid, 121.04).bpm).toBe(121);
  });

  it('halves and doubles a steady tempo; the one stays where it was', () => {
    const half = halveTempo(grid);
    expect(half.bpm).toBe(60);
    expect(isDownbeat(half, 0.7)).toBe(true);
    expect(half.firstBeatSec).toBeCloseTo(0.7, 9);
    const twice = doubleTempo(grid);
    expect(twice.bpm).toBe(240);
    expect(twice.firstBeatSec).toBeCloseTo(0.2, 9); // a beat 0.25 s earlier would lie before the file
    expect(isDownbeat(twice, 0.7)).toBe(true);
    expect(beatTimeAt(twice, 1)).toBeCloseTo(0.45, 9);
  });

  it('keeps the exact tempo through halve then double, and double then halve (171.3 stays 171.3)', () => {
    for (const bpm of [171.3, 85.65, 127.97, 93.1]) {
      const g = steadyGrid(bpm, 0.31, 0.31 + 2 * (60 / bpm), 4);
      expect(doubleTempo(halveTempo(g)).bpm).toBe(bpm);
      expect(halveTempo(doubleTempo(g)).bpm).toBe(bpm);
      // Halving then doubling keeps the one where it was.
      expect(isDownbeat(doubleTempo(halveTempo(g)), g.firstDownbeatSec)).toBe(true);
    }
  });
});
