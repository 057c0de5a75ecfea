/** Text formatting for the screens. */
import type { StepKind } from '../core/workout';

/** Returns "m:ss" (or "h:mm:ss") for a duration in seconds, rounded up so 0:01 shows until the end. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds - 1e-6));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** How sure the beat grid is, in words: "set by you" once the user has tapped or corrected it, else the analysis' confidence. */
export const beatConfidenceText = (track: { corrected: boolean; confidence: number }): string =>
  track.corrected ? 'set by you' : `${Math.round(track.confidence * 100)} %`;

/** Returns "m:ss.s" for a time on the workout clock, to the tenth of a second (negative in the count-in). */
export function formatClockTenths(seconds: number): string {
  const sign = seconds < -0.05 ? '−' : '';
  const tenths = Math.round(Math.abs(seconds) * 10);
  const m = Math.floor(tenths / 600);
  const s = (tenths % 600) / 10;
  return `${sign}${m}:${s.toFixed(1).padStart(4, '0')}`;
}

/** Returns the label of a step kind. */
export function kindLabel(kind: StepKind): string {
  return { warmup: 'Warm-up', work: 'Work', recover: 'Recover', rest: 'Rest', cooldown: 'Cool-down' }[kind];
}

// Letters and digits only, lower case: "Warm-up", "warmup" and "Warm up" read the same.
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Returns true when a step's name only repeats its kind's label ("Warm-up" for a warm-up), so the screen says it once. */
export const nameRepeatsKind = (kind: StepKind, name: string): boolean => squash(name) === squash(kindLabel(kind));

/** Returns a heart-rate range in words: "150–160 bpm", "under 145 bpm" (no floor) or "170 bpm and up" (no ceiling). */
export function heartRateRangeText(range: { min: number; max: number }): string {
  if (range.min <= 0) return `under ${range.max + 1} bpm`;
  if (!Number.isFinite(range.max)) return `${range.min} bpm and up`;
  return `${range.min}–${range.max} bpm`;
}

/** Returns a heart-rate summary in words: "142 avg · 171 max bpm", or "—" without one. */
export const heartRateSummaryText = (hr: { avgBpm: number; maxBpm: number } | null): string =>
  hr ? `${hr.avgBpm} avg · ${hr.maxBpm} max bpm` : '—';
