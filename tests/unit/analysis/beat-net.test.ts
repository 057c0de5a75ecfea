import { describe, expect, it } from 'vitest';
import { beatActivations, type BeatNetWeights } from '../../../src/analysis/beat-net';
import { SHIPPED_BEAT_NETS } from '../../../src/analysis/analyze-track';
import { beatFeatures } from '../../../src/analysis/beat-features';
import { ANALYSIS_RATE, computeNovelty } from '../../../src/analysis/novelty';
import { resample } from '../../../src/analysis/resample';
import { beatTimes, drumGroove } from '../../helpers/signals';

/** A small deterministic generator for weights. */
function numbers(seed: number): () => number {
  let a = seed;
  return () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
}

/** A random network of the shipped shape, smaller. */
function randomNet(width: number, channels: number, dilations: number[]): BeatNetWeights {
  const r = numbers(7);
  const fill = (n: number, scale = 0.3) => Array.from({ length: n }, () => r() * scale);
  return {
    width, channels, dilations,
    mean: fill(width, 1), std: fill(width, 0.5).map((x) => 1 + Math.abs(x)),
    inW: fill(channels * width * 3), inB: fill(channels),
    dilW: dilations.map(() => fill(channels * channels * 5)), dilB: dilations.map(() => fill(channels)),
    mixW: dilations.map(() => fill(channels * channels)), mixB: dilations.map(() => fill(channels)),
    outW: fill(2 * channels), outB: fill(2),
  };
}

/** The forward pass written out directly from its definition (zero padding, torch's weight layout). */
function reference(x: number[][], net: BeatNetWeights): number[][] {
  const frames = x.length;
  const conv = (h: number[][], w: number[], b: number[], inCh: number, outCh: number, taps: number, d: number): number[][] =>
    Array.from({ length: frames }, (_, t) =>
      Array.from({ length: outCh }, (_, o) => {
        let s = b[o];
        for (let i = 0; i < inCh; i++) for (let k = 0; k < taps; k++) {
          const u = t + (k - (taps - 1) / 2) * d;
          if (u >= 0 && u < frames) s += w[(o * inCh + i) * taps + k] * h[u][i];
        }
        return s;
      }));
  const elu = (h: number[][]) => h.map((row) => row.map((v) => (v > 0 ? v : Math.expm1(v))));
  const input = x.map((row) => row.map((v, f) => (v - net.mean[f]) / net.std[f]));
  let h = elu(conv(input, net.inW, net.inB, net.width, net.channels, 3, 1));
  net.dilations.forEach((d, l) => {
    const a = elu(conv(h, net.dilW[l], net.dilB[l], net.channels, net.channels, 5, d));
    const m = conv(a, net.mixW[l], net.mixB[l], net.channels, net.channels, 1, 1);
    h = h.map((row, t) => row.map((v, c) => v + m[t][c]));
  });
  return conv(h, net.outW, net.outB, net.channels, 2, 1, 1).map((row) => row.map((v) => 1 / (1 + Math.exp(-v))));
}

describe('the beat network', () => {
  it('computes the network it was given: the same numbers as the forward pass written out', () => {
    const net = randomNet(3, 4, [1, 2, 4]);
    const r = numbers(3);
    const x = Array.from({ length: 40 }, () => [r(), r(), r()]);
    const ours = beatActivations(Float32Array.from(x.flat()), x.length, net);
    const want = reference(x, net);
    for (let t = 0; t < x.length; t++) {
      expect(ours.beat[t]).toBeCloseTo(want[t][0], 5);
      expect(ours.downbeat[t]).toBeCloseTo(want[t][1], 5);
    }
  });

  it('the shipped network fires on the beats of a drum groove it never heard, not between them', () => {
    const rate = 22050;
    const bpm = 124;
    const pcm = resample(drumGroove({ bpm, seconds: 16, sampleRate: rate, firstBeat: 0.25 }), rate, ANALYSIS_RATE);
    const novelty = computeNovelty(pcm);
    const { features, frames } = beatFeatures(novelty);
    const out = beatActivations(features, frames, SHIPPED_BEAT_NETS[0]);
    const at = (sec: number) => {
      const t = Math.round((sec - novelty.offsetSec) * novelty.fps);
      return Math.max(out.beat[t - 1] ?? 0, out.beat[t], out.beat[t + 1] ?? 0);
    };
    const beats = beatTimes(bpm, 0.25, 16).slice(2, -2);
    const between = beats.map((b) => b + 30 / bpm);
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean(beats.map(at))).toBeGreaterThan(0.5);
    expect(mean(between.map(at))).toBeLessThan(0.2);
  });
});
