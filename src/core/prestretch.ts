/**
 * Tempo-matched tracks in an audio export. The export renders in pieces (export-window.ts), and a stretcher
 * restarted for each piece never sounds the same as the one before it at the join: its output depends on where it
 * started. So each stretched segment is stretched once, from its start to its end, by one stretcher that runs on
 * across the pieces (workers/stretch-run.ts, the processor that plays it live, with the same time map); the pieces
 * then play its output as a plain track at rate 1. This module says what to stretch and how the program refers to
 * the result. Pure: data in, data out.
 */
import type { Program, ProgramSegment } from './program';
import { isStretched, loopLayoutFrames, segmentTimeMap, type StretchChange, type StretchConfig } from './stretch-map';
import { loopedTrackSec } from './tail-loop';
import { trackSecAt } from './tempo-map';
import { trackTime, type Seconds } from './units';

/** One segment to stretch whole: its stretched audio is a track of its own, `id`, in the program the pieces play. */
export interface StretchJob {
  id: string;
  /** The track it stretches, and the segment as planned. */
  trackId: string;
  segment: ProgramSegment;
  /** Workout second of the stretched audio's first frame (a little before the segment starts). */
  clockStartSec: Seconds;
  /** How much stretched audio there is, seconds: up to the end of the segment's fade-out. */
  lengthSec: Seconds;
}

/** A window of a track: `channels` hold its frames from `fromFrame` on. */
export interface InputWindow {
  fromFrame: number;
  channels: Float32Array[];
}

/** A stretcher running elsewhere (a worker): renders its output in order, reading the track from the windows given. */
export interface StretchSession {
  /** Renders the next `frames` frames (whole render quanta); `input` replaces the track window it reads (null: keep it). */
  render(frames: number, input: InputWindow | null): Promise<Float32Array<ArrayBuffer>[]>;
  close(): void;
}

/** Opens stretchers for one export, each with its time map (`scheduleMessage`s) sent before its first frame. */
export interface OfflineStretcher {
  open(options: { channels: number; sampleRate: number; config: StretchConfig; messages: Record<string, number | boolean>[] }): Promise<StretchSession>;
}

/** The stretcher starts this long before its segment: it has filled its blocks by the first sound. */
export const JOB_LEAD_SEC = 0.25;
/** Stretched audio past the end of the segment's fade-out. */
const JOB_TAIL_SEC = 0.1;
const PREFIX = 'stretched:';

/**
 * Returns `program` with each tempo-matched segment playing its stretched audio at rate 1 instead, and the jobs
 * that make that audio. The stretched audio starts on a frame of the file (`fileStartSec`, `sampleRate`), so the
 * pieces copy its samples rather than interpolate between them. `crossfadeSec`: the engine's fade between tracks.
 */
export function prestretchProgram(program: Program, options: { fileStartSec: Seconds; sampleRate: number; crossfadeSec: Seconds }): { program: Program; jobs: StretchJob[] } {
  const { fileStartSec, sampleRate, crossfadeSec } = options;
  const jobs: StretchJob[] = [];
  const segments = program.segments.map((segment, i): ProgramSegment => {
    if (!isStretched(segment)) return segment;
    const clockStartSec = fileStartSec + Math.floor((segment.startSec - JOB_LEAD_SEC - fileStartSec) * sampleRate) / sampleRate;
    const lengthSec = segment.endSec + 2 * crossfadeSec + JOB_TAIL_SEC - clockStartSec;
    const job: StretchJob = { id: `${PREFIX}${i}:${segment.trackId}`, trackId: segment.trackId, segment, clockStartSec, lengthSec };
    jobs.push(job);
    return {
      ...segment, trackId: job.id, playbackRate: 1, tempoMap: null, loop: false, tailLoop: null, audioSec: lengthSec,
      trackOffsetSec: trackTime(segment.startSec - clockStartSec),
    };
  });
  return { program: { ...program, segments }, jobs };
}

/** Returns the job whose stretched audio is track `trackId`, if it is one. */
export const jobOf = (jobs: readonly StretchJob[], trackId: string): StretchJob | undefined =>
  trackId.startsWith(PREFIX) ? jobs.find((j) => j.id === trackId) : undefined;

/**
 * Returns the job's time map on its own clock (0 at its first frame): the map the live player sends for the same
 * segment. `lengthSec`: the decoded track's length.
 */
export function jobTimeMap(job: StretchJob, lengthSec: Seconds, crossfadeSec: Seconds): StretchChange[] {
  const { segment } = job;
  return segmentTimeMap(segment, segment.startSec, segment.startSec - job.clockStartSec, lengthSec, crossfadeSec);
}

/**
 * Returns the stretch of the track, in seconds of what the stretcher reads, that its output from `fromSec` to
 * `toSec` (the job's clock) draws on, `padSec` either side (more than the stretcher's blocks reach). A loop reads
 * its whole layout (`loopLayoutFrames`, here in seconds); a track that runs out, its last bar.
 */
export function jobInputSpan(job: StretchJob, lengthSec: Seconds, fromSec: Seconds, toSec: Seconds, padSec: Seconds): [Seconds, Seconds] {
  const { segment } = job;
  if (segment.loop) return [0, loopLayoutFrames(lengthSec, 1)];
  const at = (sec: Seconds): Seconds => trackSecAt(segment, Math.max(segment.startSec, job.clockStartSec + sec));
  const [a, b] = [at(fromSec), at(toSec)];
  const tail = segment.tailLoop;
  const [lo, hi] = tail && b >= tail.startSec ? [Math.min(loopedTrackSec(tail, a), tail.startSec), b >= tail.endSec ? tail.endSec : b] : [a, b];
  return [Math.max(0, lo - padSec), Math.min(lengthSec, hi + padSec)];
}
