/**
 * Simulated phone accelerometer traces of a person walking, running and standing, with a known cadence, for the
 * step detector's tests, its bench and the app's simulated motion sensor. Not a biomechanical model: a plausible
 * sum of the parts that make step detection hard, each sized from the gait literature's typical values.
 * - Trunk: per step a vertical bounce and a heel-strike transient (walking), or a stance half-sine whose mean
 *   is 1 g with a flight phase near 0 g and a sharp impact (running); fore-aft braking; a sideways sway at the
 *   stride rate. Step times alternate a little (uneven legs) and jitter around the profile's cadence.
 * - Limb: the phone swings as a pendulum at the stride rate (hand, thigh in a pocket, upper arm), rotating with
 *   the limb; a pocket phone feels its own leg's impacts more than the other leg's.
 * - Sensor: a fixed mounting (upright, or a random rotation plus a slow wobble), white noise, optional clipping,
 *   readings at irregular times (uniform jitter) with some dropped.
 * Cost: O(1) per sample after an O(steps) schedule.
 */
import { gaussian, seededRandom } from '../core/random';
import type { MotionSample } from './motion-signal';
import { type Matrix3, applyTransposed, multiply, randomRotation, rotation } from './rotation';

/** Standard gravity, m/s². */
export const GRAVITY_MS2 = 9.80665;

/** Where the phone is carried. */
export type CarryPosition = 'hand' | 'pocket' | 'armband' | 'waist';

/** A stretch of a cadence profile: from `fromSec` on, steps at `spm` steps per minute (0: standing still). */
export interface CadenceSegment {
  fromSec: number;
  spm: number;
}

/** What to simulate: times in seconds, rates in Hz, accelerations in m/s². */
export interface MotionSynthOptions {
  profile: readonly CadenceSegment[];
  durationSec: number;
  position: CarryPosition;
  /** Mean reading rate, Hz. */
  rateHz: number;
  /** Each reading interval is 1/rateHz × (1 ± jitter), uniform (0.2: ±20 %). */
  jitter: number;
  /** The cadence wanders around the profile's by ± this fraction over about 20 s, as a runner's does (0.03: ±3 %). */
  wander: number;
  /** Fraction of readings lost (0..1). */
  dropRate: number;
  /** Standard deviation of the sensor noise on each axis, m/s². */
  noiseMs2: number;
  /** 'upright': portrait, screen forward; 'random': a random fixed rotation plus a slow wobble. */
  orientation: 'upright' | 'random';
  seed: number;
  /** Readings saturate at ± this on each axis, m/s² (none when absent). */
  clipMs2?: number;
}

/** Returns the profile's cadence at `tSec`, steps/min (0 before the first segment and while standing). */
export function cadenceAt(profile: readonly CadenceSegment[], tSec: number): number {
  let spm = 0;
  for (const segment of profile) if (segment.fromSec <= tSec) spm = segment.spm;
  return spm;
}

/** Cadences at and above this are simulated as running, steps/min. */
export const RUN_FROM_SPM = 140;

interface Step {
  /** When the foot lands, seconds (the nominal time plus a little jitter). */
  tSec: number;
  /** Where the smooth gait rhythm puts it, seconds: the limbs swing to this. */
  nominalSec: number;
  amp: number;
  isRun: boolean;
  bout: number;
}

interface Limb {
  lengthM: number;
  swingRad: number;
  offsetRad: number;
  phase: number;
}

// Pendulum sizes (pivot to phone, swing amplitude, mean angle) for walking and running; phase in steps.
// The pocket's swing and uneven legs were sized so that a simulated walk at 110 steps/min repeats from step to
// step about as weakly as the real front-pocket walk of the shared Oxford recordings (autocorrelation ≈ 0.36
// against 0.37), and more weakly at faster walking cadences; the detector was not tuned on those recordings.
const LIMBS: Record<CarryPosition, { walk: Limb; run: Limb; impact: number; otherLeg: number }> = {
  hand: { walk: { lengthM: 0.65, swingRad: 0.35, offsetRad: 0.05, phase: 0.5 }, run: { lengthM: 0.45, swingRad: 0.6, offsetRad: 0.2, phase: 0.5 }, impact: 0.6, otherLeg: 0.9 },
  pocket: { walk: { lengthM: 0.35, swingRad: 0.4, offsetRad: 0.3, phase: -0.5 }, run: { lengthM: 0.35, swingRad: 0.6, offsetRad: 0.4, phase: -0.5 }, impact: 1, otherLeg: 0.45 },
  armband: { walk: { lengthM: 0.2, swingRad: 0.2, offsetRad: 0.05, phase: 0.5 }, run: { lengthM: 0.2, swingRad: 0.4, offsetRad: 0.1, phase: 0.5 }, impact: 0.8, otherLeg: 0.9 },
  waist: { walk: { lengthM: 0, swingRad: 0, offsetRad: 0, phase: 0 }, run: { lengthM: 0, swingRad: 0, offsetRad: 0, phase: 0 }, impact: 1, otherLeg: 0.9 },
};

// Steps with an even index land on the phone's leg (it matters in a pocket); a stop starts a new bout.
function scheduleSteps(o: MotionSynthOptions, random: () => number): Step[] {
  const steps: Step[] = [];
  const legs = LIMBS[o.position];
  const driftPhase = 2 * Math.PI * random();
  let tSec = o.profile.length > 0 ? o.profile[0].fromSec + random() * 0.3 : o.durationSec;
  let bout = 0;
  while (tSec < o.durationSec) {
    const spm = cadenceAt(o.profile, tSec);
    if (spm <= 0) {
      const next = o.profile.find((segment) => segment.fromSec > tSec);
      if (!next) break;
      tSec = next.fromSec;
      bout += 1;
      if (steps.length % 2) steps.pop();
      continue;
    }
    const periodSec = (60 / spm) * (1 + o.wander * Math.sin((2 * Math.PI * tSec) / 20 + driftPhase));
    const isOwnLeg = steps.length % 2 === 0;
    const amp = (isOwnLeg ? 1 : legs.otherLeg) * (1 + 0.1 * gaussian(random));
    steps.push({ tSec: tSec + 0.03 * periodSec * gaussian(random), nominalSec: tSec, amp, isRun: spm >= RUN_FROM_SPM, bout });
    // Uneven legs: the two steps of a stride differ by 8 %; their mean is the period.
    tSec += periodSec * (isOwnLeg ? 1.04 : 0.96);
  }
  return steps;
}

const gauss = (x: number, sigma: number) => Math.exp((-0.5 * x * x) / (sigma * sigma));

// Adds the trunk acceleration (forward, left, up; m/s²) of `step`, lasting `periodSec`, at `tauSec` into it.
function addStep(step: Step, periodSec: number, tauSec: number, out: number[]): void {
  const phase = tauSec / periodSec;
  if (step.isRun) {
    const contact = 0.6;
    const stance = phase < contact ? ((GRAVITY_MS2 * Math.PI) / (2 * contact)) * Math.sin((Math.PI * phase) / contact) : 0;
    out[0] += step.amp * (phase < contact ? -3 * Math.sin((2 * Math.PI * phase) / contact) : 0);
    out[2] += step.amp * (stance - GRAVITY_MS2 + 6 * gauss(tauSec - 0.01, 0.012));
  } else {
    out[0] += step.amp * 1.2 * Math.sin(2 * Math.PI * (phase - 0.1));
    out[2] += step.amp * (2.5 * Math.cos(2 * Math.PI * (phase - 0.1)) + 3 * gauss(tauSec - 0.02, 0.025));
  }
}

// Adds the pendulum's acceleration at gait phase `p` (steps, advancing at `rateHz`) and returns its angle, radians.
function addSwing(limb: Limb, p: number, rateHz: number, out: number[]): number {
  const angle = Math.PI * (p - limb.phase);
  const thetaRad = limb.offsetRad + limb.swingRad * Math.sin(angle);
  const omega = limb.swingRad * Math.PI * rateHz * Math.cos(angle);
  const alpha = -limb.swingRad * Math.PI * Math.PI * rateHz * rateHz * Math.sin(angle);
  // Hanging from its pivot, swung forward by theta: tangential alpha·L, centripetal omega²·L.
  out[0] += limb.lengthM * (alpha * Math.cos(thetaRad) - omega * omega * Math.sin(thetaRad));
  out[2] += limb.lengthM * (alpha * Math.sin(thetaRad) + omega * omega * Math.cos(thetaRad));
  return thetaRad;
}

/** A simulated trace: the readings (time order, seconds and m/s² on the device's axes) and the true step times, seconds. */
export interface MotionTrace {
  samples: MotionSample[];
  stepsSec: number[];
}

/** Returns the readings and the step times of the simulated walk or run. */
export function synthMotion(o: MotionSynthOptions): MotionTrace {
  const random = seededRandom(o.seed);
  const steps = scheduleSteps(o, random);
  const limbs = LIMBS[o.position];
  const heading = rotation([0, 0, 1], random() * 2 * Math.PI);
  // Upright portrait: the device's y axis up, its z axis (out of the screen) facing backwards.
  const mount: Matrix3 = o.orientation === 'random' ? randomRotation(random) : [[0, 0, 1], [-1, 0, 0], [0, 1, 0]];
  const wobbleAxis = randomRotation(random)[0];
  const wobbleHz = 0.1 + 0.1 * random();
  const wobbleRad = o.orientation === 'random' ? 0.15 : 0;
  const clip = o.clipMs2 ?? Infinity;
  const samples: MotionSample[] = [];
  let k = 0;
  let j = 0;
  for (let tSec = random() / o.rateHz; tSec < o.durationSec; tSec += (1 + o.jitter * (2 * random() - 1)) / o.rateHz) {
    const noise = [gaussian(random), gaussian(random), gaussian(random)].map((n) => n * o.noiseMs2);
    if (random() < o.dropRate) continue;
    const a = [0, 0, GRAVITY_MS2];
    while (k + 1 < steps.length && steps[k + 1].tSec <= tSec) k += 1;
    const step = steps[k];
    const next = steps[k + 1];
    if (step && next && step.tSec <= tSec && next.bout === step.bout) addStep(step, next.tSec - step.tSec, tSec - step.tSec, a);
    a[0] *= limbs.impact;
    a[2] = GRAVITY_MS2 + (a[2] - GRAVITY_MS2) * limbs.impact;
    // The limbs follow the smooth rhythm, a stride (two steps, from the phone's leg) at a time.
    while (j + 2 < steps.length && steps[j + 2].nominalSec <= tSec) j += 2;
    const from = steps[j];
    const to = steps[j + 2];
    let thetaRad = 0;
    if (from && to && from.nominalSec <= tSec && to.bout === from.bout) {
      const rateHz = 2 / (to.nominalSec - from.nominalSec);
      const p = j + rateHz * (tSec - from.nominalSec);
      a[1] += (from.isRun ? 1.5 : 0.8) * Math.sin(Math.PI * p);
      thetaRad = addSwing(from.isRun ? limbs.run : limbs.walk, p, rateHz, a);
    }
    const wobble = rotation(wobbleAxis, wobbleRad * Math.sin(2 * Math.PI * wobbleHz * tSec));
    const worldFromDevice = multiply(heading, multiply(rotation([0, 1, 0], -thetaRad), multiply(wobble, mount)));
    const [x, y, z] = applyTransposed(worldFromDevice, a).map((v, i) => Math.max(-clip, Math.min(clip, v + noise[i])));
    samples.push({ tSec, x, y, z });
  }
  return { samples, stepsSec: steps.map((step) => step.tSec) };
}
