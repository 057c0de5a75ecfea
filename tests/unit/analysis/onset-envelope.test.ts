import { describe, expect, it } from 'vitest';
import { autocorrelate } from '../../../src/analysis/onset-envelope';

/** Returns the autocorrelation of `x[from, to)` by the definition: mean removed, unbiased, divided by lag 0. */
function directAutocorrelation(x: Float32Array, maxLag: number, from: number, to: number): number[] {
  const n = to - from;
  const mean = x.subarray(from, to).reduce((a, b) => a + b, 0) / n;
  const raw: number[] = [];
  for (let lag = 0; lag <= Math.min(maxLag, n - 1); lag++) {
    let sum = 0;
    for (let t = from; t + lag < to; t++) sum += (x[t] - mean) * (x[t + lag] - mean);
    raw.push(sum / (n - lag));
  }
  return raw.map((v) => v / raw[0]);
}

/** Returns a deterministic pseudo-random envelope with a pulse every `period` frames. */
function pulsedEnvelope(n: number, period: number): Float32Array {
  let seed = 12345;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Float32Array.from({ length: n }, (_, t) => (t % period === 0 ? 3 : 0) + random());
}

describe('autocorrelate', () => {
  it('matches the definition at every lag, also on a sub-range (FFT-based, no circular wrap-around)', () => {
    const x = pulsedEnvelope(1500, 37);
    for (const [from, to, maxLag] of [
      [0, 1500, 431],
      [200, 900, 300],
      [0, 1000, 999],
    ]) {
      const acf = autocorrelate(x, maxLag, from, to);
      const direct = directAutocorrelation(x, maxLag, from, to);
      expect(acf.length).toBe(maxLag + 1);
      direct.forEach((value, lag) => expect(acf[lag]).toBeCloseTo(value, 5));
    }
  });

  it('peaks at the pulse period and leaves lags beyond the input at zero', () => {
    const x = pulsedEnvelope(600, 40);
    const acf = autocorrelate(x, 1000);
    expect(acf[0]).toBeCloseTo(1, 6);
    expect(acf[40]).toBeGreaterThan(0.5);
    expect(acf[20]).toBeLessThan(0.1);
    expect(acf[800]).toBe(0);
  });

  it('returns zeros for a constant or too short input', () => {
    expect(Array.from(autocorrelate(new Float32Array(100).fill(2), 10)).every((v) => v === 0)).toBe(true);
    expect(Array.from(autocorrelate(Float32Array.of(1), 4))).toEqual([0, 0, 0, 0, 0]);
  });
});
