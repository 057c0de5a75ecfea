import { describe, expect, it } from 'vitest';
import { type CadenceSegment, type CarryPosition, type MotionSynthOptions, GRAVITY_MS2, synthMotion } from '../../../src/analysis/motion-synth';
import { type CadenceReading, WINDOW_SEC, detectCadence } from '../../../src/analysis/step-detector';
import { seededRandom, gaussian } from '../../../src/core/random';
import { cadenceErrors, cadenceOfSteps, hasOxfordWalks, loadOxfordWalks, settleSec } from '../../helpers/motion';

const POSITIONS: CarryPosition[] = ['hand', 'pocket', 'armband', 'waist'];
const RATES_HZ = [25, 60, 100];

function simulate(profile: CadenceSegment[], durationSec: number, more: Partial<MotionSynthOptions> = {}) {
  return synthMotion({ profile, durationSec, position: 'pocket', rateHz: 60, jitter: 0.2, wander: 0.03, dropRate: 0.03, noiseMs2: 0.15, orientation: 'random', seed: 1, ...more });
}

/** The worst error (steps/min) of readings from 8 s against the steps' own cadence, and how many were null. */
function steadyErrors(trace: { samples: Parameters<typeof detectCadence>[0]; stepsSec: number[] }) {
  const { errors, nulls } = cadenceErrors(detectCadence(trace.samples), (t) => cadenceOfSteps(trace.stepsSec, t, WINDOW_SEC), 8);
  return { worst: Math.max(...errors), nulls, count: errors.length };
}

const nonNull = (readings: CadenceReading[]) => readings.filter((r) => r.spm !== null);

describe('step detector on simulated walks and runs', () => {
  const cases = POSITIONS.flatMap((position) =>
    [100, 110, 120, 160, 175, 190].map((spm, i) => ({ position, spm, rateHz: RATES_HZ[(i + POSITIONS.indexOf(position)) % 3] })),
  );
  it.each(cases)('reads $spm steps/min within 3, phone $position, $rateHz Hz ±20 %, random orientation', ({ position, spm, rateHz }) => {
    const { worst, nulls, count } = steadyErrors(simulate([{ fromSec: 0, spm }], 40, { position, rateHz, seed: spm + rateHz }));
    expect(nulls).toBe(0);
    expect(count).toBeGreaterThanOrEqual(30);
    expect(worst).toBeLessThanOrEqual(3);
  });

  it.each(RATES_HZ)('reads a run at %i Hz with heavy noise and 10 % of readings lost', (rateHz) => {
    for (const position of POSITIONS) {
      const { worst } = steadyErrors(simulate([{ fromSec: 0, spm: 170 }], 40, { position, rateHz, noiseMs2: 0.5, dropRate: 0.1, seed: 5 }));
      expect(worst, position).toBeLessThanOrEqual(3);
    }
  });

  it('reads an upright phone without wobble as well as a tumbled one', () => {
    const { worst } = steadyErrors(simulate([{ fromSec: 0, spm: 180 }], 40, { orientation: 'upright', position: 'hand' }));
    expect(worst).toBeLessThanOrEqual(3);
  });

  it('reports steps, not strides, when one leg hits harder (pocket) or an arm swings at the stride rate (hand)', () => {
    for (const position of ['pocket', 'hand'] as const) {
      for (const spm of [105, 125, 165, 185]) {
        const readings = nonNull(detectCadence(simulate([{ fromSec: 0, spm }], 30, { position, seed: spm, wander: 0 }).samples));
        expect(readings.every((r) => Math.abs(r.spm! - spm) < 10), `${position} ${spm}`).toBe(true);
      }
    }
  });

  it.each(POSITIONS)('follows 160 → 180 steps/min within 8 s and settles within 3 (%s)', (position) => {
    for (const rateHz of RATES_HZ) {
      const readings = detectCadence(simulate([{ fromSec: 0, spm: 160 }, { fromSec: 30, spm: 180 }], 60, { position, rateHz, wander: 0, seed: 9 }).samples);
      expect(settleSec(readings, 30, 180, 3), `${rateHz} Hz`).toBeLessThanOrEqual(8);
      expect(readings.filter((r) => r.tSec > 8 && r.tSec < 30).every((r) => r.spm !== null && Math.abs(r.spm - 160) <= 3)).toBe(true);
    }
  });

  it.each(POSITIONS)('says null within 4 s of a stop and stays null while standing (%s)', (position) => {
    const readings = detectCadence(simulate([{ fromSec: 0, spm: 170 }, { fromSec: 30, spm: 0 }], 50, { position, seed: 4 }).samples);
    expect(settleSec(readings, 30, null, 0)).toBeLessThanOrEqual(4);
  });

  it('starts reading within 5 s, and again after a walk resumes', () => {
    const readings = detectCadence(simulate([{ fromSec: 0, spm: 115 }, { fromSec: 20, spm: 0 }, { fromSec: 30, spm: 115 }], 45, { seed: 3 }).samples);
    expect(nonNull(readings)[0].tSec).toBeLessThanOrEqual(5);
    expect(nonNull(readings.filter((r) => r.tSec >= 30))[0].tSec).toBeLessThanOrEqual(36);
  });

  it('says null for a phone lying still, and for jostling without a rhythm', () => {
    expect(nonNull(detectCadence(simulate([], 30, { orientation: 'upright' }).samples))).toEqual([]);
    const random = seededRandom(7);
    const jostle = [];
    let v = [0, 0, 0];
    for (let tSec = 0; tSec < 60; tSec += 1 / 60) {
      // Smoothed random pushes of about 2 m/s²: movement, but no period.
      v = v.map((x) => 0.85 * x + 0.8 * gaussian(random));
      jostle.push({ tSec, x: v[0], y: v[1], z: GRAVITY_MS2 + v[2] });
    }
    const readings = detectCadence(jostle);
    expect(nonNull(readings).length).toBeLessThanOrEqual(readings.length / 10);
  });

  it('restarts after a gap in the readings and reads right again', () => {
    const { samples, stepsSec } = simulate([{ fromSec: 0, spm: 170 }], 45, { seed: 8 });
    const readings = detectCadence(samples.filter((s) => s.tSec < 20 || s.tSec >= 23));
    expect(readings.some((r) => r.tSec > 20.5 && r.tSec < 23)).toBe(false);
    const after = readings.filter((r) => r.tSec >= 23 + WINDOW_SEC);
    expect(after.every((r) => r.spm !== null && Math.abs(r.spm - cadenceOfSteps(stepsSec, r.tSec, WINDOW_SEC)!) <= 3)).toBe(true);
  });

  it('gives one reading a second on the readings clock, whatever the rate', () => {
    const readings = detectCadence(simulate([{ fromSec: 0, spm: 170 }], 20, { rateHz: 100 }).samples);
    const gaps = readings.slice(1).map((r, i) => r.tSec - readings[i].tSec);
    expect(gaps.every((g) => Math.abs(g - 1) < 1e-6)).toBe(true);
  });
});

describe.skipIf(!hasOxfordWalks())('step detector on real walks (Oxford step counter, foot-switch truth)', () => {
  it.each(hasOxfordWalks() ? loadOxfordWalks() : [])('$name: within 3 steps/min of the foot switch', (walk) => {
    const readings = detectCadence(walk.samples);
    const { errors, nulls } = cadenceErrors(readings, (t) => cadenceOfSteps(walk.stepsSec, t, WINDOW_SEC), 8);
    expect(nulls).toBe(0);
    expect(Math.max(...errors)).toBeLessThanOrEqual(3);
    const at = (tSec: number) => readings.find((r) => Math.abs(r.tSec - tSec) < 0.5)?.spm ?? NaN;
    expect(Math.abs(at(10) - walk.cadenceAt10s)).toBeLessThanOrEqual(3);
    expect(Math.abs(readings[readings.length - 1].spm! - walk.cadenceAtEnd)).toBeLessThanOrEqual(3);
  });
});
