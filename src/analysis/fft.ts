/**
 * Real-input FFT magnitudes for short frames.
 * Method: iterative radix-2 complex FFT of N/2 points on the packed real signal, then the
 * standard split into the N/2+1 real-spectrum bins (Cooley–Tukey 1965; Numerical Recipes §12.3).
 * Cost O(N log N) per frame with precomputed twiddles; the first two stages (twiddles ±1, −i)
 * are done without multiplications. N must be a power of two ≥ 8.
 */

/** A reusable FFT of one size: `power(frame, out)` writes |X[k]|² for k = 0..N/2 into `out`. */
export interface PowerSpectrum {
  size: number;
  power(frame: Float32Array, out: Float32Array): void;
}

/** Returns a power-spectrum function for real frames of `size` samples (a power of two ≥ 8). */
export function createPowerSpectrum(size: number): PowerSpectrum {
  const half = size / 2;
  if (!Number.isInteger(Math.log2(size)) || size < 8) throw new RangeError(`FFT size ${size} is not a power of two`);
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  const bitReverse = new Uint32Array(half);
  const bits = Math.log2(half);
  for (let i = 0; i < half; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    bitReverse[i] = r;
  }
  const cosTable = new Float64Array(half);
  const sinTable = new Float64Array(half);
  for (let i = 0; i < half; i++) {
    cosTable[i] = Math.cos((-2 * Math.PI * i) / size);
    sinTable[i] = Math.sin((-2 * Math.PI * i) / size);
  }

  // Twiddles of every stage (length 4, 8, … half) stored one after the other.
  const stageCos = new Float64Array(half);
  const stageSin = new Float64Array(half);
  for (let len = 4, offset = 0; len <= half; offset += len >> 1, len <<= 1) {
    for (let k = 0; k < len >> 1; k++) {
      stageCos[offset + k] = cosTable[(k * size) / len];
      stageSin[offset + k] = sinTable[(k * size) / len];
    }
  }

  function power(frame: Float32Array, out: Float32Array): void {
    // Load in bit-reversed order and do the first two stages (lengths 2 and 4, twiddles ±1 and −i)
    // without multiplications.
    for (let i = 0; i < half; i += 4) {
      const j0 = 2 * bitReverse[i];
      const j1 = 2 * bitReverse[i + 1];
      const j2 = 2 * bitReverse[i + 2];
      const j3 = 2 * bitReverse[i + 3];
      const s0r = frame[j0] + frame[j1];
      const s0i = frame[j0 + 1] + frame[j1 + 1];
      const d0r = frame[j0] - frame[j1];
      const d0i = frame[j0 + 1] - frame[j1 + 1];
      const s1r = frame[j2] + frame[j3];
      const s1i = frame[j2 + 1] + frame[j3 + 1];
      const d1r = frame[j2] - frame[j3];
      const d1i = frame[j2 + 1] - frame[j3 + 1];
      re[i] = s0r + s1r;
      im[i] = s0i + s1i;
      re[i + 2] = s0r - s1r;
      im[i + 2] = s0i - s1i;
      // Twiddle −i: (d1r + i·d1i)·(−i) = d1i − i·d1r.
      re[i + 1] = d0r + d1i;
      im[i + 1] = d0i - d1r;
      re[i + 3] = d0r - d1i;
      im[i + 3] = d0i + d1r;
    }
    let offset = 2; // stage twiddles of length 4 are skipped
    for (let len = 8; len <= half; len <<= 1) {
      const halfLen = len >> 1;
      for (let start = 0; start < half; start += len) {
        for (let k = 0; k < halfLen; k++) {
          const wr = stageCos[offset + k];
          const wi = stageSin[offset + k];
          const a = start + k;
          const b = a + halfLen;
          const br = re[b];
          const bi = im[b];
          const tr = br * wr - bi * wi;
          const ti = br * wi + bi * wr;
          const ar = re[a];
          const ai = im[a];
          re[b] = ar - tr;
          im[b] = ai - ti;
          re[a] = ar + tr;
          im[a] = ai + ti;
        }
      }
      offset += halfLen;
    }
    // Split the packed transform into the spectrum of the real frame.
    out[0] = (re[0] + im[0]) ** 2;
    out[half] = (re[0] - im[0]) ** 2;
    for (let k = 1; k < half; k++) {
      const cr = re[half - k];
      const ci = -im[half - k];
      const er = 0.5 * (re[k] + cr);
      const ei = 0.5 * (im[k] + ci);
      const or = 0.5 * (im[k] - ci);
      const oi = -0.5 * (re[k] - cr);
      const wr = cosTable[k];
      const wi = sinTable[k];
      const xr = er + or * wr - oi * wi;
      const xi = ei + or * wi + oi * wr;
      out[k] = xr * xr + xi * xi;
    }
  }
  return { size, power };
}
