/**
 * One piece of an audio export: an offline render of part of a program by the engine that plays it live. It takes
 * and gives only plain data and the clips' audio (`PieceRealm`: the page renders, tests stand in for it).
 */
import { WorkoutEngine } from './engine';
import { renderOffline } from './offline-queue';
import { STRETCHER_DID_NOT_START } from './stretcher';
import { moveOut } from './move-out';
import { adoptCueSounds } from './cue-sounds';
import type { Program } from '../core/program';
import type { SpokenWords } from '../core/voice-slots';

/** What one piece renders: `program`'s audio from `fromSec`, `frames` long, after `delayFrames` of lead. */
export interface PieceRequest {
  program: Program;
  /** The clips the program's segments play, by clip id (made with the realm's `newBuffer`); emptied before the render. */
  clips: Map<string, AudioBuffer>;
  fromSec: number;
  frames: number;
  delayFrames: number;
  sampleRate: number;
  channels: number;
  include: 'all' | 'music' | 'cues';
  crossfadeSec: number;
  /** How long the cues' words are heard in the file (voice-slots.ts), for the music's duck under them. */
  spoken: SpokenWords;
  /** The cue sounds at `sampleRate` (cue-sounds.ts `allCueSounds`): made once per export, not once per realm. */
  cueSounds: Readonly<Record<string, Float32Array>>;
  /**
   * Waits for this piece's turn to render and resolves with the call that ends it: the next piece's frame is made
   * and its clips cut while this one renders, but two renders at once stall the page (measured: tasks of 1–2 s).
   */
  renderTurn?: () => Promise<() => void>;
}

/** What a piece gives back: its samples (one array per channel), where the engine placed each cue, or what failed. */
export interface PieceResult {
  samples: Float32Array<ArrayBuffer>[];
  /** Each cue: its program time and kind, and the render's audio-clock second it was placed on. */
  placed: { timeSec: number; kind: string; ctxTime: number }[];
  /** Why the piece could not be made (a track that cannot play): nothing was rendered then. */
  failure: string | null;
}

/** A place pieces render in: the page itself (`pageRealm`), or a test's stand-in. */
export interface PieceRealm {
  /** Makes an AudioBuffer of this realm (Tone recognises only its own realm's). */
  newBuffer(init: AudioBufferOptions): AudioBuffer;
  renderPiece(request: PieceRequest): Promise<PieceResult>;
  /** Lets go of the realm and everything rendered in it. */
  close(): void;
}

/** Returns the samples of `audio`, `channels` arrays, moved out of it (it is left empty) where the browser can. */
function takeSamples(audio: AudioBuffer, channels: number): Float32Array<ArrayBuffer>[] {
  const moved = Array.from({ length: audio.numberOfChannels }, (_, c) => moveOut(audio.getChannelData(c)));
  return Array.from({ length: channels }, (_, c) => (c < moved.length ? moved[c] : moved[moved.length - 1].slice()));
}

/** A piece that could not be made; a stretcher that never started may start after a reload. */
const failed = (message: string): PieceResult =>
  ({ samples: [], placed: [], failure: message + (message.includes(STRETCHER_DID_NOT_START) ? ' Reload Montage and export again.' : '') });

/** Renders one piece with the engine; a track that cannot play is a failure (it would leave a silent gap). */
export async function renderPiece(request: PieceRequest): Promise<PieceResult> {
  adoptCueSounds(request.cueSounds, request.sampleRate);
  const endTurn = (await request.renderTurn?.()) ?? (() => undefined);
  try {
    return await render(request);
  } finally {
    endTurn();
  }
}

/** Renders the piece: the engine set up on an offline context, then the render. */
async function render(request: PieceRequest): Promise<PieceResult> {
  const { program, clips, fromSec, frames, delayFrames, sampleRate } = request;
  let engine: WorkoutEngine | null = null;
  const failures: string[] = [];
  let rendered: Awaited<ReturnType<typeof renderOffline>>;
  try {
    // Two frames more than needed: a length in seconds may be truncated a frame short.
    rendered = await renderOffline(async (context) => {
      engine = new WorkoutEngine(context, { include: request.include, crossfadeSec: request.crossfadeSec, ownsTracks: true, spoken: request.spoken, onError: (message) => failures.push(message) });
      await engine.loadAll(program, (id) => Promise.resolve(clips.get(id)!));
      // The players hold what they play (a stretcher takes the clip's samples): the clips are let go before the render.
      clips.clear();
      // Not a throw: Tone.Offline would keep the offline context as its global one. A failed piece renders silence.
      if (failures.length === 0) engine.start(delayFrames / sampleRate, fromSec);
    }, (delayFrames + frames + 2) / sampleRate, request.channels, sampleRate);
  } catch (e) {
    (engine as WorkoutEngine | null)?.dispose();
    // A value, not a throw: an error object of another realm is not an `Error` to the page.
    return failed(e instanceof Error ? e.message : String(e));
  }
  const done = engine as WorkoutEngine | null;
  if (failures.length > 0) {
    done?.dispose();
    rendered.dispose();
    return failed(failures[0]);
  }
  const placed = (done?.scheduled ?? []).map((p) => ({ timeSec: p.cue.timeSec, kind: p.cue.kind, ctxTime: p.ctxTime }));
  // The stretchers hold their tracks in the worklet until told to let go: done now, not when the context is collected.
  done?.dispose();
  const samples = takeSamples(rendered.get()!, request.channels);
  rendered.dispose();
  return { samples, placed, failure: null };
}

/** Pieces rendered in the page's own realm. */
export const pageRealm: PieceRealm = {
  newBuffer: (init) => new AudioBuffer(init),
  renderPiece,
  close: () => undefined,
};
