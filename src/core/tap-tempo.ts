/** Tap tempo: the BPM a listener taps, from the median interval of the last taps (robust to one late or early tap). */
import type { Bpm } from './units';

/** Taps further apart than this start a new count, milliseconds. */
export const TAP_RESET_MS = 2000;
/** How many of the latest taps count. */
export const TAP_WINDOW = 8;

/** Returns the taps to keep after a tap at `nowMs`: the last TAP_WINDOW, or just this one after a pause of TAP_RESET_MS or more. */
export function addTap(tapsMs: readonly number[], nowMs: number): number[] {
  const last = tapsMs[tapsMs.length - 1];
  if (last === undefined || nowMs - last >= TAP_RESET_MS || nowMs <= last) return [nowMs];
  return [...tapsMs, nowMs].slice(-TAP_WINDOW);
}

/** Returns the tempo of the taps (ms timestamps, ascending) from their median interval, rounded to 0.1 BPM; null before 4 taps. */
export function tapBpm(tapsMs: readonly number[]): Bpm | null {
  const taps = tapsMs.slice(-TAP_WINDOW);
  if (taps.length < 4) return null;
  const intervals = taps.slice(1).map((t, i) => t - taps[i]).sort((a, b) => a - b);
  const mid = intervals.length >> 1;
  const median = intervals.length % 2 ? intervals[mid] : (intervals[mid - 1] + intervals[mid]) / 2;
  if (median <= 0) return null;
  return Math.round(600_000 / median) / 10;
}
