/**
 * Real-input FFT magnitudes for short frames.
 * Method: iterative radix-2 complex FFT of N/2 points on the packed real signal, then the
 * standard split into the N/2+1 real-spectrum bins (Cooley–Tukey 1965; Numerical Recipes §12.3).
 * Cost O(N log N) per frame with precomputed twiddles; the first two stages (twiddles ±1, −i)
 * are done without multiplications, the later ones two at a time as radix-4 butterflies (3 complex
 * multiplications per 4 points and one pass over the data instead of two), with a last radix-2
 * stage when log₂(N/2) is odd. N must be a power of two ≥ 8.
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

  // Twiddles of every radix-4 step (sub-transforms of length q → 4q, q = 4, 16, …): W^k, W^2k, W^3k
  // with W = e^(−2πi/4q), k < q, stored one step after the other; then those of a last radix-2 stage.
  const quadCount = Math.floor((bits - 2) / 2);
  const radix2Last = (bits - 2) % 2 === 1;
  const twiddles = new Float64Array(6 * half);
  let fill = 0;
  for (let step = 0, q = 4; step < quadCount; step++, q <<= 2) {
    for (let k = 0; k < q; k++) {
      for (let m = 1; m <= 3; m++) {
        twiddles[fill++] = Math.cos((-2 * Math.PI * m * k) / (4 * q));
        twiddles[fill++] = Math.sin((-2 * Math.PI * m * k) / (4 * q));
      }
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
    let stepOffset = 0;
    let q = 4;
    for (let step = 0; step < quadCount; step++, stepOffset += 6 * q, q <<= 2) {
      for (let start = 0; start < half; start += 4 * q) {
        for (let k = 0, offset = stepOffset; k < q; k++, offset += 6) {
          const i0 = start + k;
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
    if (radix2Last) {
      const halfLen = half >> 1;
      for (let k = 0; k < halfLen; k++) {
        const wr = cosTable[2 * k];
        const wi = sinTable[2 * k];
        const b = k + halfLen;
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[k] - tr;
        im[b] = im[k] - ti;
        re[k] += tr;
        im[k] += ti;
      }
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
