/**
 * When the music should follow the runner's cadence: only once the cadence has settled (every reading of the
 * last few seconds within a small band) and differs enough from the tempo followed now, so the music never
 * re-syncs on every wobble of a stride. Pure: readings in, a tempo or null out.
 */
import type { Bpm, Seconds } from './units';

/** One cadence reading: steps per minute at a moment (seconds on any clock), null while none is found. */
export interface CadenceSample {
  tSec: Seconds;
  spm: number | null;
}

/** How long the cadence must hold before the music follows it, seconds. */
export const SETTLE_SEC = 3;
/** Readings over the settle time may spread this much around their median, as a fraction. */
const SETTLED_SPREAD = 0.02;
/** The music follows only a change larger than this, as a fraction of the tempo it follows now. */
const FOLLOW_STEP = 0.02;
/** Steps per minute the music follows: slower is walking or standing, faster is no running cadence. */
export const FOLLOW_RANGE_SPM = { min: 100, max: 230 } as const;

/** Returns the readings worth keeping at `nowSec` (the settle time, and a little more). */
export const recentCadence = (samples: readonly CadenceSample[], nowSec: Seconds): CadenceSample[] =>
  samples.filter((s) => s.tSec > nowSec - SETTLE_SEC - 2);

/**
 * Returns the tempo the music should follow now, rounded to a whole BPM: the settled cadence when it differs from
 * `followedBpm` by more than FOLLOW_STEP (or nothing is followed yet); null to keep the tempo as it is.
 */
export function cadenceToFollow(samples: readonly CadenceSample[], nowSec: Seconds, followedBpm: Bpm | null): Bpm | null {
  const recent = samples.filter((s) => s.tSec > nowSec - SETTLE_SEC + 1e-6 && s.tSec <= nowSec + 1e-6);
  // A reading a second: the whole settle time must be covered, with a rhythm in every reading.
  if (recent.length < SETTLE_SEC || recent.some((s) => s.spm === null)) return null;
  const spms = recent.map((s) => s.spm as number).sort((a, b) => a - b);
  const median = spms[spms.length >> 1];
  if (median < FOLLOW_RANGE_SPM.min || median > FOLLOW_RANGE_SPM.max) return null;
  if (spms[0] < median * (1 - SETTLED_SPREAD) || spms[spms.length - 1] > median * (1 + SETTLED_SPREAD)) return null;
  if (followedBpm !== null && Math.abs(median - followedBpm) <= followedBpm * FOLLOW_STEP) return null;
  return Math.round(median);
}
