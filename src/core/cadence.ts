/**
 * Running cadence: from taps (like a tap-tempo) or from a pace, to steps per minute and the music tempo range
 * that matches it. Times are passed in, so everything is testable with plain numbers.
 */
import type { SmartRules } from './playlist';
import type { Bpm } from './units';

/** Taps used for the average: the last few, so a change of rhythm shows quickly. */
export const TAPS_AVERAGED = 8;
/** A pause longer than this between taps starts a new count, milliseconds. */
export const TAP_RESET_MS = 2000;
/** Music within this many percent of the cadence suits it. */
export const CADENCE_TOLERANCE_PCT = 3;

/** Returns the tap times that belong to the current count: those after the last pause longer than TAP_RESET_MS. */
export function currentTaps(tapTimesMs: readonly number[]): number[] {
  let from = 0;
  for (let i = 1; i < tapTimesMs.length; i += 1) if (tapTimesMs[i] - tapTimesMs[i - 1] > TAP_RESET_MS) from = i;
  return tapTimesMs.slice(from);
}

/** Returns the cadence in steps per minute from tap times (ms), averaging the last TAPS_AVERAGED taps; null under two taps. */
export function cadenceFromTaps(tapTimesMs: readonly number[]): number | null {
  const taps = currentTaps(tapTimesMs).slice(-TAPS_AVERAGED);
  if (taps.length < 2) return null;
  const meanGapMs = (taps[taps.length - 1] - taps[0]) / (taps.length - 1);
  return meanGapMs > 0 ? 60_000 / meanGapMs : null;
}

/** Returns "m:ss" (min per km) as seconds per km; null when it is not a pace from 2:00 to 15:00. */
export function parsePace(text: string): number | null {
  const m = /^\s*(\d{1,2})(?::([0-5]?\d))?\s*$/.exec(text);
  if (!m) return null;
  const sec = Number(m[1]) * 60 + Number(m[2] ?? 0);
  return sec >= 120 && sec <= 900 ? sec : null;
}

/**
 * Returns the estimated running cadence (steps/min) at a pace of `secPerKm`.
 * Model: cadence = 135 + 3 × speed in km/h, clamped to 150..200 — about 165 at 6:00/km, 180 at 4:00/km,
 * the middle of the cadences reported for recreational runners (cadence rises roughly linearly with speed).
 */
export function paceToCadence(secPerKm: number): number {
  const kmh = 3600 / secPerKm;
  return Math.min(200, Math.max(150, 135 + 3 * kmh));
}

/** Returns the music tempo range for a cadence: ±CADENCE_TOLERANCE_PCT percent, rounded to 0.1 BPM. */
export function cadenceBpmRange(cadenceSpm: number, tolerancePct = CADENCE_TOLERANCE_PCT): { minBpm: Bpm; maxBpm: Bpm } {
  const round = (x: number) => Math.round(x * 10) / 10;
  return { minBpm: round(cadenceSpm * (1 - tolerancePct / 100)), maxBpm: round(cadenceSpm * (1 + tolerancePct / 100)) };
}

/** Returns smart-playlist rules for music that matches `cadenceSpm`, half-time music included (85 BPM for 170 spm). */
export function cadenceRules(cadenceSpm: number): SmartRules {
  const { minBpm, maxBpm } = cadenceBpmRange(cadenceSpm);
  return { bpmMin: minBpm, bpmMax: maxBpm, allowHalfDouble: true };
}
