import { describe, expect, it } from 'vitest';
import { alignToHalfBeats } from '../../../src/analysis/metrical-alignment';
import { autocorrelate, normalizeOnsets } from '../../../src/analysis/onset-envelope';
import { acfAt } from '../../../src/analysis/tempo-estimate';

const FPS = 11025 / 128;

/** Returns an envelope with onsets every `half` frames and, every two of them, a louder accent ⅜ of one before the next. */
function syncopatedEnvelope(half: number, seconds: number): Float32Array {
  const n = Math.round(seconds * FPS);
  const envelope = new Float32Array(n);
  for (let k = 0; k * half < n; k++) envelope[Math.round(k * half)] += 1;
  for (let k = 0; (k + 1.625) * half < n; k += 2) envelope[Math.round((k + 1.625) * half)] += 1.2;
  return envelope;
}

describe('alignToHalfBeats', () => {
  it('moves beats that follow a syncopated accent back onto the half-beat grid', () => {
    const half = (60 * FPS) / 180; // half beats of a 90 BPM reading of 180 BPM music
    const onsets = normalizeOnsets(syncopatedEnvelope(half, 30), FPS);
    const acf = autocorrelate(onsets, Math.round(5 * FPS));
    const offGrid = Array.from({ length: 40 }, (_, k) => (2 * k + 1.625) * half);
    const beats = alignToHalfBeats(onsets, offGrid, 2 * half, acfAt(acf, half), { from: 0, to: onsets.length });
    expect(beats.length).toBeGreaterThan(30);
    for (const b of beats) {
      const offset = b / half - Math.round(b / half);
      expect(Math.abs(offset)).toBeLessThan(0.15);
    }
  });

  it('keeps beats that already lie on the half-beat grid', () => {
    const half = (60 * FPS) / 240;
    const onsets = normalizeOnsets(syncopatedEnvelope(half, 30), FPS);
    const acf = autocorrelate(onsets, Math.round(5 * FPS));
    const onGrid = Array.from({ length: 40 }, (_, k) => 2 * k * half);
    expect(alignToHalfBeats(onsets, onGrid, 2 * half, acfAt(acf, half), { from: 0, to: onsets.length })).toBe(onGrid);
  });
});
