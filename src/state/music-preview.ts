/** The music plan of a workout as the player would build it, for the "Music plan" screen: same pool, pins and tempo rule. */
import type { TrackRecord } from '../core/track';
import type { TimelineStep, Workout } from '../core/workout';
import type { PoolTrack } from '../core/music-pool';
import { planMusic, type MusicPlan } from '../core/music-plan';
import { flattenWorkout } from '../core/workout-timeline';
import type { DemoTrackInfo } from '../audio/demo-catalog';

/** A planned workout: its steps, the plan, the tracks it drew from, and whether those are the demo loops. */
export interface MusicPreview {
  steps: TimelineStep[];
  plan: MusicPlan;
  pool: PoolTrack[];
  usesDemo: boolean;
  lockedTrackIds: Record<number, string>;
  maxTempoChangePct: number;
}

const DEMO_DURATION_SEC = 24 * 3600;

/** Returns the plan for `workout` from the chosen tracks, pins and tempo change; the demo loops when no chosen track is ready. */
export function previewMusic(
  workout: Workout,
  tracks: readonly TrackRecord[],
  choice: { lockedTrackIds: Record<number, string>; maxTempoChangePct: number },
  demoTracks: readonly DemoTrackInfo[],
): MusicPreview {
  const ready = tracks.filter((t) => t.status === 'ready' && t.bpm !== null);
  const usesDemo = ready.length === 0;
  const pool: PoolTrack[] = usesDemo
    ? demoTracks.map((d) => ({ id: d.id, title: d.title, artist: d.artist, durationSec: DEMO_DURATION_SEC, ...d.grid, confidence: 1, status: 'ready' }))
    : ready;
  const steps = flattenWorkout(workout);
  const locks = usesDemo ? {} : choice.lockedTrackIds;
  const plan = planMusic(steps, pool, { maxTempoChangePct: choice.maxTempoChangePct, lockedTrackIds: locks });
  return { steps, plan, pool, usesDemo, lockedTrackIds: locks, maxTempoChangePct: choice.maxTempoChangePct };
}
