/** Renders a workout program offline with the same engine that plays it live, for tests and checks by ear. */
import { WorkoutEngine } from './engine';
import type { Program } from '../core/program';
import type { LoadTrack } from './engine-types';
import { renderOffline } from './offline-queue';
import type { SpokenWords } from '../core/voice-slots';

/** What to render. */
export interface OfflineRenderOptions {
  /** Workout position to start from, seconds (negative: from inside the count-in). */
  fromSec: number;
  durationSec: number;
  /** Render music only, cues only, or both. */
  include: 'all' | 'music' | 'cues';
  sampleRate?: number;
  /** Context time at which the workout position `fromSec` plays (the engine's start delay), seconds. */
  startDelaySec?: number;
  /** How long the words are heard, for the music's duck (the engine's default: estimated, as for the browser's voice). */
  spoken?: SpokenWords;
}

/** The rendered audio (first channel) and when each cue was placed on the render's clock. */
export interface OfflineRender {
  samples: Float32Array;
  sampleRate: number;
  cues: { timeSec: number; ctxTime: number; sound: string; kind: string; stepIndex?: number }[];
}

/** Renders `program` from `fromSec` for `durationSec` and returns the samples and placed cues. */
export async function renderProgramOffline(program: Program, loadTrack: LoadTrack, options: OfflineRenderOptions): Promise<OfflineRender> {
  const sampleRate = options.sampleRate ?? 44100;
  const delay = options.startDelaySec ?? 0.1;
  let engine: WorkoutEngine | null = null;
  // Load (and for the demo, synthesise) every track before rendering: a render cannot nest inside another.
  const loaded = new Map<string, Promise<AudioBuffer>>();
  for (const s of program.segments) if (!loaded.has(s.trackId)) loaded.set(s.trackId, loadTrack(s.trackId));
  await Promise.all(loaded.values());
  const buffer = await renderOffline(async (context) => {
    engine = new WorkoutEngine(context, { include: options.include, spoken: options.spoken });
    await engine.loadAll(program, (id) => loaded.get(id)!);
    engine.start(delay, options.fromSec);
  }, options.durationSec, 1, sampleRate);
  const placed = (engine as WorkoutEngine | null)?.scheduled ?? [];
  return {
    samples: buffer.getChannelData(0).slice(),
    sampleRate,
    cues: placed.map((s) => ({ timeSec: s.cue.timeSec, ctxTime: s.ctxTime, sound: s.cue.sound, kind: s.cue.kind, stepIndex: s.cue.kind === 'step-start' ? s.cue.stepIndex : undefined })),
  };
}
