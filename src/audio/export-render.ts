/**
 * Renders a workout program into one stereo audio stream for export, with the same engine that plays it live,
 * piece by piece (core/export-window.ts): each piece is an offline render of a few minutes that starts a few
 * seconds early, so the stretchers, fades and ducks running at its first frame are already in the state the
 * previous piece left them in, and ends a little late, so the join is a short crossfade of two renders of the same
 * sound. Pieces go to `write` in order as they are done and are then dropped: memory holds one piece and the
 * clips of the tracks it plays, never the whole file.
 */
import { WorkoutEngine } from './engine';
import { renderOffline } from './offline-queue';
import type { LoadTrack } from './engine-types';
import type { Program } from '../core/program';
import { exportPieces, exportSpan, programWindow, trackChangeFrames } from '../core/export-window';
import { HeldTracks, moveOut } from './held-tracks';
import { STRETCHER_DID_NOT_START } from './stretcher';
import { correlation, crossfadeJoin } from '../core/export-join';
import { mixClips, type PlacedClip } from '../core/voice-slots';
import type { ExportedCue, ExportRender } from './export-types';

export type { ExportedCue, ExportRender };

/** What to render and how. */
export interface ExportRenderOptions {
  sampleRate?: number;
  /** Length of each piece, seconds. */
  pieceSec?: number;
  /** Music only, cues only, or both. */
  include?: 'all' | 'music' | 'cues';
  /** Spoken clips to mix in, placed on the file's frames. */
  voice?: readonly PlacedClip[];
  signal?: AbortSignal;
  /** Called after each piece: frames written so far, of how many. */
  onProgress?: (doneFrames: number, totalFrames: number) => void;
}

const CHANNELS = 2;
/**
 * The longest piece, seconds. Memory holds about four copies of one piece's audio while it renders; and every
 * piece that plays a tempo-matched track costs a stretcher whose WebAssembly memory Chromium never frees (it
 * keeps every offline context that ran an AudioWorklet), and V8 makes only about 125 of those per page.
 */
const PIECE_SEC = 150;
/** The engine's crossfade between tracks (a segment sounds this long past its end). */
const TRACK_FADE_SEC = 0.05;
/** Rendered before each piece and thrown away: longer than a duck (under 3 s) and the stretcher's warm-up. */
const PREROLL_SEC = 3;
/** The two renders of a join are crossfaded over this long. */
const OVERLAP_SEC = 0.1;
/** The engine starts this many frames into each render (it places the first sounds a moment ahead). */
const DELAY_FRAMES = 2048;

/**
 * Returns the rendered samples, `CHANNELS` arrays, moved out of `audio` (left empty): Chromium keeps a finished
 * offline context that loaded an AudioWorklet (the stretcher) alive, and with it the buffer it rendered — a
 * minute of stereo audio per piece, an hour's worth by the end of a long export. Moved, the samples are held
 * only until they are written. Where a browser cannot move them they are copied.
 */
function takeSamples(audio: AudioBuffer): Float32Array[] {
  const moved = Array.from({ length: audio.numberOfChannels }, (_, c) => moveOut(audio.getChannelData(c)));
  return Array.from({ length: CHANNELS }, (_, c) => (c < moved.length ? moved[c] : moved[moved.length - 1].slice()));
}

/**
 * Renders `program` from its count-in to the end of its music and hands each piece (one array per channel) to
 * `write`, in order. An abort stops before the next piece with the signal's reason; nothing more is written.
 */
export async function renderExport(program: Program, loadTrack: LoadTrack, options: ExportRenderOptions, write: (channels: Float32Array[]) => Promise<void>): Promise<ExportRender> {
  const sampleRate = options.sampleRate ?? 44100;
  const { fromSec, durationSec } = exportSpan(program);
  const total = Math.round(durationSec * sampleRate);
  const pieces = exportPieces(total, { sampleRate, pieceSec: options.pieceSec ?? PIECE_SEC, prerollSec: PREROLL_SEC, overlapSec: OVERLAP_SEC, cutFrames: trackChangeFrames(program, sampleRate) });
  // What each render covers: the piece, its preroll before and the overlap after.
  const spans = pieces.map((piece) => {
    const firstFrame = piece.startFrame - piece.prerollFrames;
    return { firstFrame, renderFrames: piece.prerollFrames + piece.frames + piece.overlapFrames, renderFromSec: fromSec + firstFrame / sampleRate };
  });
  const windows = spans.map(({ renderFromSec, renderFrames }) => programWindow(program, renderFromSec, renderFromSec + renderFrames / sampleRate, TRACK_FADE_SEC, sampleRate));
  const tracks = new HeldTracks(windows.map((w) => w.clips), loadTrack);
  const cues: ExportedCue[] = [];
  let tail: Float32Array[] | null = null;
  const joinCorrelations: number[] = [];
  for (const [k, piece] of pieces.entries()) {
    options.signal?.throwIfAborted();
    const { firstFrame, renderFrames, renderFromSec } = spans[k];
    const window = windows[k];
    const clips = await tracks.clipsFor(k);
    options.signal?.throwIfAborted();
    let engine: WorkoutEngine | null = null;
    const failures: string[] = [];
    // Two frames more than needed: a length in seconds may be truncated a frame short.
    const rendered = await renderOffline(async (context) => {
      engine = new WorkoutEngine(context, { include: options.include ?? 'all', crossfadeSec: TRACK_FADE_SEC, onError: (message) => failures.push(message) });
      await engine.loadAll(window.program, (id) => Promise.resolve(clips.get(id)!));
      // A track that cannot play would leave a silent gap in the file: the export fails and says which.
      // Chromium keeps every tempo stretcher an export made: after several long exports the page can make no more.
      const advice = failures.some((f) => f.includes(STRETCHER_DID_NOT_START)) ? ' If this page has exported several workouts already, reload Montage and export again.' : '';
      if (failures.length > 0) throw new Error(failures[0] + advice);
      // The players hold what they play (a stretcher its own copy): the clips are let go before the render.
      clips.clear();
      engine.start(DELAY_FRAMES / sampleRate, renderFromSec);
    }, (DELAY_FRAMES + renderFrames + 2) / sampleRate, CHANNELS, sampleRate);
    const pieceFromSec = fromSec + piece.startFrame / sampleRate;
    const pieceToSec = pieceFromSec + piece.frames / sampleRate;
    for (const placed of (engine as WorkoutEngine | null)?.scheduled ?? []) {
      if (placed.cue.timeSec < pieceFromSec - 1e-9 || placed.cue.timeSec >= pieceToSec - 1e-9) continue;
      const placedFrame = firstFrame + (placed.ctxTime * sampleRate - DELAY_FRAMES);
      cues.push({ plannedSec: placed.cue.timeSec - fromSec, placedSec: placedFrame / sampleRate, kind: placed.cue.kind });
    }
    // The stretchers hold their tracks in the worklet until told to let go: done now, not when the context is collected.
    (engine as WorkoutEngine | null)?.dispose();
    const from = DELAY_FRAMES + piece.prerollFrames;
    const samples = takeSamples(rendered.get()!);
    rendered.dispose();
    const body = samples.map((channel) => channel.subarray(from, from + piece.frames));
    const nextTail = piece.overlapFrames === 0 ? [] : samples.map((channel) => channel.slice(from + piece.frames, from + piece.frames + piece.overlapFrames));
    if (tail) {
      // One set of gains for both channels (the stereo image stays put), from how alike the two renders are.
      const rho = Math.min(...tail.map((t, c) => correlation(body[c].subarray(0, t.length), t)));
      joinCorrelations.push(rho);
      tail.forEach((t, c) => crossfadeJoin(body[c], t, rho));
    }
    tail = nextTail.length > 0 ? nextTail : null;
    if (options.voice) mixClips(body, piece.startFrame, options.voice);
    options.signal?.throwIfAborted();
    await write(body);
    options.onProgress?.(piece.startFrame + piece.frames, total);
  }
  return { frames: total, sampleRate, channels: CHANNELS, cues, joins: pieces.slice(1).map((p) => p.startFrame), joinCorrelations };
}
