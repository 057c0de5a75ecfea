/**
 * Real-input FFTs: power spectra of short frames, and whole spectra for autocorrelation.
 * Method: iterative decimation-in-time complex FFT of N/2 points on the packed real signal, then
 * the standard split into the N/2+1 real-spectrum bins (Cooley–Tukey 1965; Numerical Recipes §12.3).
 * Cost O(N log N) per frame, in as few passes over the data as possible: the window is applied
 * while loading in bit-reversed order, together with the first three stages (twiddles ±1, ±i and
 * (±1 ± i)/√2: no general multiplications, all in registers); the next stages go two at a time as
 * radix-4 butterflies (3 complex multiplications per 4 points), with a last radix-2 stage when
 * log₂(N/2) is even; the split computes bins k and N/2 − k from the same pair of packed values.
 * The tables (bit-reversed order, twiddles) are built once per size and shared. N must be a power
 * of two ≥ 16.
 */

/** A reusable FFT of one size and window, with its scratch buffers: use it from one caller at a time. */
export interface RealFft {
  size: number;
  tables: FftTables;
  /** Multiplies the frame sample by sample (ones when no window was given). */
  weights: Float32Array;
  /** The packed N/2-point transform Z, overwritten by every call. */
  re: Float64Array;
  im: Float64Array;
}

/** The read-only tables of one FFT size, shared by every RealFft of that size. */
export interface FftTables {
  half: number;
  /** Input offsets in bit-reversed order, as indices of the real samples (2 × point index). */
  order: Uint32Array;
  /** e^(−2πik/N) for k < N/2. */
  cosTable: Float64Array;
  sinTable: Float64Array;
  /** W^k, W^2k, W^3k (W = e^(−2πi/4q), k < q) of every radix-4 step q = 8, 32, …, one step after the other. */
  twiddles: Float64Array;
  /** Length of the sub-transforms after the last radix-4 step. */
  quadEnd: number;
}

/** Sizes up to this keep their tables for the next call (≤ 1 MB each); larger ones are rebuilt. */
const MAX_SHARED_SIZE = 1 << 16;
const sharedTables = new Map<number, FftTables>();

/** Returns the tables of a `size`-point real FFT, built on first use. */
function tablesFor(size: number): FftTables {
  const shared = sharedTables.get(size);
  if (shared) return shared;
  const half = size / 2;
  const bits = Math.log2(half);
  // reversed[i] is i with its `bits` bits in reverse order: that of i >> 1 shifted, plus i's lowest bit on top.
  const reversed = new Uint32Array(half);
  for (let i = 1; i < half; i++) reversed[i] = (reversed[i >> 1] >> 1) | ((i & 1) << (bits - 1));
  const order = reversed.map((r) => 2 * r);
  const cosTable = new Float64Array(half);
  const sinTable = new Float64Array(half);
  for (let i = 0; i < half; i++) {
    cosTable[i] = Math.cos((-2 * Math.PI * i) / size);
    sinTable[i] = Math.sin((-2 * Math.PI * i) / size);
  }
  // W_4q^(mk) = W_N^(mk·N/4q): read from the tables, negated past N/2 (W_N^(N/2) = −1). The steps
  // take 6 × (8 + 32 + …) ≤ 2 × N/2 values.
  const twiddles = new Float64Array(2 * half);
  let fill = 0;
  let quadEnd = 8;
  for (; 4 * quadEnd <= half; quadEnd <<= 2) {
    const stride = size / (4 * quadEnd);
    for (let k = 0; k < quadEnd; k++) {
      for (let m = 1; m <= 3; m++) {
        const i = m * k * stride;
        const sign = i < half ? 1 : -1;
        twiddles[fill++] = sign * cosTable[i % half];
        twiddles[fill++] = sign * sinTable[i % half];
      }
    }
  }
  const tables = { half, order, cosTable, sinTable, twiddles, quadEnd };
  if (size <= MAX_SHARED_SIZE) sharedTables.set(size, tables);
  return tables;
}

/** Returns an FFT of real frames of `size` samples (a power of two ≥ 16), optionally windowed. */
export function createRealFft(size: number, window?: Float32Array): RealFft {
  if (!Number.isInteger(Math.log2(size)) || size < 16) throw new RangeError(`FFT size ${size} is not a power of two ≥ 16`);
  if (window && window.length !== size) throw new RangeError(`window of ${window.length} samples for FFT size ${size}`);
  const tables = tablesFor(size);
  const weights = window ?? new Float32Array(size).fill(1);
  return { size, tables, weights, re: new Float64Array(tables.half), im: new Float64Array(tables.half) };
}

/** Writes |X[k]|² for k = 0..N/2 of `signal[start .. start + N)` times the window into `out`. */
export function powerSpectrum(fft: RealFft, signal: Float32Array, out: Float32Array, start = 0): void {
  const { re, im } = fft;
  const { half, cosTable, sinTable } = fft.tables;
  packedTransform(fft.tables, fft.weights, signal, start, re, im);
  // Split the packed transform Z into the spectrum of the real frame: with E = Z[k] + conj Z[N/2−k]
  // and O = (Z[k] − conj Z[N/2−k]) / i (both twice their textbook value, hence the ¼),
  // X[k] = (E + W^k·O) / 2 and X[N/2−k] = conj(E − W^k·O) / 2.
  out[0] = (re[0] + im[0]) ** 2;
  out[half] = (re[0] - im[0]) ** 2;
  for (let k = 1; 2 * k <= half; k++) {
    const j = half - k;
    const er = re[k] + re[j];
    const ei = im[k] - im[j];
    const or = im[k] + im[j];
    const oi = re[j] - re[k];
    const pr = or * cosTable[k] - oi * sinTable[k];
    const pi = or * sinTable[k] + oi * cosTable[k];
    out[k] = 0.25 * ((er + pr) ** 2 + (ei + pi) ** 2);
    out[j] = 0.25 * ((er - pr) ** 2 + (ei - pi) ** 2);
  }
}

/** Writes X[k] = outRe[k] + i·outIm[k] for k = 0..N/2 of `signal[start .. start + N)` times the window. */
export function complexSpectrum(fft: RealFft, signal: Float32Array, outRe: Float64Array, outIm: Float64Array, start = 0): void {
  const { re, im } = fft;
  const { half, cosTable, sinTable } = fft.tables;
  packedTransform(fft.tables, fft.weights, signal, start, re, im);
  // The same split as in powerSpectrum, keeping the complex values.
  outRe[0] = re[0] + im[0];
  outIm[0] = 0;
  outRe[half] = re[0] - im[0];
  outIm[half] = 0;
  for (let k = 1; 2 * k <= half; k++) {
    const j = half - k;
    const er = re[k] + re[j];
    const ei = im[k] - im[j];
    const or = im[k] + im[j];
    const oi = re[j] - re[k];
    const pr = or * cosTable[k] - oi * sinTable[k];
    const pi = or * sinTable[k] + oi * cosTable[k];
    outRe[k] = 0.5 * (er + pr);
    outIm[k] = 0.5 * (ei + pi);
    outRe[j] = 0.5 * (er - pr);
    outIm[j] = -0.5 * (ei - pi);
  }
}

/** Writes Z, the N/2-point complex FFT of the windowed frame packed as x[2n] + i·x[2n+1], into `re`, `im`. */
function packedTransform(tables: FftTables, weights: Float32Array, signal: Float32Array, start: number, re: Float64Array, im: Float64Array): void {
  const { half, order, cosTable, sinTable, twiddles, quadEnd } = tables;
  for (let i = 0; i < half; i += 8) {
    // Eight windowed points in bit-reversed order, transformed in registers: length 2, 4, then 8.
    const j0 = order[i];
    const j1 = order[i + 1];
    const j2 = order[i + 2];
    const j3 = order[i + 3];
    const j4 = order[i + 4];
    const j5 = order[i + 5];
    const j6 = order[i + 6];
    const j7 = order[i + 7];
    const x0r = signal[start + j0] * weights[j0];
    const x0i = signal[start + j0 + 1] * weights[j0 + 1];
    const x1r = signal[start + j1] * weights[j1];
    const x1i = signal[start + j1 + 1] * weights[j1 + 1];
    const x2r = signal[start + j2] * weights[j2];
    const x2i = signal[start + j2 + 1] * weights[j2 + 1];
    const x3r = signal[start + j3] * weights[j3];
    const x3i = signal[start + j3 + 1] * weights[j3 + 1];
    const x4r = signal[start + j4] * weights[j4];
    const x4i = signal[start + j4 + 1] * weights[j4 + 1];
    const x5r = signal[start + j5] * weights[j5];
    const x5i = signal[start + j5 + 1] * weights[j5 + 1];
    const x6r = signal[start + j6] * weights[j6];
    const x6i = signal[start + j6 + 1] * weights[j6 + 1];
    const x7r = signal[start + j7] * weights[j7];
    const x7i = signal[start + j7 + 1] * weights[j7 + 1];
    // Two length-4 transforms p (points 0–3) and q (4–7); twiddle −i: (r + i·s)·(−i) = s − i·r.
    const s0r = x0r + x1r;
    const s0i = x0i + x1i;
    const d0r = x0r - x1r;
    const d0i = x0i - x1i;
    const s1r = x2r + x3r;
    const s1i = x2i + x3i;
    const d1r = x2r - x3r;
    const d1i = x2i - x3i;
    const s2r = x4r + x5r;
    const s2i = x4i + x5i;
    const d2r = x4r - x5r;
    const d2i = x4i - x5i;
    const s3r = x6r + x7r;
    const s3i = x6i + x7i;
    const d3r = x6r - x7r;
    const d3i = x6i - x7i;
    const p0r = s0r + s1r;
    const p0i = s0i + s1i;
    const p1r = d0r + d1i;
    const p1i = d0i - d1r;
    const p2r = s0r - s1r;
    const p2i = s0i - s1i;
    const p3r = d0r - d1i;
    const p3i = d0i + d1r;
    const q0r = s2r + s3r;
    const q0i = s2i + s3i;
    const q1r = d2r + d3i;
    const q1i = d2i - d3r;
    const q2r = s2r - s3r;
    const q2i = s2i - s3i;
    const q3r = d2r - d3i;
    const q3i = d2i + d3r;
    // Length 8: q[k] times the twiddles 1, (1 − i)/√2, −i, (−1 − i)/√2.
    const b1r = Math.SQRT1_2 * (q1r + q1i);
    const b1i = Math.SQRT1_2 * (q1i - q1r);
    const b3r = Math.SQRT1_2 * (q3i - q3r);
    const b3i = -Math.SQRT1_2 * (q3r + q3i);
    re[i] = p0r + q0r;
    im[i] = p0i + q0i;
    re[i + 4] = p0r - q0r;
    im[i + 4] = p0i - q0i;
    re[i + 1] = p1r + b1r;
    im[i + 1] = p1i + b1i;
    re[i + 5] = p1r - b1r;
    im[i + 5] = p1i - b1i;
    re[i + 2] = p2r + q2i;
    im[i + 2] = p2i - q2r;
    re[i + 6] = p2r - q2i;
    im[i + 6] = p2i + q2r;
    re[i + 3] = p3r + b3r;
    im[i + 3] = p3i + b3i;
    re[i + 7] = p3r - b3r;
    im[i + 7] = p3i - b3i;
  }
  let stepOffset = 0;
  for (let q = 8; q < quadEnd; stepOffset += 6 * q, q <<= 2) {
    for (let from = 0; from < half; from += 4 * q) {
      for (let k = 0, offset = stepOffset; k < q; k++, offset += 6) {
        const i0 = from + k;
        const i1 = i0 + q;
        const i2 = i1 + q;
        const i3 = i2 + q;
        // Bit-reversed order: x0, x1 are the halves of the first length-2q transform, x2, x3 of the second.
        const w1r = twiddles[offset + 2];
        const w1i = twiddles[offset + 3];
        const w2r = twiddles[offset];
        const w2i = twiddles[offset + 1];
        const w3r = twiddles[offset + 4];
        const w3i = twiddles[offset + 5];
        const ar = re[i1] * w1r - im[i1] * w1i;
        const ai = re[i1] * w1i + im[i1] * w1r;
        const br = re[i2] * w2r - im[i2] * w2i;
        const bi = re[i2] * w2i + im[i2] * w2r;
        const cr = re[i3] * w3r - im[i3] * w3i;
        const ci = re[i3] * w3i + im[i3] * w3r;
        const sr = re[i0] + ar;
        const si = im[i0] + ai;
        const dr = re[i0] - ar;
        const di = im[i0] - ai;
        const tr = br + cr;
        const ti = bi + ci;
        const ur = br - cr;
        const ui = bi - ci;
        re[i0] = sr + tr;
        im[i0] = si + ti;
        re[i2] = sr - tr;
        im[i2] = si - ti;
        // (−i)·u = ui − i·ur.
        re[i1] = dr + ui;
        im[i1] = di - ur;
        re[i3] = dr - ui;
        im[i3] = di + ur;
      }
    }
  }
  if (quadEnd < half) {
    const halfLength = half >> 1;
    for (let k = 0; k < halfLength; k++) {
      const wr = cosTable[2 * k];
      const wi = sinTable[2 * k];
      const b = k + halfLength;
      const tr = re[b] * wr - im[b] * wi;
      const ti = re[b] * wi + im[b] * wr;
      re[b] = re[k] - tr;
      im[b] = im[k] - ti;
      re[k] += tr;
      im[k] += ti;
    }
  }
}
