/**
 * Which music segments the player keeps decoded: the one playing and the next one about to start —
 * so a 2-hour workout never holds 2 hours of decoded audio.
 */

/** The part of a segment the policy reads: when it plays on the workout clock. */
export interface TimedSegment {
  startSec: number;
  endSec: number;
}

/** Returns the indexes of the segments to keep decoded at workout position `positionSec`. */
export function segmentsToKeep(segments: readonly TimedSegment[], positionSec: number, prepareAheadSec: number): number[] {
  const keep: number[] = [];
  segments.forEach((s, i) => {
    // Playing now (with a second of grace for the crossfade), or starting within the prepare window.
    if (s.endSec + 1 >= positionSec && s.startSec <= positionSec + prepareAheadSec) keep.push(i);
  });
  return keep;
}

/** Returns the bytes a decoded buffer of `durationSec` takes (32-bit float samples). */
export const decodedBytes = (durationSec: number, sampleRate: number, channels: number): number => Math.ceil(durationSec * sampleRate) * channels * 4;
