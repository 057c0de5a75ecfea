import { describe, expect, it } from 'vitest';
import { loopLayoutFrames, repeatedTo, segmentTimeMap } from '../../../src/core/stretch-map';
import { trackTime } from '../../../src/core/units';

// The stretcher's time map and a loop's layout, shared by the live player and the export's stretcher.

describe('a looped track in the stretcher', () => {
  it('is held as two copies and a second of a third, and played from the second copy, wrapping at its end', () => {
    expect(loopLayoutFrames(3, 100)).toBe(9);
    expect(loopLayoutFrames(300, 100)).toBe(700);
    expect(Array.from(repeatedTo(Float32Array.of(1, 2, 3), 8))).toEqual([1, 2, 3, 1, 2, 3, 1, 2]);
    const loop = { startSec: 10, endSec: 30, trackOffsetSec: trackTime(5), playbackRate: 0.9, tempoMap: null, loop: true, tailLoop: null };
    // From workout second 12: track second 5 + 2 × 0.9 = 6.8 of a 4 s loop is its second 2.8, in the second copy.
    const [start] = segmentTimeMap(loop, 12, 1, 4, 0.05);
    expect(start).toMatchObject({ outputSec: 1, rate: 0.9, active: true, loopStartSec: 4, loopEndSec: 8 });
    expect(start.inputSec).toBeCloseTo(6.8, 9);
  });
});
