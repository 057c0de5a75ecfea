/**
 * A heart-rate profile for the simulated strap: points in time with the rate there, ramped linearly between them,
 * and an optional stretch that repeats after the last point (an interval pattern). Pure: the simulated sensor asks
 * for the rate at the seconds it has been connected.
 */
import type { Bpm, Seconds } from './units';

/** One point of a profile: from `fromSec` (seconds since the start) the rate is `bpm`, ramping to the next point. */
export interface ProfilePoint {
  fromSec: Seconds;
  bpm: Bpm;
}

/**
 * A profile: points in rising time; after the last, the time goes back to `loopFromSec` (absent: the last rate holds).
 * A loop runs smoothly when its last point has the rate of the point at `loopFromSec`.
 */
export interface HeartRateProfile {
  points: readonly ProfilePoint[];
  loopFromSec?: Seconds;
}

/**
 * The simulated strap's default: a two-minute warm-up from 90 to 140 bpm, then a 30/30 pattern for ever, up to
 * 168 bpm in each work half and back down to 140 in each easy half.
 */
export const DEMO_HEART_RATE_PROFILE: HeartRateProfile = {
  points: [
    { fromSec: 0, bpm: 90 },
    { fromSec: 120, bpm: 140 },
    { fromSec: 150, bpm: 168 },
    { fromSec: 180, bpm: 140 },
  ],
  loopFromSec: 120,
};

/** Returns the rate of `profile` at `atSec` seconds since its start, whole bpm (the first rate before the first point). */
export function profileBpmAt(profile: HeartRateProfile, atSec: Seconds): Bpm {
  const pts = profile.points;
  if (pts.length === 0) return 0;
  const last = pts[pts.length - 1];
  let t = atSec;
  const loop = profile.loopFromSec;
  if (loop !== undefined && last.fromSec > loop && t > last.fromSec) t = loop + ((t - loop) % (last.fromSec - loop));
  if (t <= pts[0].fromSec) return Math.round(pts[0].bpm);
  for (let i = 1; i < pts.length; i += 1) {
    const a = pts[i - 1];
    const b = pts[i];
    if (t <= b.fromSec) return Math.round(a.bpm + ((b.bpm - a.bpm) * (t - a.fromSec)) / Math.max(1e-9, b.fromSec - a.fromSec));
  }
  return Math.round(last.bpm);
}
