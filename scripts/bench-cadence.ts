/**
 * Cadence benchmark: the step detector's error in steps/min against the truth,
 * (a) on the real walks of the shared folder (Oxford step-counter data set: foot-switch step times; truth = the
 *     steps' cadence over the trailing window the detector reads, as a least-squares slope; first 8 s left out),
 * (b) on simulated walks and runs across phone positions, reading rates, random orientations, jitter, dropped
 *     readings and noise, (c) on simulated runs under heavy noise and ±2 g clipping,
 * then the time to follow 160 → 180 steps/min (no wander), the time to report a stop, and the CPU cost.
 * `npx tsx scripts/bench.ts cadence`.
 */
import { performance } from 'node:perf_hooks';
import { type CarryPosition, type CadenceSegment, type MotionSynthOptions, cadenceAt, synthMotion } from '../src/analysis/motion-synth';
import { WINDOW_SEC, detectCadence } from '../src/analysis/step-detector';
import { OXFORD_DIR, cadenceErrors, cadenceOfSteps, hasOxfordWalks, loadOxfordWalks, settleSec } from '../tests/helpers/motion';

const SKIP_SEC = 8;
const POSITIONS: CarryPosition[] = ['hand', 'pocket', 'armband', 'waist'];
const RATES_HZ = [25, 60, 100];
const SEEDS = [1, 2, 3];

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const worst = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);

function simulate(profile: CadenceSegment[], durationSec: number, position: CarryPosition, rateHz: number, seed: number, wander = 0.03) {
  return synthMotion({ profile, durationSec, position, rateHz, jitter: 0.2, wander, dropRate: 0.03, noiseMs2: 0.15, orientation: 'random', seed });
}

function realLines(): string[] {
  if (!hasOxfordWalks()) return [`(a) No real walks at ${OXFORD_DIR}: set MONTAGE_SHARED to the folder that holds motion/oxford-walking.`];
  const lines = ['(a) Real walks (Oxford step counter, CC BY 4.0), readings from 8 s: mean | worst abs error, nulls', '', '| file | position | truth spm | readings | mean err | worst err | nulls |', '|---|---|---|---|---|---|---|'];
  for (const walk of loadOxfordWalks()) {
    const readings = detectCadence(walk.samples);
    const { errors, nulls } = cadenceErrors(readings, (t) => cadenceOfSteps(walk.stepsSec, t, WINDOW_SEC), SKIP_SEC);
    const truth = cadenceOfSteps(walk.stepsSec, 30, 30) ?? NaN;
    lines.push(`| ${walk.name} | ${walk.position} | ${fmt(truth)} | ${errors.length + nulls} | ${fmt(mean(errors))} | ${fmt(worst(errors))} | ${nulls} |`);
  }
  return lines;
}

function steadyLines(): string[] {
  const lines = ['', `(b) Simulated steady cadence, 40 s each, ${RATES_HZ.join('/')} Hz ±20 % jitter, 3 % dropped, noise 0.15 m/s², cadence wandering ±3 %, random orientation, ${SEEDS.length} seeds; readings from 8 s`, '', '| gait | position | traces | mean err | worst err | within 3 spm | nulls |', '|---|---|---|---|---|---|---|'];
  const byRate = new Map<number, number[]>();
  for (const [gait, cadences] of [['walk', [100, 110, 120]], ['run', [160, 175, 190]]] as const) {
    for (const position of POSITIONS) {
      const all: number[] = [];
      let nulls = 0;
      let traces = 0;
      for (const spm of cadences) for (const rateHz of RATES_HZ) for (const seed of SEEDS) {
        const trace = simulate([{ fromSec: 0, spm }], 40, position, rateHz, seed * 97 + spm);
        const e = cadenceErrors(detectCadence(trace.samples), (t) => cadenceOfSteps(trace.stepsSec, t, WINDOW_SEC), SKIP_SEC);
        all.push(...e.errors);
        nulls += e.nulls;
        traces += 1;
        byRate.set(rateHz, [...(byRate.get(rateHz) ?? []), ...e.errors]);
      }
      const within = all.filter((e) => e <= 3).length / Math.max(1, all.length + nulls);
      lines.push(`| ${gait} | ${position} | ${traces} | ${fmt(mean(all))} | ${fmt(worst(all))} | ${(100 * within).toFixed(1)} % | ${nulls} |`);
    }
  }
  lines.push('', `By reading rate (all positions and gaits): ${[...byRate].map(([r, e]) => `${r} Hz mean ${fmt(mean(e))} worst ${fmt(worst(e))}`).join('; ')}`);
  return lines;
}

function stressLines(): string[] {
  const lines = ['', '(c) Simulated runs under stress (160/175/190/210 steps/min, all positions and rates, 2 seeds): worst error, octave errors (off by over 20), null readings', ''];
  const stresses: [string, Partial<MotionSynthOptions>][] = [['noise 0.5 m/s², 10 % dropped', { noiseMs2: 0.5, dropRate: 0.1 }], ['clipping at ±2 g', { clipMs2: 19.6 }]];
  for (const [label, more] of stresses) {
    const all: number[] = [];
    const octaves = new Map<number, number>();
    let nulls = 0;
    for (const spm of [160, 175, 190, 210]) for (const position of POSITIONS) for (const rateHz of RATES_HZ) for (const seed of [1, 2]) {
      const trace = synthMotion({ profile: [{ fromSec: 0, spm }], durationSec: 40, position, rateHz, jitter: 0.2, wander: 0.03, dropRate: 0.03, noiseMs2: 0.15, orientation: 'random', seed: seed * 97 + spm, ...more });
      const e = cadenceErrors(detectCadence(trace.samples), (t) => cadenceOfSteps(trace.stepsSec, t, WINDOW_SEC), SKIP_SEC);
      all.push(...e.errors);
      nulls += e.nulls;
      octaves.set(spm, (octaves.get(spm) ?? 0) + e.errors.filter((x) => x > 20).length);
    }
    const byCadence = [...octaves].map(([spm, n]) => `${spm}: ${n}`).join(', ');
    lines.push(`- ${label}: ${all.length + nulls} readings, within 3 spm ${((100 * all.filter((e) => e <= 3).length) / (all.length + nulls)).toFixed(1)} %, nulls ${nulls}, worst ${fmt(worst(all))}; octave errors by cadence ${byCadence}`);
  }
  return lines;
}

function changeLines(): string[] {
  const follow: number[] = [];
  const stop: number[] = [];
  for (const position of POSITIONS) for (const rateHz of RATES_HZ) for (const seed of SEEDS) {
    const change: CadenceSegment[] = [{ fromSec: 0, spm: 160 }, { fromSec: 30, spm: 180 }];
    follow.push(settleSec(detectCadence(simulate(change, 60, position, rateHz, seed, 0).samples), 30, cadenceAt(change, 31), 3));
    const halt: CadenceSegment[] = [{ fromSec: 0, spm: 170 }, { fromSec: 30, spm: 0 }];
    stop.push(settleSec(detectCadence(simulate(halt, 45, position, rateHz, seed).samples), 30, null, 0));
  }
  return [
    '',
    `Change 160 → 180 steps/min at 30 s (${follow.length} traces): within 3 spm for good after mean ${fmt(mean(follow))} s, worst ${fmt(worst(follow))} s (target 8 s)`,
    `Stop from 170 steps/min at 30 s (${stop.length} traces): null for good after mean ${fmt(mean(stop))} s, worst ${fmt(worst(stop))} s`,
  ];
}

function costLines(): string[] {
  const { samples } = simulate([{ fromSec: 0, spm: 170 }], 600, 'pocket', 100, 7);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    detectCadence(samples);
    times.push(performance.now() - start);
  }
  const best = Math.min(...times);
  return ['', `CPU: ${fmt((best * 1000) / 600)} µs per second of readings at 100 Hz (best of 5 over 10 min; ${fmt(best)} ms in all)`];
}

/** Returns the cadence benchmark's report lines (markdown). */
export async function benchCadence(): Promise<string[]> {
  return [...realLines(), ...steadyLines(), ...stressLines(), ...changeLines(), ...costLines()];
}
