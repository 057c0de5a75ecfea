/**
 * The tempo stretcher's time map and settings, as plain data: at output time `outputSec` the track plays from
 * `inputSec` at `rate`. The same messages go to signalsmith-stretch's processor wherever it runs — the live
 * AudioWorklet (audio/stretcher.ts) or the export's worker (workers/stretch-run.ts). Pure: numbers in, numbers out.
 */
import type { ProgramSegment } from './program';
import { loopedTrackSec } from './tail-loop';
import { ratePointsFrom, trackSecAt, type MappedSegment } from './tempo-map';
import type { Seconds } from './units';

/** One point of the time map: from audio time `outputSec` on, the track plays from `inputSec` at `rate` (or is silent). */
export interface StretchChange {
  outputSec: number;
  inputSec: number;
  rate: number;
  active: boolean;
  /** Drop every change sent before that comes at or after this one (a stop moved earlier). */
  dropLater?: boolean;
  /** A stretch of the track (seconds) that repeats from here on; none when left out. */
  loopStartSec?: number;
  loopEndSec?: number;
}

/** The worklet's `configure` argument: block length and the step between blocks, ms; whether each block's work is spread. */
export interface StretchConfig {
  blockMs: number;
  intervalMs: number;
  splitComputation: boolean;
}
/**
 * The stretcher's settings: the package's default blocks (120 ms, every 30 ms) with the work of each block
 * spread over the render quanta between blocks. Unspread, one quantum in ten does it all, and on a phone that
 * quantum can overrun its 2.9 ms; spread, the 99th-percentile quantum costs a fifth to a third as much
 * (`npm run bench`), for 30 ms more latency, which the time map absorbs. Shorter blocks or steps were measured
 * and keep drum attacks no sharper (README, Tempo matching).
 */
export const STRETCH_CONFIG: StretchConfig = { blockMs: 120, intervalMs: 30, splitComputation: true };

/** Returns the worklet's `schedule` argument that appends `change` to its time map, at `sampleRate` Hz. */
export function scheduleMessage(change: StretchChange, sampleRate: number): Record<string, number | boolean> {
  // Measured (`npm run bench`, and the engine render test): the worklet's own latency compensation leaves its
  // output about half a render quantum late at any rate and block size; the map is moved that much earlier.
  const earlySec = 64 / sampleRate;
  // The worklet drops every change at or after `outputTime` and forgets every one before it, which suits a
  // change made "now" but not a plan sent ahead (offline, all of it before the first sample). NaN compares
  // false with both, so the change is appended as it is: callers send the map in time order.
  const { outputSec, inputSec, rate, active, loopStartSec = 0, loopEndSec = 0, dropLater = false } = change;
  return { outputTime: dropLater ? outputSec - earlySec : NaN, output: outputSec - earlySec, input: inputSec, rate, active, loopStart: loopStartSec, loopEnd: loopEndSec };
}

/** A segment needs the stretcher when it plays at a rate other than 1 or its tempo moves (a build). */
export const isStretched = (segment: Pick<MappedSegment, 'playbackRate' | 'tempoMap'>): boolean =>
  Math.abs(segment.playbackRate - 1) > 1e-3 || segment.tempoMap !== null;

/** What the time map of a segment needs: its tempo map, whether it is a loop, and the track's last bar repeated. */
export type StretchedSegment = MappedSegment & Pick<ProgramSegment, 'loop' | 'tailLoop'>;

/**
 * Returns where the stretcher reads track second `trackSec`. A loop plays the second of the two copies its player
 * holds (audio/stretched-player.ts) and wraps at its end; a track that runs out repeats its last bar (tail-loop.ts).
 */
function inputAt(segment: StretchedSegment, lengthSec: Seconds, trackSec: Seconds): Pick<StretchChange, 'inputSec' | 'loopStartSec' | 'loopEndSec'> {
  if (segment.loop) return { inputSec: lengthSec + (((trackSec % lengthSec) + lengthSec) % lengthSec), loopStartSec: lengthSec, loopEndSec: 2 * lengthSec };
  const tail = segment.tailLoop;
  return tail ? { inputSec: loopedTrackSec(tail, trackSec), loopStartSec: tail.startSec, loopEndSec: tail.endSec } : { inputSec: trackSec };
}

/**
 * Returns the stretcher's time map that plays `segment` from workout time `fromSec` at output time `atSec`, with
 * the rest of its tempo map up to its end and fade (`crossfadeSec` past the end), on an output clock that runs with
 * the workout's; `lengthSec` is the decoded track's length (a loop wraps at it).
 */
export function segmentTimeMap(segment: StretchedSegment, fromSec: Seconds, atSec: Seconds, lengthSec: Seconds, crossfadeSec: Seconds): StretchChange[] {
  const toOutput = (workoutSec: Seconds): Seconds => atSec + (workoutSec - fromSec);
  const stopsSec = segment.endSec + crossfadeSec;
  const points = ratePointsFrom(segment, fromSec).filter((p) => p.atSec < stopsSec).map((p) => ({ ...p, atSec: toOutput(p.atSec) }));
  const first = points.length > 0 && points[0].atSec <= atSec + 1e-9 ? points[0].rate : segment.playbackRate;
  const offset = loopedTrackSec(segment.tailLoop, trackSecAt(segment, fromSec));
  const map = [{ atSec, trackSec: offset, rate: first }, ...points.filter((p) => p.atSec > atSec + 1e-9)];
  return map.map((p) => ({ outputSec: p.atSec, rate: p.rate, active: true, ...inputAt(segment, lengthSec, p.trackSec) }));
}

/**
 * Frames a looped track's stretcher holds, of a loop `length` frames long at `sampleRate`: it plays the second of
 * two copies, with a second of a third after it, so that the block it reads before and after where it plays finds
 * the loop's end and start at each wrap, not silence (`inputAt`).
 */
export const loopLayoutFrames = (length: number, sampleRate: number): number => 2 * length + Math.min(length, sampleRate);

/** Returns `data` repeated from its start to `frames` frames, as a new array. */
export function repeatedTo(data: Float32Array, frames: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(frames);
  for (let at = 0; at < frames; at += data.length) out.set(data.subarray(0, Math.min(data.length, frames - at)), at);
  return out;
}
