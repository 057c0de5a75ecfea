import { describe, it, expect } from 'vitest';
import { nudgePhase, nudgeBeats, shiftDownbeat, setBeatsPerBar, setTempo } from '../../../src/ui/library/grid-corrections';
import type { BeatGrid } from '../../../src/core/track';

const grid: BeatGrid = { bpm: 120, firstBeatSec: 0.2, firstDownbeatSec: 0.7, beatsPerBar: 4 };

describe('grid corrections', () => {
  it('nudges beats and downbeats together by milliseconds', () => {
    const p = nudgePhase(grid, 0.01);
    expect(p.firstBeatSec).toBeCloseTo(0.21, 9);
    expect(p.firstDownbeatSec).toBeCloseTo(0.71, 9);
    expect(nudgePhase(grid, -0.01).firstBeatSec).toBeCloseTo(0.19, 9);
  });

  it('nudges by an eighth of a beat', () => {
    expect(nudgeBeats(grid, 1 / 8).firstBeatSec).toBeCloseTo(0.2 + 0.5 / 8, 9);
  });

  it('never moves the first beat before the start of the file: an equivalent grid a beat later', () => {
    const p = nudgePhase({ ...grid, firstBeatSec: 0.005, firstDownbeatSec: 0.005 }, -0.01);
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
    expect(setBeatsPerBar(grid, 3)).toEqual({ beatsPerBar: 3, firstDownbeatSec: 0.7 });
  });

  it('changes the tempo keeping the first beat and a downbeat on the new grid', () => {
    const p = setTempo(grid, 60);
    expect(p.bpm).toBe(60);
    expect(((p.firstDownbeatSec! - grid.firstBeatSec) / 1) % 1).toBeCloseTo(0, 9);
    expect(setTempo(grid, 121.04).bpm).toBe(121);
  });
});
