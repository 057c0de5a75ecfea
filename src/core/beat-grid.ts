/** Beat-grid arithmetic over a constant-tempo `BeatGrid`, and half/double-time tempo matching. Pure: seconds in, seconds out. */
import type { BeatGrid } from './track';
import type { TempoTarget } from './workout';
import type { Bpm, Seconds } from './units';
import { beatSeconds } from './units';

/** A beat grid whose tempo is known and positive. */
export type TimedGrid = BeatGrid & { bpm: Bpm };

/** How a track's tempo can serve a target: rate to play it at, the octave it counts in, and what is still missing. */
export interface TempoFit {
  /** Playback rate, 1 = unchanged; within the allowed change. */
  playbackRate: number;
  /** The music counts as `bpm × playbackRate × octave` for the target: 2 for half-time music, 0.5 for double-time. */
  octave: 1 | 2 | 0.5;
  /** How far, in percent, the counted tempo still lies outside the target range; 0 = fits. */
  missPct: number;
}

// Times this close count as the same instant: grid arithmetic over an hour drifts by far less.
const EPS_SEC = 1e-6;
// Tempo ratios this close to the range count as inside it (rounding of min/bpm × bpm).
const EPS_RATIO = 1e-9;

/** Returns true when the grid has a usable tempo (bpm > 0). */
export const hasTempo = (grid: BeatGrid): grid is TimedGrid => grid.bpm !== null && grid.bpm > 0;

function periodSec(grid: BeatGrid): Seconds {
  if (!hasTempo(grid)) throw new RangeError('This beat grid has no tempo');
  return beatSeconds(grid.bpm);
}

/** Returns the length of one beat in seconds. Every grid function throws a RangeError for a grid without tempo. */
export const beatPeriodSec = (grid: BeatGrid): Seconds => periodSec(grid);

/** Returns the length of one bar in seconds. */
export const barSeconds = (grid: BeatGrid): Seconds => periodSec(grid) * grid.beatsPerBar;

/** Returns the time in seconds of beat `index` (0 = the first beat; negative indexes extrapolate backwards). */
export const beatTimeAt = (grid: BeatGrid, index: number): Seconds => grid.firstBeatSec + index * periodSec(grid);

/** Returns the index of the last beat at or before `tSec` (negative before the first beat). */
export const beatIndexAt = (grid: BeatGrid, tSec: Seconds): number =>
  Math.floor((tSec - grid.firstBeatSec + EPS_SEC) / periodSec(grid));

/** Returns the time of the first beat at or after `tSec`. */
export function nextBeatAtOrAfter(grid: BeatGrid, tSec: Seconds): Seconds {
  const p = periodSec(grid);
  return grid.firstBeatSec + Math.ceil((tSec - grid.firstBeatSec - EPS_SEC) / p) * p;
}

/** Returns the time of the last beat strictly before `tSec`. */
export function previousBeatBefore(grid: BeatGrid, tSec: Seconds): Seconds {
  const p = periodSec(grid);
  return grid.firstBeatSec + (Math.ceil((tSec - grid.firstBeatSec - EPS_SEC) / p) - 1) * p;
}

/** Returns the time of the beat nearest to `tSec` (the earlier one on a tie). */
export function nearestBeat(grid: BeatGrid, tSec: Seconds): Seconds {
  const p = periodSec(grid);
  return grid.firstBeatSec + Math.ceil((tSec - grid.firstBeatSec) / p - 0.5) * p;
}

/** Returns the time of the first downbeat at or after `tSec`. */
export function nextDownbeatAtOrAfter(grid: BeatGrid, tSec: Seconds): Seconds {
  const bar = barSeconds(grid);
  return grid.firstDownbeatSec + Math.ceil((tSec - grid.firstDownbeatSec - EPS_SEC) / bar) * bar;
}

/** Returns the time of the last downbeat at or before `tSec`. */
export function downbeatAtOrBefore(grid: BeatGrid, tSec: Seconds): Seconds {
  const bar = barSeconds(grid);
  return grid.firstDownbeatSec + Math.floor((tSec - grid.firstDownbeatSec + EPS_SEC) / bar) * bar;
}

/** Returns the time of the downbeat nearest to `tSec` (the earlier one on a tie). */
export function nearestDownbeat(grid: BeatGrid, tSec: Seconds): Seconds {
  const bar = barSeconds(grid);
  return grid.firstDownbeatSec + Math.ceil((tSec - grid.firstDownbeatSec) / bar - 0.5) * bar;
}

/** Returns true when `tSec` lies on a downbeat (within a microsecond). */
export const isDownbeat = (grid: BeatGrid, tSec: Seconds): boolean => Math.abs(nearestDownbeat(grid, tSec) - tSec) < EPS_SEC;

/**
 * Returns the grid as heard on another clock: the track plays from `trackOffsetSec` at `playbackRate`,
 * starting at `clockStartSec`. Beats land at `clockStartSec + (beat − trackOffsetSec) / playbackRate`.
 */
export function gridOnClock(grid: BeatGrid, trackOffsetSec: Seconds, playbackRate: number, clockStartSec: Seconds): BeatGrid {
  const place = (t: Seconds): Seconds => clockStartSec + (t - trackOffsetSec) / playbackRate;
  return {
    bpm: grid.bpm === null ? null : grid.bpm * playbackRate,
    firstBeatSec: place(grid.firstBeatSec),
    firstDownbeatSec: place(grid.firstDownbeatSec),
    beatsPerBar: grid.beatsPerBar,
  };
}

/** Returns the grid of the track played at `playbackRate` from its start: beats at position / rate, tempo × rate. */
export const scaleGrid = (grid: BeatGrid, playbackRate: number): BeatGrid => gridOnClock(grid, 0, playbackRate, 0);

/** How far outside a target range a tempo may lie and still fit unchanged (0.5 %). */
export const FIT_TOLERANCE_RATIO = 0.005;

// Ratio (≥ 1) by which `bpm` lies outside the target range; 1 inside.
function outsideRatio(bpm: Bpm, target: TempoTarget): number {
  if (bpm < target.minBpm) return target.minBpm / bpm;
  if (bpm > target.maxBpm) return bpm / target.maxBpm;
  return 1;
}

const octavesOf = (target: TempoTarget): readonly (1 | 2 | 0.5)[] => (target.allowHalfDouble ? [1, 2, 0.5] : [1]);

/**
 * Returns the best way to play `trackBpm` for `target` with a tempo change of at most `maxChangePct` percent:
 * the smallest miss first, then the smallest change, then the plain octave.
 */
export function fitTempo(trackBpm: Bpm, target: TempoTarget, maxChangePct: number): TempoFit {
  const maxChange = Math.max(0, maxChangePct) / 100;
  let best: TempoFit = { playbackRate: 1, octave: 1, missPct: Infinity };
  for (const octave of octavesOf(target)) {
    const counted = trackBpm * octave;
    // Within half a percent of the range counts as inside, unchanged: no one hears it, and analysed
    // tempi carry decimals (169.96 BPM is a 170 BPM track) that must not cost a tempo change.
    if (outsideRatio(counted, target) - 1 <= FIT_TOLERANCE_RATIO) {
      if (best.missPct > 0 || Math.abs(best.playbackRate - 1) > EPS_RATIO) best = { playbackRate: 1, octave, missPct: 0 };
      continue;
    }
    const wanted = Math.min(Math.max(1, target.minBpm / counted), target.maxBpm / counted);
    const rate = Math.min(Math.max(wanted, 1 - maxChange), 1 + maxChange);
    const ratio = outsideRatio(counted * rate, target);
    const missPct = ratio - 1 <= FIT_TOLERANCE_RATIO + EPS_RATIO ? 0 : (ratio - 1) * 100;
    const change = Math.abs(rate - 1);
    if (missPct < best.missPct || (missPct === best.missPct && change < Math.abs(best.playbackRate - 1) - EPS_RATIO)) {
      best = { playbackRate: change < EPS_RATIO ? 1 : rate, octave, missPct };
    }
  }
  return best;
}

/** Returns the octave reading of `trackBpm` closest to the target: 85 counts as 170 for 160–180 with half/double allowed. */
export const effectiveBpm = (trackBpm: Bpm, target: TempoTarget): Bpm => trackBpm * fitTempo(trackBpm, target, 0).octave;

/** Returns true when `trackBpm` (or, if allowed, its half or double) lies in the target range without a tempo change. */
export const fitsTempo = (trackBpm: Bpm, target: TempoTarget): boolean => fitTempo(trackBpm, target, 0).missPct === 0;

/** Returns the playback rate closest to 1 that brings `trackBpm` into the target within `maxChangePct` percent, or null. */
export function tempoRatioTo(trackBpm: Bpm, target: TempoTarget, maxChangePct: number): number | null {
  const fit = fitTempo(trackBpm, target, maxChangePct);
  return fit.missPct === 0 ? fit.playbackRate : null;
}
