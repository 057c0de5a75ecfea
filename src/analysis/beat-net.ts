/**
 * The beat network's forward pass: per frame of beat-features.ts, the probability that a beat and
 * that a downbeat falls on it. Weights come from scripts/beatnet/train.py (a temporal
 * convolutional network: a 3-tap input convolution, then for each dilation a 5-tap dilated
 * convolution, ELU and a 1×1 mix added to its input; sigmoid outputs). Non-causal: the whole
 * track is in memory.
 * Layout: activations channel-major (`h[c * frames + t]`), weights as torch stores them
 * (`w[(out * in + i) * taps + k]`). Cost ≈ 6 × channels² multiply-adds per frame and dilation
 * (≈ 24 000 for 20 channels and 9 dilations with the input layer), ≈ 0.12 CPU-s per audio-minute;
 * memory ≈ 3 buffers of channels × frames floats.
 */

/** The trained network as scripts/beatnet/train.py writes it. */
export interface BeatNetWeights {
  width: number;
  channels: number;
  dilations: number[];
  mean: number[];
  std: number[];
  inW: number[];
  inB: number[];
  dilW: number[][];
  dilB: number[][];
  mixW: number[][];
  mixB: number[][];
  outW: number[];
  outB: number[];
}

/** Per-frame beat and downbeat probabilities, 0–1. */
export interface BeatActivations {
  beat: Float32Array;
  downbeat: Float32Array;
}

/**
 * Writes the convolution of `input` (inCh × frames) with `w` (outCh × inCh × taps, spaced `dilation`,
 * zero-padded) plus `bias` into `out`. Four output channels at a time, so that each input sample
 * loaded serves four multiply-adds.
 */
function convolve(input: Float32Array, inCh: number, frames: number, w: ArrayLike<number>, bias: ArrayLike<number>, outCh: number, taps: number, dilation: number, out: Float32Array): void {
  const centre = (taps - 1) >> 1;
  for (let o = 0; o < outCh; o++) out.fill(bias[o], o * frames, (o + 1) * frames);
  for (let o = 0; o < outCh; o += 4) {
    const lanes = Math.min(4, outCh - o);
    const r0 = o * frames; // the rows of the four lanes (used when all four exist)
    const r1 = r0 + frames;
    const r2 = r1 + frames;
    const r3 = r2 + frames;
    for (let i = 0; i < inCh; i++) {
      const src = i * frames;
      for (let k = 0; k < taps; k++) {
        const at = (lane: number) => (lane < lanes ? w[((o + lane) * inCh + i) * taps + k] : 0);
        const w0 = at(0);
        const w1 = at(1);
        const w2 = at(2);
        const w3 = at(3);
        const shift = (k - centre) * dilation;
        const from = Math.max(0, -shift);
        const to = Math.min(frames, frames - shift);
        if (lanes === 4) {
          for (let t = from; t < to; t++) {
            const x = input[src + t + shift];
            out[r0 + t] += w0 * x;
            out[r1 + t] += w1 * x;
            out[r2 + t] += w2 * x;
            out[r3 + t] += w3 * x;
          }
        } else {
          for (let lane = 0; lane < lanes; lane++) {
            const wl = at(lane);
            const row = (o + lane) * frames;
            for (let t = from; t < to; t++) out[row + t] += wl * input[src + t + shift];
          }
        }
      }
    }
  }
}

function elu(x: Float32Array): void {
  for (let i = 0; i < x.length; i++) if (x[i] < 0) x[i] = Math.expm1(x[i]);
}

/** Runs the network over `features` (frame-major, `net.width` per frame, as beat-features.ts gives them). */
export function beatActivations(features: Float32Array, frames: number, net: BeatNetWeights): BeatActivations {
  const { width, channels: ch } = net;
  const input = new Float32Array(width * frames);
  for (let t = 0; t < frames; t++) {
    for (let f = 0; f < width; f++) input[f * frames + t] = (features[t * width + f] - net.mean[f]) / net.std[f];
  }
  const h = new Float32Array(ch * frames);
  convolve(input, width, frames, net.inW, net.inB, ch, 3, 1, h);
  elu(h);
  const a = new Float32Array(ch * frames);
  const m = new Float32Array(ch * frames);
  net.dilations.forEach((d, layer) => {
    convolve(h, ch, frames, net.dilW[layer], net.dilB[layer], ch, 5, d, a);
    elu(a);
    convolve(a, ch, frames, net.mixW[layer], net.mixB[layer], ch, 1, 1, m);
    for (let i = 0; i < h.length; i++) h[i] += m[i];
  });
  const logits = new Float32Array(2 * frames);
  convolve(h, ch, frames, net.outW, net.outB, 2, 1, 1, logits);
  const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
  return { beat: logits.subarray(0, frames).map(sigmoid), downbeat: logits.subarray(frames).map(sigmoid) };
}
