/**
 * The one planner of a workout's program: which track plays when and at what rate, track changes moved onto
 * downbeats, the count-in, every cue with its final words, the end, and the warnings. The player, the Music
 * plan screen, offline rendering and the tests all call `planWorkout` (and `replanFrom` after a skipped
 * track); nothing else builds a plan. Pure: data in, data out.
 */
import type { TimelineStep, Workout } from './workout';
import type { Bpm, Seconds } from './units';
import { flattenWorkout } from './workout-timeline';
import { planMusic, type MusicSegment } from './music-plan';
import { MIN_SEGMENT_SEC, type PoolTrack } from './music-pool';
import { nearestDownbeat, shiftGrid } from './beat-grid';
import { buildCuePlan, type Cue, type CueOptions } from './cue-plan';
import { isBuild, rampUnderBuilds, splitBuilds } from './tempo-build';
import { rateAt } from './tempo-map';
import { tailLoopOf, type TailLoop } from './tail-loop';

/** One track playing for a stretch of the workout, as the engine plays it and the screen shows it. */
export interface ProgramSegment extends MusicSegment {
  title: string;
  artist: string;
  /** A short loop (the demo) that repeats for as long as the segment lasts. */
  loop: boolean;
  /** Length of the track's audio, seconds of track time (for a loop, of the loop; 0 when not known). */
  audioSec: Seconds;
  /** The track's last bar, repeated once it runs out before the segment ends (tail-loop.ts); null when it lasts. */
  tailLoop: TailLoop | null;
}

/** Everything a workout plays and shows, on the workout clock (seconds from the first step; the count-in is negative). */
export interface Program {
  workoutId: string;
  workoutName: string;
  steps: TimelineStep[];
  /** Start of each step after quantising onto the music (one per step). */
  stepStarts: Seconds[];
  /** When the finish cue sounds: the end of the last step. */
  endSec: Seconds;
  /** Length of the count-in before the first step, seconds (0 without countdown). */
  leadInSec: Seconds;
  /** The music, in playing order; the last segment plays on `FINISH_TAIL_SEC` past the end. */
  segments: ProgramSegment[];
  /** Every cue, sorted by time. */
  cues: Cue[];
  /** What the music planner could not do, in plain words. */
  warnings: string[];
  /** True when the built-in demo loops play (no analysed track in the music chosen). */
  usesDemo: boolean;
}

/** The music a workout may draw from. */
export interface MusicRequest {
  /** The user's tracks of the workout's music choice, in its order. */
  library: readonly PoolTrack[];
  /** The built-in loops, used when no library track can play. */
  demo: readonly PoolTrack[];
  /** Tracks pinned by the user, by segment index (ignored for the demo loops). */
  lockedTrackIds?: Record<number, string>;
  /** Most a track may be sped up or slowed down, percent. */
  maxTempoChangePct: number;
  /** Tracks not to play (skipped), unless nothing else is left. */
  excludeTrackIds?: readonly string[];
}

/** How long the music plays on after the finish cue, seconds. */
export const FINISH_TAIL_SEC = 2;

const EPS_SEC = 1e-6;

/** Returns the tracks to plan with: the playable library tracks not excluded, else the demo loops; and which it is. */
export function choosePool(music: MusicRequest): { pool: PoolTrack[]; usesDemo: boolean } {
  const keep = (t: PoolTrack) => !music.excludeTrackIds?.includes(t.id);
  const usable = music.library.filter((t) => t.status === 'ready' && t.grid !== null);
  const fresh = usable.filter(keep);
  if (usable.length > 0) return { pool: fresh.length > 0 ? fresh : usable, usesDemo: false };
  const demo = music.demo.filter(keep);
  return { pool: (demo.length > 0 ? demo : [...music.demo]).map((d) => ({ ...d, loop: true })), usesDemo: true };
}

/** Returns the program of `workout` with `music` and the cue settings: the single plan every consumer uses. */
export function planWorkout(workout: Workout, music: MusicRequest, settings: CueOptions): Program {
  const steps = flattenWorkout(workout);
  const { pool, usesDemo } = choosePool(music);
  const planned = planMusic(splitBuilds(steps), pool, {
    maxTempoChangePct: music.maxTempoChangePct,
    lockedTrackIds: usesDemo ? undefined : music.lockedTrackIds,
    expectRepeats: usesDemo,
  });
  const segments = alignTrackChanges(rampBuilds(planned.segments, steps, pool, music.maxTempoChangePct)).map((s) => withTrackInfo(s, pool));
  return finish(workout, steps, segments, [...new Set(planned.warnings)], usesDemo, settings);
}

/**
 * Returns `program` with other music from `atSec` on (skip track): everything before `atSec` stays as it
 * was — the music heard, the cues, the step starts — and the rest is planned again without `music.excludeTrackIds`.
 */
export function replanFrom(program: Program, workout: Workout, music: MusicRequest, settings: CueOptions, atSec: Seconds): Program {
  const rest = stepsFrom(program.steps, atSec);
  if (rest.length === 0 || atSec < 0) return program;
  const { pool, usesDemo } = choosePool(music);
  const planned = planMusic(splitBuilds(rest), pool, { maxTempoChangePct: music.maxTempoChangePct, expectRepeats: usesDemo });
  const kept = program.segments.filter((s) => s.startSec < atSec - EPS_SEC).map((s) => (s.endSec > atSec ? { ...s, endSec: atSec } : s));
  const added = alignTrackChanges(rampBuilds(planned.segments, program.steps, pool, music.maxTempoChangePct)).map((s) => withTrackInfo(s, pool));
  return spliceProgram(program, workout, settings, atSec, [...kept, ...added], planned.warnings);
}

/**
 * Returns `program` playing `segments` (the music before `atSec` as it was, then new music): the cues and step
 * starts before `atSec` stay as they were heard; after it they follow the new music.
 */
export function spliceProgram(program: Program, workout: Workout, settings: CueOptions, atSec: Seconds, segments: ProgramSegment[], warnings: readonly string[]): Program {
  const next = finish(workout, program.steps, segments, program.warnings, program.usesDemo, settings);
  return {
    ...next,
    stepStarts: next.stepStarts.map((t, k) => (program.stepStarts[k] < atSec - EPS_SEC ? program.stepStarts[k] : t)),
    cues: [...program.cues.filter((c) => c.timeSec < atSec - EPS_SEC), ...next.cues.filter((c) => c.timeSec >= atSec - EPS_SEC)],
    warnings: [...new Set([...program.warnings, ...warnings])],
  };
}

/** Returns the steps of `steps` still to play from `atSec`, the one playing then cut to start there. */
export const stepsFrom = (steps: readonly TimelineStep[], atSec: Seconds): TimelineStep[] => steps
  .filter((s) => s.startSec + s.durationSec > atSec + EPS_SEC)
  .map((s) => (s.startSec >= atSec ? s : { ...s, startSec: atSec, durationSec: s.startSec + s.durationSec - atSec }));

/** Returns a planned segment with the title, artist and loop flag of its track in `pool`. */
export function withTrackInfo(s: MusicSegment, pool: readonly PoolTrack[]): ProgramSegment {
  const track = pool.find((t) => t.id === s.trackId);
  return { ...s, title: track?.title ?? s.trackId, artist: track?.artist ?? '', loop: track?.loop ?? false, audioSec: track?.durationSec ?? 0, tailLoop: null };
}

/** Returns the end of step `k` (the start of the next, or the end of the workout). */
export const stepEndSec = (program: Pick<Program, 'stepStarts' | 'endSec'>, k: number): Seconds =>
  k + 1 < program.stepStarts.length ? program.stepStarts[k + 1] : program.endSec;

/** Returns the index of the segment playing at `positionSec`, or −1 when no music plays there. */
export function segmentIndexAt(program: Pick<Program, 'segments'>, positionSec: Seconds): number {
  const segs = program.segments;
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].startSec <= positionSec) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && positionSec < segs[lo - 1].endSec ? lo - 1 : -1;
}

/** Returns the music tempo heard at `positionSec` (following a build), or null when none plays. */
export function musicBpmAt(program: Pick<Program, 'segments'>, positionSec: Seconds): Bpm | null {
  const i = segmentIndexAt(program, positionSec);
  if (i < 0) return null;
  const s = program.segments[i];
  return (s.musicBpm / s.playbackRate) * rateAt(s, positionSec);
}

// The segments with their rates ramped under building steps, each on its own track's grid.
function rampBuilds(segments: readonly MusicSegment[], steps: readonly TimelineStep[], pool: readonly PoolTrack[], maxChangePct: number): MusicSegment[] {
  if (!steps.some(isBuild)) return segments.slice();
  return segments.map((s) => {
    const grid = pool.find((t) => t.id === s.trackId)?.grid;
    return grid ? rampUnderBuilds(s, steps, grid, maxChangePct) : s;
  });
}

// The program from its parts: cues placed on the music, and the last track played on through the finish.
function finish(workout: Workout, steps: TimelineStep[], planned: ProgramSegment[], warnings: string[], usesDemo: boolean, settings: CueOptions): Program {
  const segments = planned.slice();
  let cuePlan = buildCuePlan(steps, { segments }, settings);
  // The finish lands on a downbeat: when that cuts the last track to a sliver (a long bar, its first downbeat),
  // the track before plays on through the finish instead, and the cues follow its beat.
  const writtenEnd = steps.length > 0 ? steps[steps.length - 1].startSec + steps[steps.length - 1].durationSec : 0;
  while (segments.length > 1) {
    const tail = segments[segments.length - 1];
    if (cuePlan.totalSec - tail.startSec >= Math.min(MIN_SEGMENT_SEC, writtenEnd - tail.startSec) - EPS_SEC) break;
    segments.pop();
    segments[segments.length - 1] = { ...segments[segments.length - 1], endSec: tail.endSec };
    cuePlan = buildCuePlan(steps, { segments }, settings);
  }
  const last = segments[segments.length - 1];
  if (last) segments[segments.length - 1] = { ...last, endSec: Math.max(last.endSec, cuePlan.totalSec + FINISH_TAIL_SEC) };
  // With its ends settled, each segment that outlasts its track repeats the track's last bar.
  segments.forEach((s, i) => { segments[i] = { ...s, tailLoop: tailLoopOf(s, s.audioSec) }; });
  return {
    workoutId: workout.id,
    workoutName: workout.name,
    steps,
    stepStarts: cuePlan.stepStarts,
    endSec: cuePlan.totalSec,
    leadInSec: cuePlan.leadInSec,
    segments,
    cues: cuePlan.cues,
    warnings,
    usesDemo,
  };
}


/**
 * Moves each track change onto the outgoing track's nearest downbeat, shifting the incoming track with it so
 * its "one" lands on the old track's "one": beat-aligned, no gap. The last track plays on for two bars more,
 * so the finish can land on its downbeat.
 */
export function alignTrackChanges(segments: readonly MusicSegment[]): MusicSegment[] {
  const out = segments.map((s) => ({ ...s }));
  for (let i = 0; i + 1 < out.length; i++) {
    const outgoing = out[i];
    const change = nearestDownbeat(outgoing.grid, outgoing.endSec);
    const next = out[i + 1];
    // Never leave a sliver: neither segment may end up shorter than MIN_SEGMENT_SEC, or than it already was.
    const keeps = (fromSec: Seconds, toSec: Seconds, s: MusicSegment): boolean => toSec - fromSec >= Math.min(MIN_SEGMENT_SEC, s.endSec - s.startSec) - EPS_SEC;
    if (!keeps(outgoing.startSec, change, outgoing) || !keeps(change, next.endSec, next)) continue;
    const shift = change - outgoing.endSec;
    outgoing.endSec = change;
    next.startSec = change;
    next.grid = shiftGrid(next.grid, shift);
  }
  const last = out[out.length - 1];
  if (last) last.endSec += (2 * 60 * last.grid.beatsPerBar) / last.grid.bpm;
  return out;
}
