import { describe, it, expect } from 'vitest';
import { addTap, tapBpm, TAP_RESET_MS, TAP_WINDOW } from '../../../src/core/tap-tempo';

const tapsAt = (bpm: number, n: number, startMs = 1000) => Array.from({ length: n }, (_, i) => startMs + (i * 60_000) / bpm);

describe('tap tempo', () => {
  it('needs four taps', () => {
    expect(tapBpm(tapsAt(120, 3))).toBeNull();
    expect(tapBpm(tapsAt(120, 4))).toBe(120);
  });

  it('returns the tempo of steady taps to 0.1 BPM', () => {
    expect(tapBpm(tapsAt(128, 8))).toBe(128);
    expect(tapBpm(tapsAt(171.5, 6))).toBe(171.5);
  });

  it('ignores one late tap (median, not mean)', () => {
    const taps = tapsAt(100, 8);
    taps[5] += 180;
    taps[6] += 180;
    taps[7] += 180;
    expect(tapBpm(taps)).toBe(100);
  });

  it('keeps the last taps and starts again after a pause', () => {
    let taps: number[] = [];
    for (const t of tapsAt(90, 12)) taps = addTap(taps, t);
    expect(taps).toHaveLength(TAP_WINDOW);
    expect(tapBpm(taps)).toBe(90);
    const later = taps[taps.length - 1] + TAP_RESET_MS;
    expect(addTap(taps, later)).toEqual([later]);
  });

  it('counts only the last window of taps when the tempo changes', () => {
    const slow = tapsAt(80, 8);
    const fast = tapsAt(160, 8, slow[7] + 375);
    expect(tapBpm([...slow, ...fast])).toBe(160);
  });

  it('restarts on a clock that goes backwards', () => {
    expect(addTap([5000], 4000)).toEqual([4000]);
  });
});
