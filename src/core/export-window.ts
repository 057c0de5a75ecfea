/**
 * The export of a workout as one audio file renders it in pieces (a whole hour in one offline context would need
 * about a gigabyte). This module says what each piece renders: the file's frames cut into pieces, and for each the
 * program as seen through a window of the workout clock — the same plan, its cues untouched, with only the music
 * that sounds in the window, each track cut down to the stretch of it the window plays, so that a piece holds a few
 * minutes of audio and not whole tracks. Pure: data in, data out.
 */
import { FINISH_TAIL_SEC, type Program, type ProgramSegment } from './program';
import { loopedTrackSec } from './tail-loop';
import { trackSecAt } from './tempo-map';
import { trackTime, type Seconds } from './units';

/** A piece of the exported file: its frames, and the frames rendered before it (warming up) and after it (the join). */
export interface ExportPiece {
  index: number;
  /** First frame of the file this piece writes, and how many. */
  startFrame: number;
  frames: number;
  /** Frames rendered before `startFrame` and thrown away: the stretchers and ducks already running there. */
  prerollFrames: number;
  /** Frames rendered past the piece's end and crossfaded into the next piece's first frames (0 for the last). */
  overlapFrames: number;
}

/** How the file is cut. */
export interface PieceOptions {
  sampleRate: number;
  /** Longest piece, seconds; a piece is at least half as long unless the file ends. */
  pieceSec: Seconds;
  prerollSec: Seconds;
  overlapSec: Seconds;
  /** Frames where a piece had best end (track changes: a track then plays whole within one piece). */
  cutFrames?: readonly number[];
  /**
   * Every render starts on a multiple of this many file frames (the audio thread's quantum): a stretcher then
   * meets the same quantum grid in both renders of a join, and a track starting there sounds the same in both.
   */
  alignFrames?: number;
}

/** Returns the file's first workout second (the count-in's start) and its length, seconds: the count-in to the music's end. */
export function exportSpan(program: Pick<Program, 'leadInSec' | 'endSec'>): { fromSec: Seconds; durationSec: Seconds } {
  const fromSec = Math.min(0, -program.leadInSec);
  return { fromSec, durationSec: program.endSec + FINISH_TAIL_SEC - fromSec };
}

/**
 * Returns the pieces that tile `totalFrames` frames of the file; the first has no preroll (nothing plays before
 * it). Each ends at the last of `cutFrames` that keeps it between half and the whole of `pieceSec`, else at
 * `pieceSec`.
 */
export function exportPieces(totalFrames: number, options: PieceOptions): ExportPiece[] {
  const size = Math.max(1, Math.round(options.pieceSec * options.sampleRate));
  const preroll = Math.round(options.prerollSec * options.sampleRate);
  const overlap = Math.round(options.overlapSec * options.sampleRate);
  const cuts = [...(options.cutFrames ?? [])].sort((a, b) => a - b);
  const pieces: ExportPiece[] = [];
  for (let start = 0, index = 0; start < totalFrames; index += 1) {
    const latest = start + size;
    const cut = cuts.filter((c) => c >= start + size / 2 && c <= latest).at(-1);
    const end = latest >= totalFrames ? totalFrames : (cut ?? latest);
    const frames = end - start;
    const align = Math.max(1, options.alignFrames ?? 1);
    const prerollFrames = start - Math.floor(Math.max(0, start - preroll) / align) * align;
    pieces.push({ index, startFrame: start, frames, prerollFrames, overlapFrames: end >= totalFrames ? 0 : Math.min(overlap, frames) });
    start = end;
  }
  return pieces;
}

/**
 * Returns the file frames at which the tracks of `program` change, `afterSec` later (the pieces' best ends: past
 * the outgoing track's fade only the incoming one sounds, started afresh in both renders of the join).
 */
export function trackChangeFrames(program: Pick<Program, 'segments' | 'leadInSec' | 'endSec'>, sampleRate: number, afterSec: Seconds = 0): number[] {
  const { fromSec } = exportSpan(program);
  return program.segments.slice(1).map((s) => Math.round((s.startSec + afterSec - fromSec) * sampleRate));
}

/** A stretch of one track that a window plays: the id the windowed program gives it, and its track seconds. */
export interface TrackClip {
  clipId: string;
  trackId: string;
  fromTrackSec: Seconds;
  /** Infinity: to the track's end (a loop is kept whole). */
  toTrackSec: Seconds;
}

/** The program as one piece renders it, and the track clips its segments play. */
export interface ProgramWindow {
  program: Program;
  clips: TrackClip[];
}

/**
 * Returns `program` with only the segments that sound in [fromSec, toSec) of the workout clock (a fade past a
 * segment's end included), each re-based onto the clip of its track that this window plays (cut on a frame at
 * `sampleRate`), with `marginSec`
 * of the track either side (the stretcher reads a block around where it plays). Loops are kept whole.
 */
export function programWindow(program: Program, fromSec: Seconds, toSec: Seconds, fadeSec: Seconds, sampleRate: number, marginSec = 1): ProgramWindow {
  const clips: TrackClip[] = [];
  const segments: ProgramSegment[] = [];
  program.segments.forEach((s, i) => {
    if (s.endSec + fadeSec <= fromSec || s.startSec >= toSec) return;
    if (s.loop) {
      segments.push(s);
      if (!clips.some((c) => c.clipId === s.trackId)) clips.push({ clipId: s.trackId, trackId: s.trackId, fromTrackSec: 0, toTrackSec: Infinity });
      return;
    }
    const a = loopedTrackSec(s.tailLoop, trackSecAt(s, Math.max(fromSec, s.startSec)));
    const b = trackSecAt(s, Math.min(toSec, s.endSec + fadeSec));
    // A track that runs out repeats its last bar (tail-loop.ts): reaching it, the clip holds the bar whole; a
    // window that ends before it has no repeat (its clip stops short of the bar).
    const tail = s.tailLoop && b > s.tailLoop.startSec ? s.tailLoop : null;
    const [first, last] = tail ? [Math.min(a, tail.startSec), tail.endSec] : [Math.min(a, b), Math.max(a, b)];
    // On a frame of the track (decoded at `sampleRate`): the clip starts on a sample and the offsets stay exact.
    const lo = Math.floor(Math.max(0, first - marginSec) * sampleRate) / sampleRate;
    const clipId = `${s.trackId}@${i}`;
    clips.push({ clipId, trackId: s.trackId, fromTrackSec: lo, toTrackSec: last + marginSec });
    segments.push({
      ...s,
      trackId: clipId,
      trackOffsetSec: trackTime(s.trackOffsetSec - lo),
      tempoMap: s.tempoMap?.map((p) => ({ ...p, trackSec: p.trackSec - lo })) ?? null,
      audioSec: s.audioSec - lo,
      tailLoop: tail && { startSec: tail.startSec - lo, endSec: tail.endSec - lo },
    });
  });
  return { program: { ...program, segments }, clips };
}
