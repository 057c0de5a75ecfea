/** Pure helpers the player screen uses to turn the workout position into what it shows. */
import type { ProgramSegmentInfo } from '../../state/build-program';

/** Returns the index of the step playing at `positionSec` (last step once past the end). */
export function stepIndexAt(stepStarts: number[], positionSec: number): number {
  let i = 0;
  while (i + 1 < stepStarts.length - 1 && stepStarts[i + 1] <= positionSec) i++;
  return i;
}

/** Returns the phase within the current beat, 0 at the beat .. 1 just before the next, or null with no music. */
export function beatPhaseAt(segments: ProgramSegmentInfo[], positionSec: number): number | null {
  const seg = segments.find((s) => s.startSec <= positionSec && positionSec < s.endSec);
  if (!seg || !seg.bpm) return null;
  const trackSec = seg.trackOffsetSec + (positionSec - seg.startSec) * seg.playbackRate;
  const beats = ((trackSec - seg.firstBeatSec) * seg.trackBpm) / 60;
  return beats - Math.floor(beats);
}
