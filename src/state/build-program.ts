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
import { DEFAULT_PLAYER_SETTINGS, stepAnnouncement, type PlayerSettings } from '../core/player-settings';

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
  /** Tracks the user pinned, by music-segment index (ignored when the demo loops play). */
  lockedTrackIds?: Record<number, string>;
  /** Tracks not to play (skip track), unless nothing else is left. */
  excludeTrackIds?: string[];
  /** Cue placement and announcements. */
  settings?: Pick<PlayerSettings, 'quantize' | 'countdownBeats' | 'metronome' | 'audioOnly'>;
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
  const usable = sources.libraryTracks.filter((t) => t.status === 'ready' && t.bpm !== null);
  const unskipped = usable.filter((t) => !sources.excludeTrackIds?.includes(t.id));
  const ready = unskipped.length > 0 ? unskipped : usable;
  const useDemo = ready.length === 0;
  const settings = sources.settings ?? DEFAULT_PLAYER_SETTINGS;
  const demoTracks = sources.demoTracks.filter((d) => !sources.excludeTrackIds?.includes(d.id));
  const tracks = new Map<string, EngineTrack>();
  const pool: PoolTrack[] = useDemo
    ? (demoTracks.length > 0 ? demoTracks : sources.demoTracks).map((d) => {
        tracks.set(d.id, { id: d.id, title: d.title, artist: d.artist, grid: d.grid, loop: true, loadBuffer: () => sources.loadDemo(d.id) });
        return { id: d.id, title: d.title, artist: d.artist, durationSec: LOOP_DURATION_SEC, ...d.grid, confidence: 1, status: 'ready' as const };
      })
    : ready.map((t) => {
        tracks.set(t.id, { id: t.id, title: t.title, artist: t.artist, grid: t, loop: false, loadBuffer: () => sources.loadTrack(t.id) });
        return t;
      });
  const planned = planMusic(steps, pool, { maxTempoChangePct: sources.maxTempoChangePct, lockedTrackIds: useDemo ? undefined : sources.lockedTrackIds, expectRepeats: useDemo });
  const music = { ...planned, segments: alignTrackChanges(planned.segments) };
  const cuePlan = buildCuePlan(steps, music, { quantize: settings.quantize, countdownBeats: settings.countdownBeats, metronome: settings.metronome });
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
    cuesBetween: (fromSec, toSec) => planCues(cuePlan, fromSec, toSec).map((c) => toEngineCue(c, steps, settings.audioOnly)),
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
  // The last track plays on past the planned end, so the finish can land on its downbeat (up to a bar later).
  const last = out[out.length - 1];
  if (last && last.grid.bpm !== null) last.endSec += (2 * 60 * last.grid.beatsPerBar) / last.grid.bpm;
  return out;
}

function toEngineCue(cue: Cue, steps: BuiltProgram['steps'], audioOnly: boolean): EngineCue {
  switch (cue.kind) {
    case 'step-start': {
      const step = steps[cue.stepIndex];
      const text = stepAnnouncement(step.step.name, step.step.voice, step.durationSec, steps[cue.stepIndex + 1]?.step.name ?? null, audioOnly);
      return { timeSec: cue.timeSec, sound: cue.cueSound, text, stepIndex: cue.stepIndex };
    }
    case 'countdown':
      return { timeSec: cue.timeSec, sound: 'tick' };
    case 'finish':
      return { timeSec: cue.timeSec, sound: 'finish', text: `${cue.text}. Great job!` };
    case 'metronome':
      return { timeSec: cue.timeSec, sound: cue.accent ? 'accent' : 'click' };
  }
}
