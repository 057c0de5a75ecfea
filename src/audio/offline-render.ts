/** Renders a workout program offline with the same engine that plays it live, for tests and checks by ear. */
import * as Tone from 'tone';
import { WorkoutEngine } from './engine';
import type { EngineProgram } from './engine-types';

/** What to render. */
export interface OfflineRenderOptions {
  /** Workout position to start from, seconds. */
  fromSec: number;
  durationSec: number;
  /** Render music only, cues only, or both. */
  include: 'all' | 'music' | 'cues';
  sampleRate?: number;
  /** Context time at which the workout position `fromSec` plays (the engine's start delay), seconds. */
  startDelaySec?: number;
}

/** The rendered audio (first channel) and when each cue was placed on the render's clock. */
export interface OfflineRender {
  samples: Float32Array;
  sampleRate: number;
  cues: { timeSec: number; ctxTime: number; sound: string; stepIndex?: number }[];
}

/** Renders `program` from `fromSec` for `durationSec` and returns the samples and placed cues. */
export async function renderProgramOffline(program: EngineProgram, options: OfflineRenderOptions): Promise<OfflineRender> {
  const sampleRate = options.sampleRate ?? 44100;
  const delay = options.startDelaySec ?? 0.1;
  let engine: WorkoutEngine | null = null;
  // Load (and for the demo, synthesise) every track before rendering: a render cannot nest inside another.
  const loaded = new Map<string, Promise<AudioBuffer>>();
  for (const s of program.segments) if (!loaded.has(s.track.id)) loaded.set(s.track.id, s.track.loadBuffer());
  await Promise.all(loaded.values());
  const preloaded: EngineProgram = {
    ...program,
    segments: program.segments.map((s) => ({ ...s, track: { ...s.track, loadBuffer: () => loaded.get(s.track.id)! } })),
  };
  const buffer = await Tone.Offline(async (context) => {
    engine = new WorkoutEngine(context, { include: options.include });
    await engine.loadAll(preloaded);
    engine.start(delay, options.fromSec);
  }, options.durationSec, 1, sampleRate);
  const placed = (engine as WorkoutEngine | null)?.scheduled ?? [];
  return {
    samples: buffer.getChannelData(0).slice(),
    sampleRate,
    cues: placed.map((s) => ({ timeSec: s.cue.timeSec, ctxTime: s.ctxTime, sound: s.cue.sound, stepIndex: s.cue.stepIndex })),
  };
}
