/**
 * Variants of a training clip for the beat network, made on the audio before the features: a speed
 * change (0.85–1.18×, tempo and pitch together; the beat times scale with it), a tilt EQ (two
 * one-pole bands, ±6 dB each), white noise 25–45 dB under the clip's level and a level change.
 * Deterministic per clip and variant.
 */
import { ANALYSIS_RATE } from '../../src/analysis/novelty';
import { resample } from '../../src/analysis/resample';
import { Rng } from '../corpus/rng';

/** Returns the variant's audio (at ANALYSIS_RATE) and its speed (beat times are divided by it). */
export function augmentPcm(pcm: Float32Array, name: string, variant: number): { pcm: Float32Array; speed: number } {
  const rng = new Rng(`${name}#${variant}`);
  const rnd = (): number => rng.next();
  const speed = Math.exp(Math.log(0.85) + rnd() * (Math.log(1.18) - Math.log(0.85)));
  const fast = resample(pcm, ANALYSIS_RATE * speed, ANALYSIS_RATE);
  const out = new Float32Array(fast.length);
  const lowGain = 10 ** ((rnd() * 12 - 6) / 20) - 1;
  const highGain = 10 ** ((rnd() * 12 - 6) / 20) - 1;
  const corner = 200 + rnd() * 1800; // Hz
  const k = 1 - Math.exp((-2 * Math.PI * corner) / ANALYSIS_RATE);
  let low = 0;
  let sumSquares = 0;
  for (let i = 0; i < fast.length; i++) {
    low += k * (fast[i] - low);
    out[i] = fast[i] + lowGain * low + highGain * (fast[i] - low);
    sumSquares += out[i] * out[i];
  }
  const rms = Math.sqrt(sumSquares / Math.max(1, out.length));
  const noise = rms * 10 ** (-(25 + rnd() * 20) / 20) * Math.sqrt(3);
  const level = 10 ** ((rnd() * 12 - 6) / 20);
  for (let i = 0; i < out.length; i++) out[i] = level * (out[i] + noise * (2 * rnd() - 1));
  return { pcm: out, speed };
}
