/**
 * Renders a workout program into one stereo audio stream for export, with the same engine that plays it live,
 * piece by piece (core/export-window.ts): each piece is an offline render of half a minute that starts a few
 * seconds early, so the fades and ducks running at its first frame are already in the state the previous piece
 * left them in, and ends a little late, so the join is a short crossfade of two renders of the same sound. A
 * tempo-matched track is stretched once, whole, by one stretcher that runs on across the pieces (core/prestretch.ts,
 * in a worker), and the pieces play what it made. Pieces go to `write` in order as they are done and are then
 * dropped: memory holds about two pieces and the clips of the tracks they play, never the whole file.
 */
import type { OpenTrack } from '../core/track-reader';
import type { Program } from '../core/program';
import { exportPieces, exportSpan, programWindow, trackChangeFrames } from '../core/export-window';
import { HeldTracks } from './held-tracks';
import { pageRealm, type PieceRealm, type PieceResult } from './export-piece';
import { allCueSounds } from './cue-sounds';
import { correlation, crossfadeJoin } from '../core/export-join';
import { mixClips, type PlacedClip, type SpokenWords } from '../core/voice-slots';
import type { ExportedCue, ExportRender } from './export-types';
import { jobOf, prestretchProgram, type OfflineStretcher } from '../core/prestretch';
import { openStretchedTrack } from './stretched-track';

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
  /** Opens a realm to render a piece in (tests stand in for the renderer with theirs); the page's own when left out. */
  openRealm?: () => Promise<PieceRealm>;
  /** How many pieces are under way at once (set up while an earlier one renders; the renders take turns). */
  inFlight?: number;
  /**
   * Stretches each tempo-matched segment whole, once (core/prestretch.ts): its stretcher runs on across the pieces,
   * and the pieces play its output at rate 1, so no piece loads the stretcher's worklet (Chromium never frees an
   * offline context that did, nor its WebAssembly memory).
   */
  stretch: OfflineStretcher;
}

const CHANNELS = 2;
/**
 * The longest piece, seconds. Memory holds a few copies of one piece's audio while it renders (half a minute of
 * stereo is 11 MB), and each piece costs a context and its preroll. Measured (`npm run bench -- export`): 15, 30
 * and 60 s pieces render as fast, and peak within the spread between runs (436–482 MB).
 */
const PIECE_SEC = 30;
/**
 * Pieces under way at once. Two: while one renders, the next one's clips are cut and its tracks stretched (with one,
 * the export ran at 24× real time against 31×); the renders take turns (`renderTurn`). Each more would hold
 * another piece's tracks.
 */
const IN_FLIGHT = 2;
/** The engine's crossfade between tracks (a segment sounds this long past its end). */
const TRACK_FADE_SEC = 0.05;
/** Rendered before each piece and thrown away: longer than a duck (under 3 s). */
const PREROLL_SEC = 3;
/** The two renders of a join are crossfaded over this long. */
const OVERLAP_SEC = 0.1;
/** The engine starts this many frames into each render (it places the first sounds a moment ahead): whole quanta. */
const DELAY_FRAMES = 2048;
/** Frames of the audio thread's render quantum: every piece's render starts on a multiple of it (core/export-window.ts). */
const RENDER_QUANTUM = 128;
/**
 * A piece ends this long after a track change: the engine stops the outgoing track a crossfade past its end and
 * fades it out over as long again, so from then on the incoming track alone plays, started on the same quantum grid
 * in both renders of the join: the two are the same sound.
 */
const CUT_AFTER_CHANGE_SEC = 2 * TRACK_FADE_SEC + 0.01;

/**
 * Renders `program` from its count-in to the end of its music and hands each piece (one array per channel) to
 * `write`, in order. An abort stops before the next piece with the signal's reason; nothing more is written.
 */
export async function renderExport(program: Program, openTrack: OpenTrack, options: ExportRenderOptions, write: (channels: Float32Array[]) => Promise<void>): Promise<ExportRender> {
  const sampleRate = options.sampleRate ?? 44100;
  const { fromSec, durationSec } = exportSpan(program);
  const total = Math.round(durationSec * sampleRate);
  const pieces = exportPieces(total, {
    sampleRate, pieceSec: options.pieceSec ?? PIECE_SEC, prerollSec: PREROLL_SEC, overlapSec: OVERLAP_SEC, alignFrames: RENDER_QUANTUM,
    cutFrames: trackChangeFrames(program, sampleRate, CUT_AFTER_CHANGE_SEC),
  });
  // What each render covers: the piece, its preroll before and the overlap after.
  const spans = pieces.map((piece) => {
    const firstFrame = piece.startFrame - piece.prerollFrames;
    return { firstFrame, renderFrames: piece.prerollFrames + piece.frames + piece.overlapFrames, renderFromSec: fromSec + firstFrame / sampleRate };
  });
  const { stretch } = options;
  const { program: played, jobs } = prestretchProgram(program, { fileStartSec: fromSec, sampleRate, crossfadeSec: TRACK_FADE_SEC });
  const windows = spans.map(({ renderFromSec, renderFrames }) => programWindow(played, renderFromSec, renderFromSec + renderFrames / sampleRate, TRACK_FADE_SEC, sampleRate));
  // A tempo-matched segment's track is its stretched audio, made as the pieces read it.
  const openPlayed: OpenTrack = async (trackId) => {
    const job = jobOf(jobs, trackId);
    return job ? openStretchedTrack(job, await openTrack(job.trackId), stretch, TRACK_FADE_SEC) : openTrack(trackId);
  };
  const tracks = new HeldTracks(windows.map((w) => w.clips), openPlayed);
  const cues: ExportedCue[] = [];
  let tail: Float32Array[] | null = null;
  const joinCorrelations: number[] = [];
  const openRealm = options.openRealm ?? (() => Promise.resolve(pageRealm));
  const cueSounds = allCueSounds(sampleRate);
  // The music ducks under the words for as long as their clips last; without a voice, under the chimes only.
  const spoken: SpokenWords = options.voice
    ? { kind: 'known', clips: options.voice.map((c) => [fromSec + c.startFrame / sampleRate, fromSec + (c.startFrame + c.samples.length) / sampleRate] as const) }
    : { kind: 'none' };
  const open = new Set<PieceRealm>();
  // One render at a time, in the order asked: two at once hold the page's thread for a second or two at a time.
  let turns: Promise<unknown> = Promise.resolve();
  const renderTurn = (): Promise<() => void> => {
    let done = (): void => undefined;
    const mine = new Promise<void>((resolve) => { done = resolve; });
    const ready = turns.then(() => done);
    turns = turns.then(() => mine);
    return ready;
  };
  let stopped = false;
  // Piece k's realm is opened and its clips cut after piece k-1's (the held tracks let go in order), and it
  // renders while the pieces before it finish; the results are taken in order.
  let prepared: Promise<unknown> = Promise.resolve();
  const start = (k: number): Promise<PieceResult> => {
    const ready = prepared.then(async () => {
      options.signal?.throwIfAborted();
      const realm = await openRealm();
      if (stopped) {
        realm.close();
        throw new Error('Export stopped');
      }
      open.add(realm);
      return { realm, clips: await tracks.clipsFor(k, realm.newBuffer) };
    });
    prepared = ready;
    return ready.then(async ({ realm, clips }) => {
      try {
        const { renderFrames, renderFromSec } = spans[k];
        return await realm.renderPiece({
          program: windows[k].program, clips, fromSec: renderFromSec, frames: renderFrames, delayFrames: DELAY_FRAMES,
          sampleRate, channels: CHANNELS, include: options.include ?? 'all', crossfadeSec: TRACK_FADE_SEC, spoken, cueSounds, renderTurn,
        });
      } finally {
        // Closed once: by itself, or already by an export that stopped.
        if (open.delete(realm)) realm.close();
      }
    });
  };
  const running: Promise<PieceResult>[] = [];
  const inFlight = Math.max(1, options.inFlight ?? IN_FLIGHT);
  try {
    for (const [k, piece] of pieces.entries()) {
      options.signal?.throwIfAborted();
      while (running.length < k + inFlight && running.length < pieces.length) {
        const next = start(running.length);
        // Handled at once: a later piece that fails while this one renders is not an unhandled rejection.
        next.catch(() => undefined);
        running.push(next);
      }
      const result = await running[k];
      const { firstFrame } = spans[k];
      // A track that cannot play would leave a silent gap in the file: the export fails and says which.
      if (result.failure !== null) throw new Error(result.failure);
      const pieceFromSec = fromSec + piece.startFrame / sampleRate;
      const pieceToSec = pieceFromSec + piece.frames / sampleRate;
      for (const placed of result.placed) {
        if (placed.timeSec < pieceFromSec - 1e-9 || placed.timeSec >= pieceToSec - 1e-9) continue;
        const placedFrame = firstFrame + (placed.ctxTime * sampleRate - DELAY_FRAMES);
        cues.push({ plannedSec: placed.timeSec - fromSec, placedSec: placedFrame / sampleRate, kind: placed.kind });
      }
      const from = DELAY_FRAMES + piece.prerollFrames;
      const { samples } = result;
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
  } finally {
    // An abort or a failure: the pieces still rendering are let go with their realms.
    stopped = true;
    for (const realm of open) realm.close();
    open.clear();
    tracks.closeAll();
  }
  return { frames: total, sampleRate, channels: CHANNELS, cues, joins: pieces.slice(1).map((p) => p.startFrame), joinCorrelations };
}
