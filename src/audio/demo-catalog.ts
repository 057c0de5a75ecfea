/** The built-in demo tracks: their recipes and exact beat grids (no Tone.js here, so it loads with the first page). */
import { steadyGrid, type BeatGrid } from '../core/beat-grid';
import type { PoolTrack } from '../core/music-pool';

/** A demo track's recipe: tempo, key and a feel. */
export interface DemoTrackSpec {
  id: string;
  title: string;
  bpm: number;
  /** Root notes of the four chords, one per bar. */
  roots: string[];
  style: 'house' | 'drive' | 'dnb';
}

/** The three demo tracks, at clearly different tempi. */
export const DEMO_TRACKS: DemoTrackSpec[] = [
  { id: 'demo-128', title: 'Neon Warm-up', bpm: 128, roots: ['A2', 'F2', 'C3', 'G2'], style: 'house' },
  { id: 'demo-150', title: 'Midnight Stride', bpm: 150, roots: ['D2', 'A#1', 'F2', 'C2'], style: 'drive' },
  { id: 'demo-172', title: 'Final Round', bpm: 172, roots: ['E2', 'C2', 'G2', 'D2'], style: 'dnb' },
];

/** Bars in each demo loop. */
export const DEMO_LOOP_BARS = 8;

/** Returns the exact beat grid of a demo loop. */
export function demoGrid(spec: DemoTrackSpec): BeatGrid {
  return steadyGrid(spec.bpm, 0, 0, 4);
}

/** Returns the loop's length in seconds. */
export function demoLoopSeconds(spec: DemoTrackSpec): number {
  return (DEMO_LOOP_BARS * 4 * 60) / spec.bpm;
}

/** A demo track as the rest of the app sees it: a loop of `durationSec` the planner may repeat for ever. */
export type DemoTrackInfo = PoolTrack & { grid: BeatGrid; loop: true };

/** Returns the demo tracks, ready for the planner. */
export function demoTrackInfos(): DemoTrackInfo[] {
  return DEMO_TRACKS.map((spec) => ({
    id: spec.id, title: spec.title, artist: 'Montage demo', durationSec: demoLoopSeconds(spec), grid: demoGrid(spec), status: 'ready', loop: true,
  }));
}
