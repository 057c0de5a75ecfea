/** Hand corrections of a track's beat grid, as the patches `correctTrack` saves. Pure: grid in, patch out (seconds). */
import type { BeatGrid } from '../../core/track';

/** The grid fields a correction may change. */
export type GridPatch = Partial<Pick<BeatGrid, 'bpm' | 'firstBeatSec' | 'firstDownbeatSec' | 'beatsPerBar'>>;

const mod = (x: number, m: number) => ((x % m) + m) % m;
const round = (sec: number) => Math.round(sec * 1e6) / 1e6;

/** Returns the first downbeat at or after the first beat, so every stored grid names its downbeat the same way. */
function firstDownbeatFrom(firstBeatSec: number, downbeatSec: number, periodSec: number, beatsPerBar: number): number {
  const bar = periodSec * beatsPerBar;
  // The epsilon keeps a downbeat a rounding error away from a bar line on that bar line.
  return round(firstBeatSec + mod(downbeatSec - firstBeatSec + 1e-7, bar) - 1e-7);
}

/** Returns the grid shifted later by `deltaSec` (earlier when negative): beats and downbeats move together. */
export function nudgePhase(grid: BeatGrid, deltaSec: number): GridPatch {
  if (grid.bpm === null || grid.bpm <= 0) return {};
  const period = 60 / grid.bpm;
  let first = grid.firstBeatSec + deltaSec;
  // A beat cannot sit before the start of the file: the same grid one beat later is equivalent.
  while (first < 0) first += period;
  const down = grid.firstDownbeatSec + deltaSec;
  return { firstBeatSec: round(first), firstDownbeatSec: firstDownbeatFrom(first, down, period, grid.beatsPerBar) };
}

/** Returns the grid nudged by a fraction of a beat (1/8 = an eighth of a beat). */
export const nudgeBeats = (grid: BeatGrid, beats: number): GridPatch =>
  grid.bpm === null || grid.bpm <= 0 ? {} : nudgePhase(grid, (beats * 60) / grid.bpm);

/** Returns the grid whose "one" moves by whole `beats` (the beats themselves stay). */
export function shiftDownbeat(grid: BeatGrid, beats: number): GridPatch {
  if (grid.bpm === null || grid.bpm <= 0) return {};
  const period = 60 / grid.bpm;
  return { firstDownbeatSec: firstDownbeatFrom(grid.firstBeatSec, grid.firstDownbeatSec + Math.round(beats) * period, period, grid.beatsPerBar) };
}

/** Returns the grid with `beatsPerBar` beats in a bar, keeping its first downbeat. */
export function setBeatsPerBar(grid: BeatGrid, beatsPerBar: number): GridPatch {
  if (grid.bpm === null || grid.bpm <= 0) return { beatsPerBar };
  return { beatsPerBar, firstDownbeatSec: firstDownbeatFrom(grid.firstBeatSec, grid.firstDownbeatSec, 60 / grid.bpm, beatsPerBar) };
}

/** Returns the grid at a new tempo (rounded to 0.1 BPM), keeping the first beat and the downbeat on the nearest new beat. */
export function setTempo(grid: BeatGrid, bpm: number): GridPatch {
  const next = Math.round(bpm * 10) / 10;
  const period = 60 / next;
  const index = Math.max(0, Math.round((grid.firstDownbeatSec - grid.firstBeatSec) / period));
  return { bpm: next, firstDownbeatSec: firstDownbeatFrom(grid.firstBeatSec, grid.firstBeatSec + index * period, period, grid.beatsPerBar) };
}
