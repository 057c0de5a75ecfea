/**
 * The stretcher bench's objective figures, each comparing a render at `rate` with the original, where a
 * moment `t` of the original is planned to play at `t / rate`:
 * - timing: every drum hit's onset (first 1 ms energy frame above 30 % of the loudest within ±100 ms of
 *   where it should be) against the original's onset by the same detector, moved to the plan, ms;
 * - sharpness: the peak spectral flux (512-point frames every 64 samples, positive magnitude differences)
 *   at each drum hit over the original's at the same hit: 1 keeps the attack, lower smears it (median and mean);
 * - echo: the strongest flux peak 25–200 ms after each hit over the hit's own peak, minus the original's,
 *   worst hit: 0 adds no repeated attack (a grain player's doubled hits show here);
 * - pitch: cosine similarity of the chroma of every melody note (the app's beat chroma at 11025 Hz) with
 *   the original's: 1 keeps every pitch class.
 * Known limits: one generated groove, mono analysis of the first channel.
 */
import { createRealFft, powerSpectrum } from '../../src/analysis/fft';
import { beatChroma } from '../../src/analysis/chroma';
import { resample } from '../../src/analysis/resample';
import type { TestSignal } from './signal';

/** The objective figures of one render (medians over the hits and notes, except the worst timing and echo). */
export interface StretchFigures {
  /** Median onset error, ms: positive = later than planned. */
  medianTimingMs: number;
  /** Largest onset error either way, ms. */
  worstTimingMs: number;
  sharpness: number;
  /** Mean sharpness over the hits: lower than the median where some hits are kept whole and others smeared. */
  meanSharpness: number;
  echo: number;
  chroma: number;
}

const FRAME = 512;
const HOP = 64;
const SEARCH_SEC = 0.1;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
};

/** Returns the onset (seconds) of the attack nearest `expectSec`: the first 1 ms energy frame above 30 % of the window's loudest. */
function detectOnsetSec(x: Float32Array, rate: number, expectSec: number): number {
  const win = Math.round(rate * 0.001);
  const from = Math.max(0, Math.round((expectSec - SEARCH_SEC) * rate));
  const to = Math.min(x.length - win, Math.round((expectSec + SEARCH_SEC) * rate));
  const energy = new Float64Array(Math.max(0, to - from));
  let sum = 0;
  for (let i = from; i < from + win; i++) sum += x[i] * x[i];
  for (let i = from; i < to; i++) {
    energy[i - from] = sum;
    sum += x[i + win] * x[i + win] - x[i] * x[i];
  }
  let peak = 0;
  for (const e of energy) peak = Math.max(peak, e);
  const at = energy.findIndex((e) => e >= 0.3 * peak);
  return (from + Math.max(0, at)) / rate;
}

/** Returns the spectral flux of `x`, one value per HOP samples. */
function spectralFlux(x: Float32Array): Float32Array {
  const window = new Float32Array(FRAME).map((_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FRAME));
  const fft = createRealFft(FRAME, window);
  const frames = Math.max(0, Math.floor((x.length - FRAME) / HOP));
  const flux = new Float32Array(frames);
  let last = new Float32Array(FRAME / 2 + 1);
  let now = new Float32Array(FRAME / 2 + 1);
  for (let f = 0; f < frames; f++) {
    powerSpectrumMagnitude(fft, x, now, f * HOP);
    let sum = 0;
    for (let k = 1; k < now.length; k++) sum += Math.max(0, now[k] - last[k]);
    flux[f] = f === 0 ? 0 : sum;
    [last, now] = [now, last];
  }
  return flux;
}

/** Writes the magnitude spectrum of the frame at `start` into `out` (a square root over the power). */
function powerSpectrumMagnitude(fft: ReturnType<typeof createRealFft>, x: Float32Array, out: Float32Array, start: number): void {
  powerSpectrum(fft, x, out, start);
  for (let k = 0; k < out.length; k++) out[k] = Math.sqrt(out[k]);
}

/** Returns the largest flux between `fromSec` and `toSec` (frame centres). */
function peakFlux(flux: Float32Array, rate: number, fromSec: number, toSec: number): number {
  const frameOf = (sec: number) => Math.round((sec * rate - FRAME / 2) / HOP);
  let peak = 0;
  for (let f = Math.max(0, frameOf(fromSec)); f <= Math.min(flux.length - 1, frameOf(toSec)); f++) peak = Math.max(peak, flux[f]);
  return peak;
}

/** Returns the figures of `rendered` (at `signal.sampleRate`), a render of `signal` at `rate`. */
export function stretchFigures(signal: TestSignal, rendered: Float32Array, rate: number): StretchFigures {
  const sr = signal.sampleRate;
  const lastSec = rendered.length / sr - 0.3;
  const hits = signal.onsetsSec.filter((t) => t / rate < lastSec);
  const timing: number[] = [];
  const sharpness: number[] = [];
  const echo: number[] = [];
  const fluxIn = spectralFlux(signal.samples);
  const fluxOut = spectralFlux(rendered);
  for (const t of hits) {
    const original = detectOnsetSec(signal.samples, sr, t);
    const planned = original / rate;
    timing.push((detectOnsetSec(rendered, sr, planned) - planned) * 1000);
    const hitIn = peakFlux(fluxIn, sr, t - 0.02, t + 0.02);
    const hitOut = peakFlux(fluxOut, sr, planned - 0.02, planned + 0.02);
    sharpness.push(hitOut / hitIn);
    const tailIn = peakFlux(fluxIn, sr, t + 0.025, t + 0.2) / hitIn;
    const tailOut = peakFlux(fluxOut, sr, planned + 0.025, planned + 0.2) / Math.max(hitOut, 1e-9);
    echo.push(tailOut - tailIn);
  }
  const rateHz = 11025;
  const notes = signal.notesSec.filter((t) => t / rate < lastSec);
  const chromaIn = beatChroma(resample(signal.samples, sr, rateHz), rateHz, notes.map((t) => (t + 0.01) * rateHz));
  const chromaOut = beatChroma(resample(rendered, sr, rateHz), rateHz, notes.map((t) => (t / rate + 0.01) * rateHz));
  const similarity = notes.map((_, n) => {
    let dot = 0;
    for (let p = 0; p < 12; p++) dot += chromaIn[n * 12 + p] * chromaOut[n * 12 + p];
    return dot;
  });
  return {
    medianTimingMs: median(timing),
    worstTimingMs: Math.max(...timing.map(Math.abs)),
    sharpness: median(sharpness),
    meanSharpness: sharpness.reduce((sum, v) => sum + v, 0) / sharpness.length,
    echo: Math.max(...echo),
    chroma: median(similarity),
  };
}
