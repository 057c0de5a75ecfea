/**
 * When the voice nudges a runner back into a step's heart-rate zone ("Ease off." above it, "Pick it up." below),
 * pure. A nudge is due once the rate has stayed out of the zone for a settle time (a strap's rate swings for a few
 * seconds), not in the first part of a step (the heart takes half a minute to follow a change of effort), and not
 * sooner than the user's interval after the last one. It is said on the music's next downbeat, unless a step change
 * comes first: that change has words of its own. Time is passed in, seconds on the workout clock.
 */
import type { Seconds } from './units';
import type { ZoneStatus } from './heart-rate';
import { nextDownbeatAtOrAfter, type BeatGrid } from './beat-grid';

/** What a nudge asks for: slower (the rate is above the zone) or harder (below it). */
export type NudgeKind = 'ease-off' | 'pick-it-up';

/** The words the voice says for each nudge. */
export const NUDGE_WORDS: Record<NudgeKind, string> = { 'ease-off': 'Ease off.', 'pick-it-up': 'Pick it up.' };

/** How long the zone status has held in the current step. `status` null: no reading, or no zone to compare with. */
export interface ZoneTrack {
  stepIndex: number;
  /** Where the step started on the workout clock, seconds. */
  stepStartSec: Seconds;
  status: ZoneStatus | null;
  /** Since when `status` has held, seconds on the workout clock. */
  sinceSec: Seconds;
}

/** The nudge policy's settings. */
export interface NudgeOptions {
  /** Shortest time between two nudges, seconds. */
  intervalSec: Seconds;
  /** How long the rate must stay out of the zone before a nudge, seconds. */
  settleSec?: Seconds;
  /** No nudge this soon after a step starts, seconds (the heart rate lags the effort). */
  stepGraceSec?: Seconds;
  /** No nudge this close before the next step change, seconds (its announcement comes then). */
  cueGapSec?: Seconds;
}

/** A nudge to say: which, and when (seconds on the workout clock: a downbeat where music plays). */
export interface PlannedNudge {
  kind: NudgeKind;
  atSec: Seconds;
  text: string;
}

const DEFAULTS = { settleSec: 10, stepGraceSec: 30, cueGapSec: 3 };

/** Returns the track after a reading at `atSec`: restarted on a new step or a changed status, else unchanged. */
export function trackZone(track: ZoneTrack | null, stepIndex: number, stepStartSec: Seconds, status: ZoneStatus | null, atSec: Seconds): ZoneTrack {
  if (track && track.stepIndex === stepIndex && track.status === status) return track;
  return { stepIndex, stepStartSec, status, sinceSec: atSec };
}

/** Returns the nudge due at `nowSec` by the track and the last nudge's time (null: none yet), or null when none is due. */
export function nudgeDue(track: ZoneTrack | null, nowSec: Seconds, lastNudgeSec: Seconds | null, options: NudgeOptions): NudgeKind | null {
  const o = { ...DEFAULTS, ...options };
  if (!track || track.status === null || track.status === 'in') return null;
  if (nowSec - track.sinceSec < o.settleSec - 1e-9) return null;
  if (nowSec - track.stepStartSec < o.stepGraceSec - 1e-9) return null;
  if (lastNudgeSec !== null && nowSec - lastNudgeSec < o.intervalSec - 1e-9) return null;
  return track.status === 'above' ? 'ease-off' : 'pick-it-up';
}

/**
 * Returns the nudge to say for the track at `nowSec`, placed on the next downbeat of `grid` (at `nowSec` when no music
 * plays), or null when none is due or the next step change (`nextChangeSec`) would come within the cue gap of it.
 */
export function planNudge(
  track: ZoneTrack | null, nowSec: Seconds, lastNudgeSec: Seconds | null, grid: BeatGrid | null, nextChangeSec: Seconds, options: NudgeOptions,
): PlannedNudge | null {
  const kind = nudgeDue(track, nowSec, lastNudgeSec, options);
  if (!kind) return null;
  const atSec = grid ? nextDownbeatAtOrAfter(grid, nowSec) : nowSec;
  if (atSec > nextChangeSec - (options.cueGapSec ?? DEFAULTS.cueGapSec)) return null;
  return { kind, atSec, text: NUDGE_WORDS[kind] };
}
