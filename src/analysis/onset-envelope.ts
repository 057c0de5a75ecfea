/**
 * Beat-tracking input from raw spectral flux.
 * Method: subtract a moving average (≈ 0.3 s) to remove the slow loudness trend, keep the
 * positive part, divide by the standard deviation (Ellis 2007, "Beat tracking by dynamic
 * programming", §2.1). Cost O(n).
 */

/** Returns the flux with its local mean removed, half-wave rectified and scaled to unit std (zeros if flat). */
export function normalizeOnsets(flux: Float32Array, fps: number): Float32Array {
  const n = flux.length;
  const half = Math.max(1, Math.round(0.15 * fps));
  const out = new Float32Array(n);
  let windowSum = 0;
  let lo = 0;
  let hi = -1;
  for (let t = 0; t < n; t++) {
    while (hi < Math.min(n - 1, t + half)) windowSum += flux[++hi];
    while (lo < t - half) windowSum -= flux[lo++];
    const mean = windowSum / (hi - lo + 1);
    out[t] = Math.max(0, flux[t] - mean);
  }
  let sumSquares = 0;
  for (let t = 0; t < n; t++) sumSquares += out[t] * out[t];
  const std = Math.sqrt(sumSquares / Math.max(1, n));
  if (std > 0) for (let t = 0; t < n; t++) out[t] /= std;
  return out;
}

/** Returns the autocorrelation of `x` (mean removed) for lags 0..maxLag, unbiased and divided by lag 0. */
export function autocorrelate(x: Float32Array, maxLag: number, from = 0, to = x.length): Float32Array {
  const n = to - from;
  const lags = Math.min(maxLag, n - 1);
  const acf = new Float32Array(maxLag + 1);
  if (lags < 1) return acf;
  let mean = 0;
  for (let t = from; t < to; t++) mean += x[t];
  mean /= n;
  const centred = new Float32Array(n);
  for (let t = 0; t < n; t++) centred[t] = x[from + t] - mean;
  for (let lag = 0; lag <= lags; lag++) {
    let sum = 0;
    for (let t = 0; t + lag < n; t++) sum += centred[t] * centred[t + lag];
    acf[lag] = sum / (n - lag);
  }
  const zero = acf[0];
  if (zero > 0) for (let lag = 0; lag <= lags; lag++) acf[lag] /= zero;
  return acf;
}
