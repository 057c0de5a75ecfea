/**
 * Onset measurements for checking the truth against the audio: the first sound after a given
 * time (latency of a single hit), and the lag that best aligns a clip's onset envelope with its
 * truth beats (a constant offset between truth and audio shows up as a non-zero lag). Above
 * 4 kHz the envelope holds the drums' transients; the full band also holds slow attacks (pads,
 * synth bass) that can pull its best lag 20–60 ms off.
 */
import { Biquad } from './dsp';

/** Returns the time (s) at which `pcm` first reaches 10 % of its peak within [from, from + spanS). */
export function firstSound(pcm: Float32Array, rate: number, from: number, spanS = 0.3): number {
  const a = Math.max(0, Math.round(from * rate)), b = Math.min(pcm.length, a + Math.round(spanS * rate));
  let max = 0;
  for (let i = a; i < b; i++) max = Math.max(max, Math.abs(pcm[i]));
  for (let i = a; i < b; i++) if (Math.abs(pcm[i]) >= 0.1 * max) return i / rate;
  return NaN;
}

/** An onset envelope: positive log-energy rises per hop. */
export interface Envelope {
  values: Float32Array;
  hopS: number;
}

/** Returns the onset envelope of `pcm` with hops of `hop` samples, above `highpassHz` when given. */
export function onsetEnvelope(pcm: Float32Array, rate: number, hop = 128, highpassHz = 0): Envelope {
  if (highpassHz > 0) {
    const filter = new Biquad().highpass(highpassHz, 0.7, rate);
    pcm = pcm.map((x) => filter.step(x));
  }
  const n = Math.floor(pcm.length / hop);
  const values = new Float32Array(n);
  let previous = 0;
  for (let k = 0; k < n; k++) {
    let energy = 0;
    for (let i = k * hop; i < (k + 1) * hop; i++) energy += pcm[i] * pcm[i];
    const level = Math.log(energy / hop + 1e-9);
    values[k] = k > 0 ? Math.max(0, level - previous) : 0;
    previous = level;
  }
  return { values, hopS: hop / rate };
}

/** The alignment of truth beats with the audio's onsets. */
export interface Alignment {
  /** Lag (s) at which the envelope summed at the beats is largest; positive = audio after truth. */
  lagS: number;
  /** Envelope summed at the beats at the best lag, over the same at half a beat later (> 1: beats land on onsets). */
  contrast: number;
}

/** Returns the best lag within ±`maxLagS` of the onset envelope against `beats` (s). */
export function alignBeats(env: Envelope, beats: number[], maxLagS = 0.06): Alignment {
  const at = (t: number): number => {
    const k = Math.round(t / env.hopS);
    return k >= 0 && k < env.values.length ? env.values[k] : 0;
  };
  const sumAt = (lag: number): number => beats.reduce((s, b) => s + at(b + lag), 0);
  let best = 0, bestSum = -1;
  for (let lag = -maxLagS; lag <= maxLagS + 1e-9; lag += env.hopS) {
    const s = sumAt(lag);
    if (s > bestSum) [best, bestSum] = [lag, s];
  }
  const period = beats.length > 1 ? (beats[beats.length - 1] - beats[0]) / (beats.length - 1) : 0.5;
  let offSum = 0;
  for (let lag = -3 * env.hopS; lag <= 3 * env.hopS; lag += env.hopS) offSum = Math.max(offSum, sumAt(best + period / 2 + lag));
  return { lagS: best, contrast: bestSum / (offSum || 1e-9) };
}
