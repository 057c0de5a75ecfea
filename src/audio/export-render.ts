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
import { exportPieces, exportSpan, programWindow, trackChangeFrames, type TrackClip } from '../core/export-window';
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
/** The engine's crossfade between tracks (a segment sounds this long past its end). */
const TRACK_FADE_SEC = 0.05;
/** Rendered before each piece and thrown away: longer than a duck (under 3 s) and the stretcher's warm-up. */
const PREROLL_SEC = 3;
/** The two renders of a join are crossfaded over this long. */
const OVERLAP_SEC = 0.1;
/** The engine starts this many frames into each render (it places the first sounds a moment ahead). */
const DELAY_FRAMES = 2048;

/** Returns the part of `audio` that `clip` plays (the whole of it for a loop). */
function cut(audio: AudioBuffer, clip: TrackClip): AudioBuffer {
  if (clip.toTrackSec === Infinity) return audio;
  const from = Math.min(audio.length, Math.round(clip.fromTrackSec * audio.sampleRate));
  const to = Math.min(audio.length, Math.ceil(clip.toTrackSec * audio.sampleRate));
  const out = new AudioBuffer({ length: Math.max(1, to - from), numberOfChannels: audio.numberOfChannels, sampleRate: audio.sampleRate });
  for (let c = 0; c < audio.numberOfChannels; c++) out.copyToChannel(audio.getChannelData(c).subarray(from, to), c);
  return out;
}

/**
 * Renders `program` from its count-in to the end of its music and hands each piece (one array per channel) to
 * `write`, in order. An abort stops before the next piece with the signal's reason; nothing more is written.
 */
export async function renderExport(program: Program, loadTrack: LoadTrack, options: ExportRenderOptions, write: (channels: Float32Array[]) => Promise<void>): Promise<ExportRender> {
  const sampleRate = options.sampleRate ?? 44100;
  const { fromSec, durationSec } = exportSpan(program);
  const total = Math.round(durationSec * sampleRate);
  const pieces = exportPieces(total, { sampleRate, pieceSec: options.pieceSec ?? 150, prerollSec: PREROLL_SEC, overlapSec: OVERLAP_SEC, cutFrames: trackChangeFrames(program, sampleRate) });
  const decoded = new Map<string, Promise<AudioBuffer>>();
  const cues: ExportedCue[] = [];
  let tail: Float32Array[] | null = null;
  const joinCorrelations: number[] = [];
  for (const piece of pieces) {
    options.signal?.throwIfAborted();
    const firstFrame = piece.startFrame - piece.prerollFrames;
    const renderFrames = piece.prerollFrames + piece.frames + piece.overlapFrames;
    const renderFromSec = fromSec + firstFrame / sampleRate;
    const window = programWindow(program, renderFromSec, renderFromSec + renderFrames / sampleRate, TRACK_FADE_SEC, sampleRate);
    // Only the tracks this piece plays stay decoded (a track that goes on into the next piece is kept for it).
    for (const id of [...decoded.keys()]) if (!window.clips.some((c) => c.trackId === id)) decoded.delete(id);
    const clips = new Map<string, AudioBuffer>();
    for (const clip of window.clips) {
      if (!decoded.has(clip.trackId)) decoded.set(clip.trackId, loadTrack(clip.trackId));
      clips.set(clip.clipId, cut(await decoded.get(clip.trackId)!, clip));
    }
    // A track that ends in this piece is not kept while it renders: its clip is all that is needed.
    const pieceEndSec = fromSec + (piece.startFrame + piece.frames + piece.overlapFrames) / sampleRate;
    for (const s of program.segments) if (s.startSec < pieceEndSec && s.endSec + TRACK_FADE_SEC <= pieceEndSec && !program.segments.some((o) => o.trackId === s.trackId && o.endSec + TRACK_FADE_SEC > pieceEndSec && o.startSec < pieceEndSec + (options.pieceSec ?? 150))) decoded.delete(s.trackId);
    options.signal?.throwIfAborted();
    let engine: WorkoutEngine | null = null;
    // Two frames more than needed: a length in seconds may be truncated a frame short.
    const rendered = await renderOffline(async (context) => {
      engine = new WorkoutEngine(context, { include: options.include ?? 'all', crossfadeSec: TRACK_FADE_SEC });
      await engine.loadAll(window.program, (id) => Promise.resolve(clips.get(id)!));
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
    const from = DELAY_FRAMES + piece.prerollFrames;
    const body = Array.from({ length: CHANNELS }, (_, c) => rendered.getChannelData(Math.min(c, rendered.numberOfChannels - 1)).slice(from, from + piece.frames));
    const nextTail = piece.overlapFrames === 0 ? [] : Array.from({ length: CHANNELS }, (_, c) =>
      rendered.getChannelData(Math.min(c, rendered.numberOfChannels - 1)).slice(from + piece.frames, from + piece.frames + piece.overlapFrames));
    if (tail) {
      // One set of gains for both channels (the stereo image stays put), from how alike the two renders are.
      const rho = Math.min(...tail.map((t, c) => correlation(body[c].subarray(0, t.length), t)));
      joinCorrelations.push(rho);
      tail.forEach((t, c) => crossfadeJoin(body[c], t, rho));
    }
    rendered.dispose();
    tail = nextTail.length > 0 ? nextTail : null;
    if (options.voice) mixClips(body, piece.startFrame, options.voice);
    options.signal?.throwIfAborted();
    await write(body);
    options.onProgress?.(piece.startFrame + piece.frames, total);
  }
  return { frames: total, sampleRate, channels: CHANNELS, cues, joins: pieces.slice(1).map((p) => p.startFrame), joinCorrelations };
}
