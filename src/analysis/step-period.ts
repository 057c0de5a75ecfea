/**
 * The step period of a window of band-passed acceleration magnitude, by autocorrelation.
 * Method: the normalised autocorrelation r(lag) over the overlapping part of the window (lags 0.26–3 s). The
 * gait repeats every stride (two steps), and often more strongly than every step: an arm swinging at the
 * stride rate, a phone in one front pocket. So the first local peak of r that reaches 60 % of the highest is
 * taken as the stride or a step (a later, higher peak is a multiple, raised by chance or by aliasing at low
 * rates), and it is halved while half of it is a period of its own: r at the half lag clearly above r at a
 * quarter and three quarters, where the two steps fall out of phase. A step is never halved because r at half
 * a step is strongly negative. The period is refined from the parabolic peaks at its multiples; the strength
 * is r at the step or at the stride, whichever is higher.
 * Cost: O(window × lags), about 45 000 multiply-adds for 6 s at 50 Hz.
 * Known failures: a gait whose two steps differ so much that r at a step is no higher than at half a step
 * (a limp; in simulation, a pocket phone clipping at ±2 g at 210 steps/min) reads at half the cadence; a
 * steady non-gait vibration (a car, a treadmill motor) reads as a cadence when it falls in the step band.
 */

/** The shortest step period searched, seconds (230 steps/min). */
export const MIN_STEP_SEC = 60 / 230;
/** The longest step period searched, seconds (40 steps/min); strides up to twice this. */
export const MAX_STEP_SEC = 60 / 40;

/** A step period found in a window: the period in seconds and how periodic the window is (0..1). */
export interface StepPeriod {
  periodSec: number;
  /** The autocorrelation at the step or at the stride, whichever is higher, 0..1. */
  strength: number;
}

/** Returns the normalised autocorrelation of `x` for lags 0..`maxLag` samples (each −1..1). */
export function autocorrelation(x: Float64Array, maxLag: number): Float64Array {
  const n = x.length;
  // Prefix sums of squares give each lag's energies in O(1).
  const energy = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) energy[i + 1] = energy[i] + x[i] * x[i];
  const r = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag && lag < n; lag++) {
    let sum = 0;
    for (let i = 0; i + lag < n; i++) sum += x[i] * x[i + lag];
    const norm = Math.sqrt(energy[n - lag] * (energy[n] - energy[lag]));
    r[lag] = norm > 0 ? sum / norm : 0;
  }
  return r;
}

// The lag of the highest r within ±10 % of `lag` (at least ±1 sample), or -1 when out of range.
function peakNear(r: Float64Array, lag: number, minLag: number): number {
  const spread = Math.max(1, Math.round(lag * 0.1));
  let best = -1;
  for (let i = Math.max(minLag, Math.round(lag) - spread); i <= Math.min(r.length - 1, Math.round(lag) + spread); i++) {
    if (best < 0 || r[i] > r[best]) best = i;
  }
  return best;
}

// The lag of the highest r within `spread` of `lag`.
function peakWithin(r: Float64Array, lag: number, spread: number): number {
  let best = Math.round(lag);
  for (let i = Math.ceil(lag - spread); i <= Math.min(r.length - 1, Math.floor(lag + spread)); i++) if (r[i] > r[best]) best = i;
  return best;
}

// Linear interpolation of r at a fractional lag.
function at(r: Float64Array, lag: number): number {
  const i = Math.min(r.length - 2, Math.floor(lag));
  return r[i] + (r[i + 1] - r[i]) * (lag - i);
}

// The vertex of the parabola through r at peak - 1, peak, peak + 1, as a fractional lag.
function refinePeak(r: Float64Array, peak: number): number {
  if (peak <= 0 || peak >= r.length - 1) return peak;
  const a = r[peak - 1];
  const b = r[peak];
  const c = r[peak + 1];
  const d = a - 2 * b + c;
  return d < 0 ? peak + Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / d)) : peak;
}

/** The first peak at least this fraction of the highest is the gait's period (a later one is a multiple of it). */
export const FIRST_PEAK_RATIO = 0.6;
/** Contrast over which half a lag counts as a period of its own (r at half minus r at the quarters). */
export const HALVING_CONTRAST = 0.15;

/** Returns the step period of `x` sampled at `rateHz`, or null when no lag in the step band repeats at all. */
export function findStepPeriod(x: Float64Array, rateHz: number): StepPeriod | null {
  const minLag = Math.floor(MIN_STEP_SEC * rateHz);
  const maxLag = Math.min(Math.ceil(2 * MAX_STEP_SEC * rateHz), Math.floor(x.length / 2));
  if (maxLag <= minLag + 2) return null;
  const r = autocorrelation(x, maxLag + 1);
  let best = -1;
  for (let lag = minLag; lag <= maxLag; lag++) if (best < 0 || r[lag] > r[best]) best = lag;
  if (best < 0 || r[best] <= 0) return null;
  // The first local peak that comes near the highest: a longer one is a multiple of it.
  let lag = best;
  for (let i = minLag + 1; i < best; i++) {
    if (r[i] >= FIRST_PEAK_RATIO * r[best] && r[i] >= r[i - 1] && r[i] >= r[i + 1]) {
      lag = i;
      break;
    }
  }
  while (lag / 2 >= minLag) {
    const half = peakNear(r, lag / 2, minLag);
    const contrast = r[half] - (at(r, lag / 4) + at(r, (3 * lag) / 4)) / 2;
    if (half < 0 || (contrast < HALVING_CONTRAST && lag <= MAX_STEP_SEC * rateHz)) break;
    lag = half;
  }
  // How periodic the gait is: at its step, or at its stride when one leg differs from the other.
  const stride = 2 * lag <= maxLag ? peakNear(r, 2 * lag, minLag) : lag;
  const strength = Math.max(r[lag], r[stride]);
  // Refine from the multiples that repeat well, each looked for within a quarter period of where the
  // estimate so far puts it: a longer lag measures the period more finely.
  let periodLag = refinePeak(r, lag);
  let num = periodLag;
  let den = 1;
  for (let k = 2; k * periodLag + periodLag / 4 <= maxLag; k++) {
    const peak = peakWithin(r, k * periodLag, periodLag / 4);
    if (r[peak] < 0.5 * strength) continue;
    num += k * refinePeak(r, peak);
    den += k * k;
    periodLag = num / den;
  }
  return { periodSec: periodLag / rateHz, strength: Math.max(0, Math.min(1, strength)) };
}
