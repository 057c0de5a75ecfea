/**
 * Small signal helpers for the no-beat textures and the noise augmentation: white and pink noise
 * and an RBJ biquad (low-pass, high-pass, band-pass) whose coefficients may change per block.
 */
import type { Rng } from './rng';

/** Returns `frames` samples of white noise in [-1, 1). */
export function whiteNoise(frames: number, rng: Rng): Float32Array {
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) out[i] = 2 * rng.next() - 1;
  return out;
}

/** Returns `frames` samples of pink (1/f) noise, roughly unit peak (Paul Kellet's filter). */
export function pinkNoise(frames: number, rng: Rng): Float32Array {
  const out = new Float32Array(frames);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  for (let i = 0; i < frames; i++) {
    const w = 2 * rng.next() - 1;
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    out[i] = (b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362) * 0.11;
    b6 = w * 0.115926;
  }
  return out;
}

/** A second-order IIR filter section (Direct Form I). */
export class Biquad {
  private b0 = 1; private b1 = 0; private b2 = 0; private a1 = 0; private a2 = 0;
  private x1 = 0; private x2 = 0; private y1 = 0; private y2 = 0;

  /** Sets a low-pass at `hz` with quality `q`, for sample rate `rate`. */
  lowpass(hz: number, q: number, rate: number): this {
    const w = (2 * Math.PI * hz) / rate, alpha = Math.sin(w) / (2 * q), cos = Math.cos(w);
    return this.set((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
  }

  /** Sets a high-pass at `hz` with quality `q`, for sample rate `rate`. */
  highpass(hz: number, q: number, rate: number): this {
    const w = (2 * Math.PI * hz) / rate, alpha = Math.sin(w) / (2 * q), cos = Math.cos(w);
    return this.set((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
  }

  /** Sets a band-pass (0 dB peak) at `hz` with quality `q`, for sample rate `rate`. */
  bandpass(hz: number, q: number, rate: number): this {
    const w = (2 * Math.PI * hz) / rate, alpha = Math.sin(w) / (2 * q), cos = Math.cos(w);
    return this.set(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
  }

  /** Returns the filtered sample `x`. */
  step(x: number): number {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1; this.x1 = x; this.y2 = this.y1; this.y1 = y;
    return y;
  }

  private set(b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): this {
    this.b0 = b0 / a0; this.b1 = b1 / a0; this.b2 = b2 / a0; this.a1 = a1 / a0; this.a2 = a2 / a0;
    return this;
  }
}

/** Returns a slow random walk of `frames` values in [lo, hi] through knots spaced irregularly around `seconds`. */
export function wander(frames: number, rate: number, seconds: number, lo: number, hi: number, rng: Rng): Float32Array {
  const out = new Float32Array(frames);
  let from = 0, to = Math.round(rate * seconds * rng.range(0.5, 1.5));
  let a = rng.range(lo, hi), b = rng.range(lo, hi);
  for (let i = 0; i < frames; i++) {
    if (i >= to) {
      [from, to, a, b] = [to, to + Math.round(rate * seconds * rng.range(0.5, 1.5)), b, rng.range(lo, hi)];
    }
    const f = (i - from) / (to - from);
    out[i] = a + (b - a) * f * f * (3 - 2 * f);
  }
  return out;
}
