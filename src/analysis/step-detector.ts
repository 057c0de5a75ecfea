/**
 * Cadence (steps per minute) from a phone's accelerometer, streaming, once a second.
 * Method: readings (acceleration including gravity, any orientation, any rate from 25 to 100 Hz with jitter)
 * are resampled to 50 Hz; the magnitude of the acceleration, which does not depend on how the phone is held,
 * is band-passed to 0.5–5 Hz; every second the step period of the last 6 s is found by autocorrelation with a
 * step-or-stride choice (`step-period.ts`), and the reading is the median of the last three cadences (two of
 * them at least must be known). The reading is null while the phone is still (too little movement in the last
 * 2 s) or the movement does not repeat well enough (MIN_STRENGTH), so a stop reads null after about 3 s.
 * A change of cadence shows after 3–6 s, once most of the window holds the new one (bench: 160 → 180
 * steps/min within 3 of the new cadence after 6 s at most).
 * Cost: about 45 000 multiply-adds per second of readings (under 0.1 ms).
 * Known failures: those of `step-period.ts`; a gap of readings over 0.5 s (a hidden page) restarts the
 * 3 s warm-up; shuffling about on the spot with some rhythm can read as slow steps.
 */
import { createFilterChain, createResampler, highPass, lowPass, type MotionSample } from './motion-signal';
import { findStepPeriod } from './step-period';

/** The detector's internal sample rate, Hz. */
export const DETECTOR_RATE_HZ = 50;
/** Length of the analysed window, seconds. */
export const WINDOW_SEC = 6;
/** Readings begin once this much signal has come in, seconds. */
export const WARM_UP_SEC = 3;
/** A gap between readings longer than this restarts the detector, seconds. */
export const MAX_GAP_SEC = 0.5;
/** Below this RMS of band-passed magnitude over the last 2 s the phone counts as still, m/s². */
export const STILL_RMS_MS2 = 0.3;
/** Below this autocorrelation at the gait period the movement counts as not periodic (0..1). */
export const MIN_STRENGTH = 0.6;

/** One reading a second: at `tSec` (the readings' clock), the cadence in steps/min or null, and its confidence. */
export interface CadenceReading {
  tSec: number;
  /** Steps per minute; null while still, warming up or moving without a rhythm. */
  spm: number | null;
  /** How periodic the last window was, 0..1 (0 with a null cadence). */
  confidence: number;
}

/** A streaming cadence detector: `push` each reading in time order and get the readings it completes. */
export interface StepDetector {
  push(sample: MotionSample): CadenceReading[];
  reset(): void;
}

const RECENT_SEC = 2;
const MEDIAN_OF = 3;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Returns a new detector with an empty history. */
export function createStepDetector(): StepDetector {
  const rate = DETECTOR_RATE_HZ;
  const size = WINDOW_SEC * rate;
  const ring = new Float64Array(size);
  const filter = createFilterChain([highPass(0.5, rate), lowPass(5, rate)]);
  let count = 0;
  let restMs2 = 0;
  let recent: (number | null)[] = [];
  let out: CadenceReading[] = [];

  const lastWindow = (): Float64Array => {
    const n = Math.min(count, size);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = ring[(count - n + i) % size];
    return x;
  };

  const read = (tSec: number): CadenceReading => {
    const x = lastWindow();
    let energy = 0;
    for (let i = x.length - RECENT_SEC * rate; i < x.length; i++) energy += x[i] * x[i];
    const isStill = Math.sqrt(energy / (RECENT_SEC * rate)) < STILL_RMS_MS2;
    const period = isStill ? null : findStepPeriod(x, rate);
    const isPeriodic = period !== null && period.strength >= MIN_STRENGTH;
    recent = [...recent, isPeriodic ? 60 / period.periodSec : null].slice(-MEDIAN_OF);
    const known = recent.filter((v): v is number => v !== null);
    if (!isPeriodic || known.length < 2) return { tSec, spm: null, confidence: 0 };
    return { tSec, spm: median(known), confidence: period.strength };
  };

  const onTick = (tick: MotionSample, isFirst: boolean) => {
    const magnitude = Math.hypot(tick.x, tick.y, tick.z);
    if (isFirst) {
      // Start the filter from the first magnitude so that gravity does not ring through it.
      filter.reset();
      count = 0;
      recent = [];
      restMs2 = magnitude;
    }
    ring[count % size] = filter.step(magnitude - restMs2);
    count += 1;
    if (count >= WARM_UP_SEC * rate && count % rate === 0) out.push(read(tick.tSec));
  };
  const resampler = createResampler(rate, MAX_GAP_SEC, onTick);

  return {
    push(sample: MotionSample): CadenceReading[] {
      out = [];
      resampler.push(sample);
      return out;
    },
    reset(): void {
      resampler.reset();
    },
  };
}

/** Returns the readings of a whole recording (samples in time order), one a second. */
export function detectCadence(samples: Iterable<MotionSample>): CadenceReading[] {
  const detector = createStepDetector();
  const readings: CadenceReading[] = [];
  for (const sample of samples) readings.push(...detector.push(sample));
  return readings;
}
