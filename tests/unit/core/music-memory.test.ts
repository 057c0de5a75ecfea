import { describe, it, expect } from 'vitest';
import { decodedBytes, segmentsToKeep } from '../../../src/core/music-memory';

describe('decoded music memory policy', () => {
  const segs = Array.from({ length: 40 }, (_, i) => ({ startSec: i * 180, endSec: (i + 1) * 180 }));

  it('keeps the playing segment, and the next one only once it is about to start', () => {
    expect(segmentsToKeep(segs, 10, 8)).toEqual([0]);
    expect(segmentsToKeep(segs, 175, 8)).toEqual([0, 1]);
    expect(segmentsToKeep(segs, 180.5, 8)).toEqual([0, 1]);
    expect(segmentsToKeep(segs, 182, 8)).toEqual([1]);
  });

  it('never holds more than two tracks over a 2-hour workout', () => {
    let peak = 0;
    for (let t = 0; t <= 7200; t += 0.5) {
      const bytes = segmentsToKeep(segs, t, 8).reduce((sum, i) => sum + decodedBytes(segs[i].endSec - segs[i].startSec, 44100, 2), 0);
      peak = Math.max(peak, bytes);
    }
    expect(peak).toBe(2 * decodedBytes(180, 44100, 2));
  });
});
