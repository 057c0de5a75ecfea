import { describe, expect, it } from 'vitest';
import { autocorrelation, findStepPeriod } from '../../../src/analysis/step-period';
import { createFilterChain, createResampler, highPass, lowPass, type MotionSample } from '../../../src/analysis/motion-signal';

const RATE_HZ = 50;

/** Returns `seconds` of impacts every `stepSec`, alternate ones scaled by `otherLeg`, plus a sine at the stride rate. */
function gait(stepSec: number, seconds: number, otherLeg: number, strideSwing: number): Float64Array {
  const x = new Float64Array(Math.round(seconds * RATE_HZ));
  for (let i = 0; i < x.length; i++) {
    const t = i / RATE_HZ;
    const k = Math.floor(t / stepSec);
    const tau = t - k * stepSec;
    x[i] = (k % 2 ? otherLeg : 1) * Math.exp(-0.5 * ((tau - 0.03) / 0.03) ** 2) + strideSwing * Math.sin((Math.PI * t) / stepSec);
  }
  return x;
}

describe('step period', () => {
  it('finds the period of even steps', () => {
    expect(findStepPeriod(gait(60 / 170, 6, 1, 0), RATE_HZ)!.periodSec).toBeCloseTo(60 / 170, 2);
  });

  it('reports the step, not the stride, when one leg hits much harder', () => {
    const found = findStepPeriod(gait(60 / 110, 6, 0.4, 0), RATE_HZ)!;
    expect(found.periodSec).toBeCloseTo(60 / 110, 2);
    expect(found.strength).toBeGreaterThan(0.9);
  });

  it('reports the step, not the stride, under a swing at the stride rate that repeats far better than the step', () => {
    expect(findStepPeriod(gait(60 / 180, 6, 0.8, 0.3), RATE_HZ)!.periodSec).toBeCloseTo(60 / 180, 2);
  });

  it('does not halve a smooth step (a sine at the step rate)', () => {
    const x = Float64Array.from({ length: 300 }, (_, i) => Math.sin((2 * Math.PI * 1.5 * i) / RATE_HZ));
    expect(findStepPeriod(x, RATE_HZ)!.periodSec).toBeCloseTo(1 / 1.5, 2);
  });

  it('returns null for a window too short to hold two slow steps, and for silence', () => {
    expect(findStepPeriod(new Float64Array(20), RATE_HZ)).toBeNull();
    expect(findStepPeriod(new Float64Array(300), RATE_HZ)).toBeNull();
  });

  it('normalises the autocorrelation to 1 at lag 0', () => {
    const r = autocorrelation(gait(0.4, 4, 1, 0), 30);
    expect(r[0]).toBeCloseTo(1, 10);
    expect(r[20]).toBeCloseTo(1, 1);
  });
});

describe('motion signal', () => {
  it('resamples irregular readings onto the fixed clock by linear interpolation', () => {
    const ticks: MotionSample[] = [];
    const resampler = createResampler(10, 0.5, (tick) => ticks.push(tick));
    for (const tSec of [0, 0.13, 0.31, 0.35, 0.35, 0.3, 0.52]) resampler.push({ tSec, x: tSec * 10, y: 1, z: -tSec });
    expect(ticks.map((t) => Math.round(t.tSec * 100) / 100)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    for (const t of ticks) expect(t.x).toBeCloseTo(t.tSec * 10, 10);
  });

  it('restarts the clock after a gap instead of drawing a line across it', () => {
    const firsts: number[] = [];
    const resampler = createResampler(10, 0.5, (tick, isFirst) => isFirst && firsts.push(tick.tSec));
    for (const tSec of [0, 0.1, 0.2, 1.25, 1.3, 1.4]) resampler.push({ tSec, x: 0, y: 0, z: 9.8 });
    expect(firsts).toEqual([0, 1.25]);
  });

  it('passes DC through the low-pass and blocks it in the high-pass', () => {
    const lp = createFilterChain([lowPass(5, RATE_HZ)]);
    const hp = createFilterChain([highPass(0.5, RATE_HZ)]);
    let a = 0;
    let b = 0;
    for (let i = 0; i < 2000; i++) {
      a = lp.step(1);
      b = hp.step(1);
    }
    expect(a).toBeCloseTo(1, 6);
    expect(b).toBeCloseTo(0, 6);
  });
});
