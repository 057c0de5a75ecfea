/**
 * Beat-tracking input from raw spectral flux.
 * Method: subtract a moving average (≈ 0.3 s) to remove the slow loudness trend, keep the
 * positive part, divide by the standard deviation (Ellis 2007, "Beat tracking by dynamic
 * programming", §2.1). Cost O(n); the autocorrelation O(n log n) by FFT.
 */
import { complexSpectrum, createRealFft, powerSpectrum } from './fft';

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

/**
 * Returns the autocorrelation of `x` (mean removed) for lags 0..maxLag, unbiased and divided by lag 0.
 * Computed as the transform of the power spectrum (Wiener–Khinchin) with zero padding to at least
 * n + maxLag points, so that no circular wrap-around reaches the lags kept: O(n log n) instead of
 * O(n × maxLag), the same values up to rounding.
 */
export function autocorrelate(x: Float32Array, maxLag: number, from = 0, to = x.length): Float32Array {
  const n = to - from;
  const lags = Math.min(maxLag, n - 1);
  const acf = new Float32Array(maxLag + 1);
  if (lags < 1) return acf;
  let mean = 0;
  for (let t = from; t < to; t++) mean += x[t];
  mean /= n;
  let size = 16;
  while (size < n + lags) size *= 2;
  const centred = new Float32Array(size);
  for (let t = 0; t < n; t++) centred[t] = x[from + t] - mean;
  const fft = createRealFft(size);
  const power = new Float32Array(size / 2 + 1);
  powerSpectrum(fft, centred, power);
  // The power spectrum is real and even, so its transform is real: size × the circular autocorrelation.
  const spectrum = new Float32Array(size);
  spectrum[0] = power[0];
  for (let k = 1; k <= size / 2; k++) spectrum[k] = spectrum[size - k] = power[k];
  const re = new Float64Array(size / 2 + 1);
  const im = new Float64Array(size / 2 + 1);
  complexSpectrum(fft, spectrum, re, im);
  for (let lag = 0; lag <= lags; lag++) acf[lag] = re[lag] / size / (n - lag);
  const zero = acf[0];
  if (zero > 0) for (let lag = 0; lag <= lags; lag++) acf[lag] /= zero;
  return acf;
}
