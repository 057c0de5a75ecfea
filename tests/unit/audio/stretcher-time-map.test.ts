import { describe, expect, it } from 'vitest';
import { STRETCH_CONFIG, scheduleMessage, type StretchChange } from '../../../src/audio/stretcher';
import { clockSecOf, rampPoints, trackSecAt, type RateRamp } from '../../../src/core/rate-ramp';
import { nodeStretcher, QUANTUM, SAMPLE_RATE } from '../../../scripts/stretch-bench/worklet-in-node';

// The real signalsmith-stretch processor (its WASM, its worklet code) run quantum by quantum in Node with the
// app's settings and the app's schedule messages: a click track played along a time map with a rate ramp.

const SR = SAMPLE_RATE;
const CLICK_EVERY_SEC = 0.25;

/** Returns 14 s of 2 ms noise clicks every 250 ms (from 0.25 s), seeded. */
function clicks(): Float32Array {
  const x = new Float32Array(14 * SR);
  let seed = 7;
  for (let t = CLICK_EVERY_SEC; t < 13.5; t += CLICK_EVERY_SEC) {
    for (let i = 0; i < 0.002 * SR; i++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      x[Math.round(t * SR) + i] = (seed / 2 ** 31 - 1) * 0.8;
    }
  }
  return x;
}

/** Returns the onset (seconds) nearest `expectSec`: the first 1 ms frame of the difference's energy over 30 % of the loudest within 30 ms. */
function onsetNear(y: Float32Array, expectSec: number): number {
  const w = Math.round(0.001 * SR);
  const from = Math.round((expectSec - 0.03) * SR);
  const energy: number[] = [];
  for (let i = from; i < from + Math.round(0.06 * SR); i++) {
    let e = 0;
    for (let j = i; j < i + w; j++) e += (y[j] - y[j - 1]) ** 2;
    energy.push(e);
  }
  const peak = Math.max(...energy);
  return (from + energy.findIndex((e) => e >= 0.3 * peak)) / SR;
}

describe('stretcher time map (the package processor in Node)', () => {
  it('plays every click where the map puts it, within 2 ms, through a ramp from 0.95x to 1.05x over a bar', async () => {
    const x = clicks();
    const stretcher = await nodeStretcher([x, x], STRETCH_CONFIG);
    const start: StretchChange = { outputSec: 0.2, inputSec: 1, rate: 0.95, active: true };
    // At clock 3 s the track is where 0.95x has brought it; a 2 s bar ramps it to 1.05x.
    const ramp: RateRamp = { startSec: 3, trackSec: 1 + (3 - 0.2) * 0.95, fromRate: 0.95, toRate: 1.05, rampSec: 2 };
    const changes = [start, ...rampPoints(ramp).map((p) => ({ outputSec: p.atSec, inputSec: p.trackSec, rate: p.rate, active: true }))];
    for (const change of changes) stretcher.call('schedule', scheduleMessage(change, SR));

    const out = new Float32Array(9 * SR);
    const block = [new Float32Array(QUANTUM), new Float32Array(QUANTUM)];
    for (let at = 0; at + QUANTUM <= out.length; at += QUANTUM) {
      stretcher.renderQuantum(block);
      out.set(block[0], at);
    }
    // Silent before the start (nothing of the track before 1 s leaks through, apart from the stretcher's ramp-in).
    expect(Math.max(...out.subarray(0, Math.round(0.1 * SR)).map(Math.abs))).toBeLessThan(1e-3);

    const errorsMs: number[] = [];
    for (let click = 1.25; trackSecAt(ramp, 8.7) > click; click += CLICK_EVERY_SEC) {
      const planned = click <= ramp.trackSec ? 0.2 + (click - 1) / 0.95 : clockSecOf(ramp, click);
      if (planned < 0.3) continue;
      errorsMs.push((onsetNear(out, planned) - planned) * 1000);
    }
    if (process.env.DBG) console.log(errorsMs.map((e) => e.toFixed(2)).join(" "));
    expect(errorsMs.length).toBeGreaterThan(30);
    for (const e of errorsMs) expect(Math.abs(e)).toBeLessThan(2);
  });
});
