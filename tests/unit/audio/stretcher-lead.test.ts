import { describe, expect, it } from 'vitest';
import { STRETCH_CONFIG, STRETCH_LEAD_SEC, scheduleMessage } from '../../../src/audio/stretcher';
import { nodeStretcher, QUANTUM, SAMPLE_RATE } from '../../../scripts/stretch-bench/worklet-in-node';

// A resume sends a stretched track's start a moment ahead: the real signalsmith-stretch processor, run quantum by
// quantum in Node with the app's settings, is at full level from its first sound only when that moment is long enough.

const SR = SAMPLE_RATE;
const START_SEC = 1;

/** Returns 8 s of two steady tones and a little noise, seeded: a level that should not move. */
function steady(): Float32Array {
  const x = new Float32Array(8 * SR);
  let seed = 3;
  for (let i = 0; i < x.length; i++) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    x[i] = 0.3 * Math.sin((2 * Math.PI * 220 * i) / SR) + 0.2 * Math.sin((2 * Math.PI * 331 * i) / SR) + 0.05 * (seed / 2 ** 31 - 1);
  }
  return x;
}

/** Plays from track second 4 at 0.95× from output second 1, the start sent `leadSec` before; returns 10 ms levels from then, against the steady level. */
async function levelsAfterStart(leadSec: number): Promise<number[]> {
  const stretcher = await nodeStretcher([steady()], STRETCH_CONFIG);
  const out = new Float32Array(2 * SR);
  const quantum = [new Float32Array(QUANTUM)];
  let sent = false;
  for (let at = 0; at < out.length; at += QUANTUM) {
    if (!sent && at / SR >= START_SEC - leadSec) {
      sent = true;
      stretcher.call('schedule', scheduleMessage({ outputSec: START_SEC, inputSec: 4, rate: 0.95, active: true }, SR));
    }
    stretcher.renderQuantum(quantum);
    out.set(quantum[0].subarray(0, Math.min(QUANTUM, out.length - at)), at);
  }
  const rms = (fromSec: number, toSec: number): number => {
    let sum = 0;
    for (let i = Math.round(fromSec * SR); i < Math.round(toSec * SR); i++) sum += out[i] ** 2;
    return Math.sqrt(sum / Math.round((toSec - fromSec) * SR));
  };
  const reference = rms(1.5, 1.9);
  return Array.from({ length: 6 }, (_, k) => rms(START_SEC + k * 0.01, START_SEC + (k + 1) * 0.01) / reference);
}

describe('a stretched track started after a pause', () => {
  it(`sent ${STRETCH_LEAD_SEC * 1000} ms ahead, plays its first 60 ms at full level`, async () => {
    for (const level of await levelsAfterStart(STRETCH_LEAD_SEC)) expect(level).toBeGreaterThan(0.85);
  });

  it('sent 50 ms ahead (the delay a resume had), fades in from silence over its first 30 ms', async () => {
    const levels = await levelsAfterStart(0.05);
    expect(levels[0]).toBeLessThan(0.3);
    expect(levels[1]).toBeLessThan(0.85);
  });
});
