/** Tempo matching: how a track's tempo can serve a step's target range, with half/double time and a bounded rate change. */
import type { TempoTarget } from './workout';
import type { Bpm } from './units';

/** How a track's tempo can serve a target: rate to play it at, the octave it counts in, and what is still missing. */
export interface TempoFit {
  /** Playback rate, 1 = unchanged; within the allowed change. */
  playbackRate: number;
  /** The music counts as `bpm × playbackRate × octave` for the target: 2 for half-time music, 0.5 for double-time. */
  octave: 1 | 2 | 0.5;
  /** How far, in percent, the counted tempo still lies outside the target range; 0 = fits. */
  missPct: number;
}

// Tempo ratios this close to the range count as inside it (rounding of min/bpm × bpm).
const EPS_RATIO = 1e-9;

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
