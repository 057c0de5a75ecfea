/**
 * The beat network's forward pass: per frame of beat-features.ts, the probability that a beat and
 * that a downbeat falls on it. Weights come from scripts/beatnet/train.py (a temporal
 * convolutional network: a 3-tap input convolution, then for each dilation a 5-tap dilated
 * convolution, ELU and a 1×1 mix added to its input; sigmoid outputs). Non-causal: the whole
 * track is in memory.
 * Layout: activations frame-major (`h[t * channels + c]`, as the features come); weights as torch stores
 * them (`w[(out * in + i) * taps + k]`), packed once per network for the convolution's loop. Cost ≈ 6 ×
 * channels² multiply-adds per frame and dilation (≈ 24 000 for 20 channels and 9 dilations with the
 * input layer). The loop works four output channels by four frames at a time, so that each weight loaded
 * serves four frames and each input sample four channels: the shipped network over 4 minutes of frames takes
 * 0.28–0.42 s on one core of the 2-core CI machine against 0.57–0.78 s one channel row at a time, and the
 * whole analysis 0.13–0.15 CPU-s per audio-minute against 0.20–0.21 (`npx tsx scripts/tempo/eval.ts shared`,
 * the same readings to the last digit). Memory ≈ 3 buffers of channels × frames floats.
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

/** A layer's weights packed for `convolve`: per group of four output channels, per tap, per input channel, the four lanes. */
interface Packed { w: Float64Array; bias: Float64Array; inCh: number; outCh: number; taps: number }

/** Returns torch-layout weights `w` (outCh × inCh × taps) and `bias` packed for `convolve`, output channels padded to fours. */
function pack(w: ArrayLike<number>, bias: ArrayLike<number>, inCh: number, outCh: number, taps: number): Packed {
  const groups = Math.ceil(outCh / 4);
  const out = new Float64Array(groups * taps * inCh * 4);
  for (let o = 0; o < outCh; o++) for (let i = 0; i < inCh; i++) for (let k = 0; k < taps; k++) {
    out[(((o >> 2) * taps + k) * inCh + i) * 4 + (o & 3)] = w[(o * inCh + i) * taps + k];
  }
  const b = new Float64Array(groups * 4);
  for (let o = 0; o < outCh; o++) b[o] = bias[o];
  return { w: out, bias: b, inCh, outCh, taps };
}

/**
 * Writes the convolution of `x` (frame-major, `p.inCh` per frame) with the packed layer `p` (taps spaced
 * `dilation`, zero-padded) plus its bias into `out` (frame-major, `p.outCh` per frame). Four output channels by
 * four frames at a time: each weight loaded serves four frames and each input sample four channels.
 */
function convolve(x: Float32Array, frames: number, p: Packed, dilation: number, out: Float32Array): void {
  const { w, bias, inCh, outCh, taps } = p;
  const centre = (taps - 1) >> 1;
  const groups = Math.ceil(outCh / 4);
  for (let g = 0; g < groups; g++) {
    const b0 = bias[g * 4], b1 = bias[g * 4 + 1], b2 = bias[g * 4 + 2], b3 = bias[g * 4 + 3];
    const lanes = Math.min(4, outCh - g * 4);
    for (let t = 0; t < frames; t += 4) {
      const n = Math.min(4, frames - t);
      let a00 = b0, a01 = b1, a02 = b2, a03 = b3;
      let a10 = b0, a11 = b1, a12 = b2, a13 = b3;
      let a20 = b0, a21 = b1, a22 = b2, a23 = b3;
      let a30 = b0, a31 = b1, a32 = b2, a33 = b3;
      for (let k = 0; k < taps; k++) {
        const u = t + (k - centre) * dilation;
        const wk = (g * taps + k) * inCh * 4;
        if (u >= 0 && u + 3 < frames && n === 4) {
          let x0 = u * inCh;
          let wi = wk;
          for (let i = 0; i < inCh; i++, x0++, wi += 4) {
            const w0 = w[wi], w1 = w[wi + 1], w2 = w[wi + 2], w3 = w[wi + 3];
            const v0 = x[x0], v1 = x[x0 + inCh], v2 = x[x0 + 2 * inCh], v3 = x[x0 + 3 * inCh];
            a00 += w0 * v0; a01 += w1 * v0; a02 += w2 * v0; a03 += w3 * v0;
            a10 += w0 * v1; a11 += w1 * v1; a12 += w2 * v1; a13 += w3 * v1;
            a20 += w0 * v2; a21 += w1 * v2; a22 += w2 * v2; a23 += w3 * v2;
            a30 += w0 * v3; a31 += w1 * v3; a32 += w2 * v3; a33 += w3 * v3;
          }
        } else {
          // At the edges (zero padding) and the last frames: frame by frame.
          for (let j = 0; j < n; j++) {
            const uj = u + j;
            if (uj < 0 || uj >= frames) continue;
            let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (let i = 0, xi = uj * inCh, wi = wk; i < inCh; i++, xi++, wi += 4) {
              const v = x[xi];
              s0 += w[wi] * v; s1 += w[wi + 1] * v; s2 += w[wi + 2] * v; s3 += w[wi + 3] * v;
            }
            if (j === 0) { a00 += s0; a01 += s1; a02 += s2; a03 += s3; }
            else if (j === 1) { a10 += s0; a11 += s1; a12 += s2; a13 += s3; }
            else if (j === 2) { a20 += s0; a21 += s1; a22 += s2; a23 += s3; }
            else { a30 += s0; a31 += s1; a32 += s2; a33 += s3; }
          }
        }
      }
      const o = t * outCh + g * 4;
      if (n === 4 && lanes === 4) {
        out[o] = a00; out[o + 1] = a01; out[o + 2] = a02; out[o + 3] = a03;
        out[o + outCh] = a10; out[o + outCh + 1] = a11; out[o + outCh + 2] = a12; out[o + outCh + 3] = a13;
        out[o + 2 * outCh] = a20; out[o + 2 * outCh + 1] = a21; out[o + 2 * outCh + 2] = a22; out[o + 2 * outCh + 3] = a23;
        out[o + 3 * outCh] = a30; out[o + 3 * outCh + 1] = a31; out[o + 3 * outCh + 2] = a32; out[o + 3 * outCh + 3] = a33;
      } else {
        const acc = [a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33];
        for (let j = 0; j < n; j++) for (let l = 0; l < lanes; l++) out[o + j * outCh + l] = acc[j * 4 + l];
      }
    }
  }
}

/** ELU in place. */
function elu(x: Float32Array): void {
  for (let i = 0; i < x.length; i++) if (x[i] < 0) x[i] = Math.expm1(x[i]);
}

/** Every layer of a network, packed: made once per network. */
interface PackedNet { input: Packed; dilated: Packed[]; mix: Packed[]; output: Packed }
const packedNets = new WeakMap<BeatNetWeights, PackedNet>();

function packNet(net: BeatNetWeights): PackedNet {
  let packed = packedNets.get(net);
  if (!packed) {
    const ch = net.channels;
    packed = {
      input: pack(net.inW, net.inB, net.width, ch, 3),
      dilated: net.dilations.map((_, l) => pack(net.dilW[l], net.dilB[l], ch, ch, 5)),
      mix: net.dilations.map((_, l) => pack(net.mixW[l], net.mixB[l], ch, ch, 1)),
      output: pack(net.outW, net.outB, ch, 2, 1),
    };
    packedNets.set(net, packed);
  }
  return packed;
}

/** Runs the network over `features` (frame-major, `net.width` per frame, as beat-features.ts gives them). */
export function beatActivations(features: Float32Array, frames: number, net: BeatNetWeights): BeatActivations {
  const { width, channels: ch } = net;
  const layers = packNet(net);
  const input = new Float32Array(width * frames);
  for (let t = 0; t < frames; t++) for (let f = 0; f < width; f++) input[t * width + f] = (features[t * width + f] - net.mean[f]) / net.std[f];
  const h = new Float32Array(ch * frames);
  convolve(input, frames, layers.input, 1, h);
  elu(h);
  const a = new Float32Array(ch * frames);
  const m = new Float32Array(ch * frames);
  net.dilations.forEach((d, layer) => {
    convolve(h, frames, layers.dilated[layer], d, a);
    elu(a);
    convolve(a, frames, layers.mix[layer], 1, m);
    for (let i = 0; i < h.length; i++) h[i] += m[i];
  });
  const logits = new Float32Array(2 * frames);
  convolve(h, frames, layers.output, 1, logits);
  const beat = new Float32Array(frames);
  const downbeat = new Float32Array(frames);
  for (let t = 0; t < frames; t++) {
    beat[t] = 1 / (1 + Math.exp(-logits[2 * t]));
    downbeat[t] = 1 / (1 + Math.exp(-logits[2 * t + 1]));
  }
  return { beat, downbeat };
}
