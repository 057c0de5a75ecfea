/** Turns a workout and the available music into the program the audio engine plays. */
import type { Workout } from '../core/workout';
import type { TrackRecord } from '../core/track';
import { flattenWorkout } from '../core/workout-timeline';
import { planMusic, type MusicSegment } from '../core/music-plan';
import { nearestDownbeat } from '../core/beat-grid';
import type { PoolTrack } from '../core/music-pool';
import { buildCuePlan, planCues, type Cue, type CuePlan } from '../core/cue-plan';
import type { EngineCue, EngineProgram, EngineSegment, EngineTrack } from '../audio/engine-types';
import type { DemoTrackInfo } from '../audio/demo-catalog';

/** A music segment as the screen needs it (to show the track and pulse with its beat). */
export interface ProgramSegmentInfo {
  trackId: string;
  title: string;
  /** Tempo heard (after tempo matching). */
  bpm: number;
  trackBpm: number;
  firstBeatSec: number;
  trackOffsetSec: number;
  playbackRate: number;
  startSec: number;
  endSec: number;
}

/** Where the music comes from: the user's ready tracks, else the demo loops. */
export interface MusicSources {
  demoTracks: DemoTrackInfo[];
  loadDemo(trackId: string): Promise<AudioBuffer>;
  libraryTracks: TrackRecord[];
  loadTrack(trackId: string): Promise<AudioBuffer>;
  /** Most a track may be sped up or slowed down to fit a step, percent. */
  maxTempoChangePct: number;
}

/** The built program plus what the screen shows. */
export interface BuiltProgram {
  program: EngineProgram;
  steps: ReturnType<typeof flattenWorkout>;
  stepStarts: number[];
  segments: ProgramSegmentInfo[];
  warnings: string[];
  cuePlan: CuePlan;
}

const LOOP_DURATION_SEC = 24 * 3600;

/** Returns the engine program for `workout`: music chosen per step, boundaries on downbeats, cues placed. */
export function buildProgram(workout: Workout, sources: MusicSources): BuiltProgram {
  const steps = flattenWorkout(workout);
  const ready = sources.libraryTracks.filter((t) => t.status === 'ready' && t.bpm !== null);
  const useDemo = ready.length === 0;
  const tracks = new Map<string, EngineTrack>();
  const pool: PoolTrack[] = useDemo
    ? sources.demoTracks.map((d) => {
        tracks.set(d.id, { id: d.id, title: d.title, artist: d.artist, grid: d.grid, loop: true, loadBuffer: () => sources.loadDemo(d.id) });
        return { id: d.id, title: d.title, artist: d.artist, durationSec: LOOP_DURATION_SEC, ...d.grid, confidence: 1, status: 'ready' as const };
      })
    : ready.map((t) => {
        tracks.set(t.id, { id: t.id, title: t.title, artist: t.artist, grid: t, loop: false, loadBuffer: () => sources.loadTrack(t.id) });
        return t;
      });
  const planned = planMusic(steps, pool, { maxTempoChangePct: sources.maxTempoChangePct });
  const music = { ...planned, segments: alignTrackChanges(planned.segments) };
  const cuePlan = buildCuePlan(steps, music, { quantize: 'bar', countdownBeats: 3, metronome: false });
  // The finish may land up to half a bar after the planned music: let the last track play on through it.
  const lastIndex = music.segments.length - 1;
  const segments: EngineSegment[] = music.segments.map((s, i) => ({
    track: tracks.get(s.trackId)!,
    startSec: s.startSec,
    endSec: i === lastIndex ? Math.max(s.endSec, cuePlan.totalSec + 2) : s.endSec,
    trackOffsetSec: s.trackOffsetSec,
    playbackRate: s.playbackRate,
  }));
  const program: EngineProgram = {
    totalSec: cuePlan.totalSec,
    segments,
    cuesBetween: (fromSec, toSec) => planCues(cuePlan, fromSec, toSec).map(toEngineCue),
  };
  const info: ProgramSegmentInfo[] = segments.map((s) => ({
    trackId: s.track.id,
    title: s.track.title,
    bpm: (s.track.grid.bpm ?? 0) * s.playbackRate,
    trackBpm: s.track.grid.bpm ?? 0,
    firstBeatSec: s.track.grid.firstBeatSec,
    trackOffsetSec: s.trackOffsetSec,
    playbackRate: s.playbackRate,
    startSec: s.startSec,
    endSec: s.endSec,
  }));
  return { program, steps, stepStarts: [...cuePlan.stepStarts, cuePlan.totalSec], segments: info, warnings: music.warnings, cuePlan };
}

/**
 * Moves each track change onto a downbeat of the outgoing track (within half a bar), shifting the incoming
 * track with it, so the new track's "one" lands on the old track's "one": beat-aligned, no gap.
 */
function alignTrackChanges(segments: MusicSegment[]): MusicSegment[] {
  const out = segments.map((s) => ({ ...s, grid: { ...s.grid } }));
  for (let i = 0; i + 1 < out.length; i++) {
    const outgoing = out[i];
    if (outgoing.grid.bpm === null) continue;
    const change = nearestDownbeat(outgoing.grid, outgoing.endSec);
    const shift = change - outgoing.endSec;
    const next = out[i + 1];
    // Never let a segment vanish or reverse.
    if (change <= outgoing.startSec || change >= next.endSec) continue;
    outgoing.endSec = change;
    next.startSec = change;
    next.grid.firstBeatSec += shift;
    next.grid.firstDownbeatSec += shift;
  }
  return out;
}

function toEngineCue(cue: Cue): EngineCue {
  switch (cue.kind) {
    case 'step-start':
      return { timeSec: cue.timeSec, sound: cue.cueSound, text: cue.text, stepIndex: cue.stepIndex };
    case 'countdown':
      return { timeSec: cue.timeSec, sound: 'tick' };
    case 'finish':
      return { timeSec: cue.timeSec, sound: 'finish', text: `${cue.text}. Great job!` };
    case 'metronome':
      return { timeSec: cue.timeSec, sound: cue.accent ? 'accent' : 'click' };
  }
}
