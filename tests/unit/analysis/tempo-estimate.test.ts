import { describe, expect, it } from 'vitest';
import { autocorrelate, normalizeOnsets } from '../../../src/analysis/onset-envelope';
import { barSalience, tempoCandidates, WORKOUT_PRIOR } from '../../../src/analysis/tempo-estimate';

const FPS = 11025 / 128;

/**
 * Returns an onset envelope at `bpm` with eighths on every beat whose 4-beat bar has sixteenths in
 * its first half only, so that the half-bar (four beats of the double tempo) does not repeat.
 */
function barPatternEnvelope(bpm: number, seconds: number): Float32Array {
  const period = (60 * FPS) / bpm;
  const n = Math.round(seconds * FPS);
  const envelope = new Float32Array(n);
  for (let bar = 0; bar * 4 * period < n; bar++) {
    for (let eighth = 0; eighth < 8; eighth++) {
      const t = Math.round((bar * 4 + eighth / 2) * period);
      if (t < n) envelope[t] += eighth % 2 === 0 ? 1 : 0.7;
      const sixteenth = Math.round(t + period / 4);
      if (eighth < 4 && sixteenth < n) envelope[sixteenth] += 1;
    }
  }
  return envelope;
}

/** Returns an envelope at `bpm` of eighths (beats louder) with an extra accent 3 + 3 + 2 in each bar: a pulse every 1½ beats. */
function tresilloEnvelope(bpm: number, seconds: number): Float32Array {
  const eighth = (30 * FPS) / bpm;
  const n = Math.round(seconds * FPS);
  const envelope = new Float32Array(n);
  for (let k = 0; k * eighth < n; k++) envelope[Math.round(k * eighth)] += 0.8 + (k % 2 === 0 ? 0.5 : 0) + ([0, 3, 6].includes(k % 8) ? 0.5 : 0);
  return envelope;
}

describe('tempoCandidates', () => {
  it('does not penalise the 3:2 relative whose half beat and bar both repeat better (eighths, not triplets)', () => {
    const onsets = normalizeOnsets(tresilloEnvelope(180, 30), FPS);
    const acf = autocorrelate(onsets, Math.round(5 * FPS));
    const candidates = tempoCandidates(acf, FPS, WORKOUT_PRIOR);
    const at = (bpm: number): number => candidates.find((c) => Math.abs(c.bpm - bpm) < 3)?.score ?? 0;
    expect(at(180)).toBeGreaterThan(0.85 * at(120));
  });

  it('reads a slow beat whose bar repeats at its own tempo, not at the double', () => {
    const onsets = normalizeOnsets(barPatternEnvelope(64, 30), FPS);
    const acf = autocorrelate(onsets, Math.round(5 * FPS));
    const [best] = tempoCandidates(acf, FPS, WORKOUT_PRIOR);
    expect(best.bpm).toBeCloseTo(64, 0);
  });

  it('measures the bar periodicity at four beats', () => {
    const onsets = normalizeOnsets(barPatternEnvelope(64, 30), FPS);
    const acf = autocorrelate(onsets, Math.round(5 * FPS));
    const period = (60 * FPS) / 64;
    expect(barSalience(acf, period)).toBeGreaterThan(barSalience(acf, period / 2) + 0.2);
  });
});
