import { describe, expect, it } from 'vitest';
import { effectiveBpm, fitTempo, fitsTempo, tempoRatioTo } from '../../../src/core/tempo-fit';
import type { TempoTarget } from '../../../src/core/workout';

const run: TempoTarget = { minBpm: 160, maxBpm: 180, allowHalfDouble: true };

describe('tempo matching', () => {
  it('counts half- and double-time music when allowed', () => {
    expect(effectiveBpm(85, run)).toBe(170);
    expect(effectiveBpm(340, run)).toBe(170);
    expect(effectiveBpm(170, run)).toBe(170);
    expect(effectiveBpm(85, { ...run, allowHalfDouble: false })).toBe(85);
    expect(effectiveBpm(100, run)).toBe(200);
    expect(fitsTempo(85, run)).toBe(true);
    expect(fitsTempo(85, { ...run, allowHalfDouble: false })).toBe(false);
    expect(fitsTempo(160, run)).toBe(true);
    expect(fitsTempo(181, run)).toBe(false);
  });

  it('finds the smallest tempo change within the limit', () => {
    expect(tempoRatioTo(170, run, 0)).toBe(1);
    expect(tempoRatioTo(150, run, 10)).toBeCloseTo(160 / 150, 12);
    expect(tempoRatioTo(150, run, 5)).toBeNull();
    expect(tempoRatioTo(190, run, 10)).toBeCloseTo(180 / 190, 12);
    expect(tempoRatioTo(78, run, 5)).toBeCloseTo(80 / 78, 12);
    expect(tempoRatioTo(78, { ...run, allowHalfDouble: false }, 5)).toBeNull();
  });

  it('says by how much the best reachable tempo still misses', () => {
    const fit = fitTempo(150, { minBpm: 170, maxBpm: 180, allowHalfDouble: false }, 5);
    expect(fit.playbackRate).toBeCloseTo(1.05, 12);
    expect(fit.missPct).toBeCloseTo((170 / 157.5 - 1) * 100, 9);
    expect(fitTempo(88, run, 0)).toEqual({ playbackRate: 1, octave: 2, missPct: 0 });
  });
});
