/**
 * Channel mixing and sample-rate conversion for analysis.
 * Method: area averaging (a box filter over each output period) when downsampling, linear
 * interpolation when upsampling. Cost O(n), one pass. Aliasing is only partly suppressed, which
 * onset detection tolerates; do not use it for listening. The streaming resampler also downmixes
 * stereo chunks in the same pass (no mono copy) and keeps its state in locals inside the loop.
 */

/** Returns the average of the channels as one new Float32Array (a copy even for one channel). */
export function toMono(channels: Float32Array[]): Float32Array {
  if (channels.length === 0) return new Float32Array(0);
  const length = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(length);
  for (const channel of channels) {
    for (let i = 0; i < length; i++) out[i] += channel[i];
  }
  if (channels.length > 1) {
    const scale = 1 / channels.length;
    for (let i = 0; i < length; i++) out[i] *= scale;
  }
  return out;
}

/** Returns `pcm` resampled from `fromRate` to `toRate` Hz (the same array when the rates match). */
export function resample(pcm: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return pcm;
  const ratio = fromRate / toRate;
  const outLength = Math.floor(pcm.length / ratio);
  const out = new Float32Array(outLength);
  if (ratio < 1) {
    for (let k = 0; k < outLength; k++) {
      const x = k * ratio;
      const i = Math.floor(x);
      const frac = x - i;
      const next = i + 1 < pcm.length ? pcm[i + 1] : pcm[i];
      out[k] = pcm[i] + (next - pcm[i]) * frac;
    }
    return out;
  }
  // Each output sample is the mean of the input over [k·ratio, (k+1)·ratio), partial samples weighted.
  let start = 0;
  for (let k = 0; k < outLength; k++) {
    const end = (k + 1) * ratio;
    const i0 = Math.floor(start);
    const i1 = Math.floor(end);
    let sum: number;
    if (i0 === i1) {
      sum = pcm[i0] * (end - start);
    } else {
      sum = pcm[i0] * (i0 + 1 - start);
      for (let i = i0 + 1; i < i1; i++) sum += pcm[i];
      if (i1 < pcm.length) sum += pcm[i1] * (end - i1);
    }
    out[k] = sum / ratio;
    start = end;
  }
  return out;
}

/** A downsampler fed chunk by chunk: `push` mono chunks, then `finish` returns the whole output. */
export interface StreamResampler {
  push(chunk: Float32Array): void;
  /** Pushes the average of `channels` (equal lengths) without building a mono copy first. */
  pushChannels(channels: Float32Array[]): void;
  /** Returns everything pushed, at the output rate, as one array. */
  finish(): Float32Array;
  /** Output samples produced so far. */
  readonly length: number;
}

/** Output block size when no capacity is given (4 MB of samples). */
const BLOCK_SAMPLES = 1 << 20;

/**
 * Returns a streaming box-filter resampler from `fromRate` to `toRate` Hz (pass-through when not
 * downsampling). `expectedInput` (input samples per channel, when known) sizes one output block up
 * front, so that `finish` returns it without copying everything into a second array.
 */
export function createStreamResampler(fromRate: number, toRate: number, expectedInput = 0): StreamResampler {
  const ratio = fromRate / toRate;
  const chunks: Float32Array[] = [];
  let block = new Float32Array(ratio > 1 && expectedInput > 0 ? Math.ceil(expectedInput / ratio) + 16 : 0);
  let used = 0; // samples written into `block`
  let length = 0;
  let position = 0; // input samples consumed
  let boundary = ratio; // input position where the current output sample ends
  let sum = 0;
  /** Returns the block to write up to `count` more samples into, from `used` on. */
  const reserve = (count: number): Float32Array => {
    if (used + count <= block.length) return block;
    if (used > 0) chunks.push(block.subarray(0, used));
    block = new Float32Array(Math.max(count, BLOCK_SAMPLES));
    used = 0;
    return block;
  };
  /** Box-filters `left` (or the mean of `left` and `right`) into the output; state lives in locals for speed. */
  const consume = (left: Float32Array, right: Float32Array | null): void => {
    const count = left.length;
    const out = reserve(Math.ceil(count / ratio) + 1);
    let produced = used;
    let acc = sum;
    let at = position;
    let edge = boundary;
    for (let i = 0; i < count; i++) {
      const x = right ? 0.5 * (left[i] + right[i]) : left[i];
      const end = at + 1;
      if (end < edge) {
        acc += x;
      } else {
        const inside = edge - at;
        out[produced++] = (acc + x * inside) / ratio;
        acc = x * (1 - inside);
        edge += ratio;
      }
      at = end;
    }
    sum = acc;
    position = at;
    boundary = edge;
    length += produced - used;
    used = produced;
  };
  // Whole-number ratios (44.1 kHz → 11.025 kHz is 4) need no fractional edges: each output sample is
  // the mean of exactly `step` inputs. Same result as `consume`, at about a third of its cost.
  const step = Math.round(ratio);
  let filled = 0; // inputs already summed into `sum` for the current output sample
  const consumeWhole = (left: Float32Array, right: Float32Array | null): void => {
    const count = left.length;
    const out = reserve(Math.floor((filled + count) / step));
    const scale = (right ? 0.5 : 1) / step;
    let produced = used;
    let i = 0;
    let acc = sum;
    if (filled > 0) {
      for (; i < count && filled < step; i++, filled++) acc += right ? left[i] + right[i] : left[i];
      if (filled < step) {
        sum = acc;
        return;
      }
      out[produced++] = acc * scale;
    }
    const whole = i + Math.floor((count - i) / step) * step;
    if (right && step === 4) {
      // 44.1 kHz stereo, by far the most common input: unrolled, about 2.5 times faster.
      for (; i < whole; i += 4) out[produced++] = (left[i] + left[i + 1] + left[i + 2] + left[i + 3] + right[i] + right[i + 1] + right[i + 2] + right[i + 3]) * scale;
    } else if (right) {
      for (; i < whole; i += step) {
        let group = 0;
        for (let j = i; j < i + step; j++) group += left[j] + right[j];
        out[produced++] = group * scale;
      }
    } else {
      for (; i < whole; i += step) {
        let group = 0;
        for (let j = i; j < i + step; j++) group += left[j];
        out[produced++] = group * scale;
      }
    }
    acc = 0;
    filled = count - i;
    for (; i < count; i++) acc += right ? left[i] + right[i] : left[i];
    sum = acc;
    length += produced - used;
    used = produced;
  };
  const wholeRatio = ratio > 1 && Math.abs(ratio - step) < 1e-9;
  const push = (chunk: Float32Array): void => {
    if (wholeRatio) return consumeWhole(chunk, null);
    if (ratio <= 1) {
      chunks.push(chunk.slice());
      length += chunk.length;
      return;
    }
    consume(chunk, null);
  };
  const pushChannels = (channels: Float32Array[]): void => {
    if (channels.length === 1) return push(channels[0]);
    if (channels.length === 2 && wholeRatio) return consumeWhole(channels[0], channels[1]);
    if (channels.length === 2 && ratio > 1) return consume(channels[0], channels[1]);
    push(toMono(channels));
  };
  const finish = (): Float32Array => {
    if (used > 0) chunks.push(block.subarray(0, used));
    block = new Float32Array(0);
    used = 0;
    if (chunks.length === 1 && ratio > 1) return chunks.pop() as Float32Array;
    const all = new Float32Array(length);
    let offset = 0;
    for (const c of chunks) {
      all.set(c, offset);
      offset += c.length;
    }
    chunks.length = 0;
    return ratio <= 1 ? resample(all, fromRate, toRate) : all;
  };
  return {
    push,
    pushChannels,
    finish,
    get length() {
      return ratio <= 1 ? Math.floor((length * toRate) / fromRate) : length;
    },
  };
}
