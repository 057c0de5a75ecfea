/**
 * Motion material for the step detector's tests and bench: the shared real walks (Oxford step-counter data set,
 * `motion/oxford-walking` in the shared folder), their truth cadence from the foot-switch step times, and the
 * error of a detector's readings against a truth.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MotionSample } from '../../src/analysis/motion-signal';
import type { CadenceReading } from '../../src/analysis/step-detector';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder of the real walks: $MONTAGE_SHARED/motion/oxford-walking, by default ../shared beside the repository. */
export const OXFORD_DIR = path.resolve(process.env.MONTAGE_SHARED ?? path.join(repo, '..', 'shared'), 'motion', 'oxford-walking');

/** Whether the real walks are there (they are not part of the repository). */
export const hasOxfordWalks = (): boolean => existsSync(path.join(OXFORD_DIR, 'truth.json'));

/** A real walk: its name, where the phone was, the readings, the foot-switch step times (seconds) and truth.json's cadences (steps/min). */
export interface RecordedWalk {
  name: string;
  position: string;
  samples: MotionSample[];
  stepsSec: number[];
  /** Mean step interval over the 8 s before 10 s, as steps/min. */
  cadenceAt10s: number;
  /** Mean step interval over the last 8 s, as steps/min. */
  cadenceAtEnd: number;
}

/** Returns the real walks of OXFORD_DIR, sorted by name. */
export function loadOxfordWalks(): RecordedWalk[] {
  const truth = JSON.parse(readFileSync(path.join(OXFORD_DIR, 'truth.json'), 'utf8')) as Record<string, { position: string; stepsS: number[]; cadenceAt10s: number; cadenceAtEnd: number }>;
  return Object.keys(truth).sort().map((name) => {
    const lines = readFileSync(path.join(OXFORD_DIR, `${name}.csv`), 'utf8').trim().split('\n').slice(1);
    const samples = lines.map((line) => {
      const [tSec, x, y, z] = line.split(',').map(Number);
      return { tSec, x, y, z };
    });
    const { position, stepsS, cadenceAt10s, cadenceAtEnd } = truth[name];
    return { name, position, samples, stepsSec: stepsS, cadenceAt10s, cadenceAtEnd };
  });
}

/**
 * Returns the cadence of the steps in the `windowSec` before `tSec`, steps/min: 60 × the least-squares slope of
 * the step count against the step times, which one early or late foot switch moves less than the first and last
 * steps' span would. Null under 3 steps.
 */
export function cadenceOfSteps(stepsSec: readonly number[], tSec: number, windowSec: number): number | null {
  const inside = stepsSec.filter((s) => s > tSec - windowSec && s <= tSec);
  if (inside.length < 3) return null;
  const meanT = inside.reduce((a, b) => a + b, 0) / inside.length;
  const meanI = (inside.length - 1) / 2;
  let num = 0;
  let den = 0;
  inside.forEach((s, i) => {
    num += (s - meanT) * (i - meanI);
    den += (s - meanT) ** 2;
  });
  return (60 * num) / den;
}

/** Errors of readings at or after `fromSec` against `truth` (steps/min; null truth skipped): absolute errors and nulls. */
export function cadenceErrors(readings: readonly CadenceReading[], truth: (tSec: number) => number | null, fromSec: number): { errors: number[]; nulls: number } {
  const errors: number[] = [];
  let nulls = 0;
  for (const r of readings) {
    const want = truth(r.tSec);
    if (r.tSec < fromSec || want === null) continue;
    if (r.spm === null) nulls += 1;
    else errors.push(Math.abs(r.spm - want));
  }
  return { errors, nulls };
}

/** Returns the seconds after `changeSec` until every later reading is within `toleranceSpm` of `truth`; Infinity if never. */
export function settleSec(readings: readonly CadenceReading[], changeSec: number, truth: number | null, toleranceSpm: number): number {
  let settled = Infinity;
  for (const r of readings) {
    if (r.tSec < changeSec) continue;
    const ok = truth === null ? r.spm === null : r.spm !== null && Math.abs(r.spm - truth) <= toleranceSpm;
    if (!ok) settled = Infinity;
    else if (settled === Infinity) settled = r.tSec - changeSec;
  }
  return settled;
}
