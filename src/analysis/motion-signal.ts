/**
 * Signal plumbing for the step detector: accelerometer readings at irregular times resampled onto a fixed clock,
 * and second-order IIR filter sections (RBJ audio-EQ cookbook biquads, Butterworth Q) to band-limit them.
 * Method: linear interpolation between the two readings around each tick (no anti-alias filter: the step band
 * sits far below any browser's sensor rate); a gap longer than `maxGapSec` restarts the clock instead of
 * bridging it with a straight line. Cost: O(1) per reading and per tick.
 */

/** One accelerometer reading: time in seconds, acceleration including gravity in m/s² on the device's axes. */
export interface MotionSample {
  tSec: number;
  x: number;
  y: number;
  z: number;
}

/** A second-order filter section, normalised so that a0 = 1. */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** Returns a Butterworth (Q = 1/√2) low-pass section at `cutoffHz` for samples at `rateHz`. */
export function lowPass(cutoffHz: number, rateHz: number): Biquad {
  const w = (2 * Math.PI * cutoffHz) / rateHz;
  const alpha = Math.sin(w) / Math.SQRT2;
  const a0 = 1 + alpha;
  const c = (1 - Math.cos(w)) / 2 / a0;
  return { b0: c, b1: 2 * c, b2: c, a1: (-2 * Math.cos(w)) / a0, a2: (1 - alpha) / a0 };
}

/** Returns a Butterworth (Q = 1/√2) high-pass section at `cutoffHz` for samples at `rateHz`. */
export function highPass(cutoffHz: number, rateHz: number): Biquad {
  const w = (2 * Math.PI * cutoffHz) / rateHz;
  const alpha = Math.sin(w) / Math.SQRT2;
  const a0 = 1 + alpha;
  const c = (1 + Math.cos(w)) / 2 / a0;
  return { b0: c, b1: -2 * c, b2: c, a1: (-2 * Math.cos(w)) / a0, a2: (1 - alpha) / a0 };
}

/** A filter with state: `step` takes one input sample and returns one output sample; `reset` forgets the past. */
export interface FilterChain {
  step(x: number): number;
  reset(): void;
}

/** Returns the sections in series as one streaming filter (direct form II transposed). */
export function createFilterChain(sections: readonly Biquad[]): FilterChain {
  const s1 = new Float64Array(sections.length);
  const s2 = new Float64Array(sections.length);
  return {
    step(input: number): number {
      let x = input;
      for (let i = 0; i < sections.length; i++) {
        const f = sections[i];
        const y = f.b0 * x + s1[i];
        s1[i] = f.b1 * x - f.a1 * y + s2[i];
        s2[i] = f.b2 * x - f.a2 * y;
        x = y;
      }
      return x;
    },
    reset(): void {
      s1.fill(0);
      s2.fill(0);
    },
  };
}

/** Receives each tick of a resampler: the interpolated reading; `isFirst` after a start or a gap. */
export type TickHandler = (tick: MotionSample, isFirst: boolean) => void;

/** A streaming resampler: `push` readings in time order; ticks come out at the fixed rate through the handler. */
export interface Resampler {
  push(sample: MotionSample): void;
  reset(): void;
}

/** Returns a resampler onto ticks every 1/`rateHz` s that restarts after a gap over `maxGapSec`. */
export function createResampler(rateHz: number, maxGapSec: number, onTick: TickHandler): Resampler {
  let prev: MotionSample | null = null;
  let startSec = 0;
  let tickIndex = 0;
  return {
    push(sample: MotionSample): void {
      if (!Number.isFinite(sample.tSec + sample.x + sample.y + sample.z)) return;
      if (prev === null || sample.tSec - prev.tSec > maxGapSec) {
        prev = sample;
        startSec = sample.tSec;
        tickIndex = 1;
        onTick(sample, true);
        return;
      }
      // Readings out of order or repeated (a browser delivering two events at one time stamp) add nothing.
      if (sample.tSec <= prev.tSec) return;
      const spanSec = sample.tSec - prev.tSec;
      for (let tSec = startSec + tickIndex / rateHz; tSec <= sample.tSec; tSec = startSec + tickIndex / rateHz) {
        const f = (tSec - prev.tSec) / spanSec;
        onTick({ tSec, x: prev.x + f * (sample.x - prev.x), y: prev.y + f * (sample.y - prev.y), z: prev.z + f * (sample.z - prev.z) }, false);
        tickIndex += 1;
      }
      prev = sample;
    },
    reset(): void {
      prev = null;
    },
  };
}
