/**
 * Keeps the beats on the metrical grid of the faster pulse.
 * Method: in a metrical hierarchy every beat is also a beat of the level below (Lerdahl &
 * Jackendoff 1983; the same constraint as the meter model of Klapuri, Eronen & Astola 2006).
 * When the half-beat pulse is itself periodic, it is tracked too (the Ellis DP at half the
 * period), a straight grid is fitted to it, and if the beats lie off that grid by more than a
 * quarter of a half beat (the DP followed a syncopated accent such as a sixteenth anticipating
 * the bar), they are replaced by the every-other subset of the fast grid with the stronger onsets,
 * provided that subset keeps ¾ of their mean onset strength (else the fast grid is the one off).
 * Constant tempo only. Cost: one more DP pass at half the period, O(n × P / 2).
 * Known failures: when the half-beat pulse is itself syncopated or too weak to track, nothing
 * changes; the off-beat lock of beat-track (off-beats louder than beats) is not corrected.
 */
import { fitBeatGrid, gridBeats } from './beat-grid';
import { trackBeats } from './beat-track';
import { meanAtBeats } from './confidence';

/** The half-beat pulse counts as present above this ACF value at half the beat period. */
const MIN_HALF_ACF = 0.2;
/** Beats further than this fraction of a half beat from the fast grid are off it. */
const OFF_GRID = 0.25;
/** The aligned beats must keep this share of the tracked beats' mean onset strength. */
const MIN_KEPT_STRENGTH = 0.75;

/** Returns `beats` (frames), or the aligned subset of the half-beat grid when they sit between its beats. */
export function alignToHalfBeats(onsets: Float32Array, beats: number[], periodFrames: number, halfAcf: number, range: { from: number; to: number }): number[] {
  if (halfAcf < MIN_HALF_ACF || beats.length < 4) return beats;
  const fastPeriod = periodFrames / 2;
  const fast = fitBeatGrid(trackBeats(onsets, new Float32Array(onsets.length).fill(fastPeriod)), fastPeriod);
  if (!fast) return beats;
  if (Math.abs(circularOffset(beats, fast.phase, fast.period)) <= OFF_GRID) return beats;
  const from = range.from - fast.period;
  const even = gridBeats({ phase: fast.phase, period: 2 * fast.period }, from, range.to);
  const odd = gridBeats({ phase: fast.phase + fast.period, period: 2 * fast.period }, from, range.to);
  const aligned = meanAtBeats(onsets, even) >= meanAtBeats(onsets, odd) ? even : odd;
  // A fast grid that drifted off the music lands on weak frames: then the fast level is not trusted.
  return meanAtBeats(onsets, aligned) >= MIN_KEPT_STRENGTH * meanAtBeats(onsets, beats) ? aligned : beats;
}

/** Returns the mean position of `beats` relative to the grid `phase + k × period`, in periods (−0.5..0.5). */
function circularOffset(beats: number[], phase: number, period: number): number {
  let x = 0;
  let y = 0;
  for (const b of beats) {
    const angle = (2 * Math.PI * (b - phase)) / period;
    x += Math.cos(angle);
    y += Math.sin(angle);
  }
  return Math.atan2(y, x) / (2 * Math.PI);
}
