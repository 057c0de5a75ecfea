/** Test data: tracks and pool entries written with flat grid fields (as people think of them), built into real grids. */
import { steadyGrid } from '../../src/core/beat-grid';
import type { PoolTrack } from '../../src/core/music-pool';

/** A track's grid as flat fields: `bpm` null for no beat. */
export interface FlatFields {
  bpm?: number | null;
  firstBeatSec?: number;
  firstDownbeatSec?: number;
  beatsPerBar?: number;
}

/** Returns the grid of flat fields (defaults: 120 BPM, first beat and downbeat at 0, 4/4), or null for `bpm: null`. */
export function gridOf(f: FlatFields) {
  const bpm = f.bpm === undefined ? 120 : f.bpm;
  if (bpm === null) return null;
  const first = f.firstBeatSec ?? 0;
  return steadyGrid(bpm, first, f.firstDownbeatSec ?? first, f.beatsPerBar ?? 4);
}

/** Returns a pool track; flat grid fields become its grid, the rest overrides the defaults. */
export function poolTrack(spec: FlatFields & Partial<Omit<PoolTrack, 'grid'>> & { id: string }): PoolTrack {
  const { bpm, firstBeatSec, firstDownbeatSec, beatsPerBar, ...rest } = spec;
  return { title: `Title ${spec.id}`, artist: 'A', durationSec: 180, status: 'ready', ...rest, grid: gridOf({ bpm, firstBeatSec, firstDownbeatSec, beatsPerBar }) };
}
