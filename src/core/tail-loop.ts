/**
 * A track that runs out before its segment ends repeats its last whole bar for the rest of it. The planner lets
 * a track play on to the end of its step rather than leave a sliver for another track (music-plan.ts), moves
 * track changes onto downbeats and plays the last track on through the finish (program.ts): each may ask for up
 * to a couple of seconds more than the track has. Without this they would play as silence; with it the music
 * goes on, on its beat, and the grid the cues follow stays true (a whole bar repeats). Pure: numbers in, numbers out.
 */
import { beatsBetween, type BeatGrid } from './beat-grid';
import { trackSecAt, type MappedSegment } from './tempo-map';
import type { Seconds } from './units';

/** The stretch of a track, in track seconds, that repeats from its end on: `startSec` up to `endSec`, again and again. */
export interface TailLoop {
  startSec: Seconds;
  endSec: Seconds;
}

/**
 * How long past its end a segment must still have sound, seconds: the engine fades a track out over its crossfade
 * (50 ms) after the segment's end, and a decoded MP3 may be a few tens of milliseconds shorter than its tags say.
 */
export const TAIL_MARGIN_SEC = 0.1;
const EPS = 1e-6;

/**
 * Returns the last whole bar of the track that `segment` plays (track seconds, within its `audioSec` seconds of
 * audio) to repeat once the track runs out, or null when the track lasts the segment or has no two downbeats heard
 * in it. A loop (the demo) repeats by itself and needs none.
 */
export function tailLoopOf(segment: MappedSegment & { grid: BeatGrid; loop: boolean }, audioSec: Seconds): TailLoop | null {
  if (segment.loop) return null;
  const playsUntil = segment.endSec + TAIL_MARGIN_SEC;
  const usableSec = audioSec - TAIL_MARGIN_SEC / 2;
  if (trackSecAt(segment, playsUntil) <= usableSec + EPS) return null;
  const downbeats = beatsBetween(segment.grid, segment.startSec, playsUntil)
    .filter((b) => b.isDownbeat)
    .map((b) => trackSecAt(segment, b.timeSec))
    .filter((t) => t <= usableSec + EPS);
  if (downbeats.length < 2) return null;
  return { startSec: downbeats[downbeats.length - 2], endSec: downbeats[downbeats.length - 1] };
}

/** Returns where track second `trackSec` is heard with `loop`: past its end, at the same place in the repeated bar. */
export function loopedTrackSec(loop: TailLoop | null, trackSec: Seconds): Seconds {
  if (!loop || trackSec < loop.endSec - EPS) return trackSec;
  const length = loop.endSec - loop.startSec;
  return loop.startSec + ((trackSec - loop.startSec) % length);
}
