/**
 * Onset-strength (novelty) envelope.
 * Method: log-compressed band-energy spectral flux (Böck, Krebs & Schedl 2012, "Evaluating the
 * online capabilities of onset detection methods"; Ellis 2007 for the use in beat tracking):
 * Hann frames of 256 samples at 11025 Hz, hop 128 (≈ 86 frames/s), power summed into ~1/3-octave
 * bands, log(1 + γE), positive differences against the frame two hops back, summed over bands.
 * A low-band flux (< 180 Hz, kick drums) and the per-frame band levels are kept for downbeats.
 * Cost: one 256-point real FFT per hop, ≈ 5 000 frames per audio-minute.
 * Known failures: soft legato onsets (strings, pads) give a weak, smeared envelope.
 */
import { createPowerSpectrum } from './fft';

/** Sample rate the analysis runs at, Hz. */
export const ANALYSIS_RATE = 11025;
const FRAME = 256;
const HOP = 128;
const LOW_BAND_HZ = 180;
const GAMMA = 100;

/** The envelopes computed from one track, all sampled at `fps` frames per second. */
export interface Novelty {
  /** Frames per second. */
  fps: number;
  /** Seconds from the start of the audio to the centre of frame 0. */
  offsetSec: number;
  /** Full-band onset strength, ≥ 0. */
  flux: Float32Array;
  /** Onset strength of the lowest bands only (kick drums). */
  lowFlux: Float32Array;
  /** Log band levels, frame-major: `levels[t * bandCount + b]`. */
  levels: Float32Array;
  bandCount: number;
  /** The first `lowBandCount` bands lie below 180 Hz (kick drums, bass). */
  lowBandCount: number;
  /** Frame RMS of the level-normalised signal (1 = the track's average), for silence detection. */
  rms: Float32Array;
  /** RMS of the input before normalisation (1 = full-scale sine × √2). */
  inputRms: number;
}

/** Returns the band index of every FFT bin (−1 for bins outside 30 Hz..5.5 kHz) and the band count. */
function bandMap(): { bandOfBin: Int16Array; bandCount: number; lowBands: number } {
  const bins = FRAME / 2 + 1;
  const binHz = ANALYSIS_RATE / FRAME;
  const bandOfBin = new Int16Array(bins).fill(-1);
  let band = -1;
  let bandTop = 0;
  let lowBands = 0;
  for (let k = 1; k < bins; k++) {
    const hz = k * binHz;
    if (hz > 5500) break;
    if (hz >= bandTop || band < 0) {
      band++;
      bandTop = Math.max(hz * 1.26, hz + binHz); // a third of an octave, at least one bin wide
      if (hz < LOW_BAND_HZ) lowBands = band + 1;
    }
    bandOfBin[k] = band;
  }
  return { bandOfBin, bandCount: band + 1, lowBands };
}

/** Returns the first and one-past-last FFT bin of every band (bands are contiguous runs of bins). */
function bandEdges(bandOfBin: Int16Array, bandCount: number): { bandStart: Int32Array; bandEnd: Int32Array } {
  const bandStart = new Int32Array(bandCount);
  const bandEnd = new Int32Array(bandCount);
  for (let k = bandOfBin.length - 1; k >= 1; k--) {
    const b = bandOfBin[k];
    if (b < 0) continue;
    bandStart[b] = k;
    if (bandEnd[b] === 0) bandEnd[b] = k + 1;
  }
  return { bandStart, bandEnd };
}

/** Returns the onset envelopes of mono `pcm` sampled at ANALYSIS_RATE. */
export function computeNovelty(pcm: Float32Array): Novelty {
  const { bandOfBin, bandCount, lowBands } = bandMap();
  const frames = Math.max(0, Math.floor((pcm.length - FRAME) / HOP) + 1);
  const spectrum = createPowerSpectrum(FRAME);
  const window = new Float32Array(FRAME);
  for (let i = 0; i < FRAME; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FRAME);
  const frame = new Float32Array(FRAME);
  const power = new Float32Array(FRAME / 2 + 1);
  const levels = new Float32Array(frames * bandCount);
  const flux = new Float32Array(frames);
  const lowFlux = new Float32Array(frames);
  const rms = new Float32Array(frames);

  // Normalise the level so that γ means the same for quiet and loud masters: the gain is applied
  // to the band energies (as gain²) and to the frame RMS instead of to every sample.
  let sumSquares = 0;
  for (let i = 0; i < pcm.length; i++) sumSquares += pcm[i] * pcm[i];
  const inputRms = Math.sqrt(sumSquares / Math.max(1, pcm.length));
  const gain = 1 / Math.max(1e-5, inputRms);
  const energyScale = (GAMMA * gain * gain) / FRAME;
  const { bandStart, bandEnd } = bandEdges(bandOfBin, bandCount);
  // Sum of squares of each hop, so that a frame's RMS is two lookups.
  const hopSquares = new Float64Array(frames + 1);
  for (let h = 0; h <= frames; h++) {
    let sum = 0;
    for (let i = h * HOP; i < Math.min(pcm.length, (h + 1) * HOP); i++) sum += pcm[i] * pcm[i];
    hopSquares[h] = sum;
  }

  for (let t = 0; t < frames; t++) {
    const start = t * HOP;
    for (let i = 0; i < FRAME; i++) frame[i] = pcm[start + i] * window[i];
    rms[t] = gain * Math.sqrt((hopSquares[t] + hopSquares[t + 1]) / FRAME);
    spectrum.power(frame, power);
    const row = t * bandCount;
    const prev = (t >= 2 ? t - 2 : 0) * bandCount;
    let sum = 0;
    let low = 0;
    for (let b = 0; b < bandCount; b++) {
      let energy = 0;
      for (let k = bandStart[b]; k < bandEnd[b]; k++) energy += power[k];
      const level = Math.log(1 + energyScale * energy);
      levels[row + b] = level;
      const rise = level - levels[prev + b];
      if (rise > 0) {
        sum += rise;
        if (b < lowBands) low += rise;
      }
    }
    flux[t] = t >= 2 ? sum : 0;
    lowFlux[t] = t >= 2 ? low : 0;
  }
  return { fps: ANALYSIS_RATE / HOP, offsetSec: FRAME / 2 / ANALYSIS_RATE, flux, lowFlux, levels, bandCount, lowBandCount: lowBands, rms, inputRms };
}
