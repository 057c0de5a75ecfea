/**
 * Onset-strength (novelty) envelope.
 * Method: log-compressed band-energy spectral flux (Böck, Krebs & Schedl 2012, "Evaluating the
 * online capabilities of onset detection methods"; Ellis 2007 for the use in beat tracking):
 * Hann frames of 256 samples at 11025 Hz, hop 128 (≈ 86 frames/s), power summed into ~1/3-octave
 * bands, log(1 + γE), positive differences against the frame two hops back, summed over bands.
 * A low-band flux (bands starting below 150 Hz: kick drums, not the 170–250 Hz body of snares)
 * and the per-frame band levels are kept for downbeats.
 * Cost: one 256-point real FFT per hop, windowed as it loads (≈ 75 % of the time, the log of 17
 * band energies most of the rest), ≈ 5 000 frames per audio-minute; one pass over the samples for
 * the level, none for the gain (applied to band energies), no allocation per frame. This stage is
 * ≈ 70 % of the whole analysis.
 * Known failures: soft legato onsets (strings, pads) give a weak, smeared envelope.
 */
import { createRealFft, powerSpectrum } from './fft';

/** Sample rate the analysis runs at, Hz. */
export const ANALYSIS_RATE = 11025;
const FRAME = 256;
const HOP = 128;
/**
 * Kick drums sit at 40–120 Hz, snare bodies at 170–250 Hz: with 43 Hz bins the band starting at
 * 172 Hz is all snare, and counting it made backbeats pass for downbeats.
 */
const LOW_BAND_HZ = 150;
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
  /** The first `lowBandCount` bands start below 150 Hz (kick drums, bass). */
  lowBandCount: number;
  /** Frame RMS of the level-normalised signal (1 = the track's average), for silence detection. */
  rms: Float32Array;
  /** RMS of the input before normalisation (1 = full-scale sine × √2). */
  inputRms: number;
}

/** Returns the first and one-past-last FFT bin of every ~1/3-octave band from 43 Hz to 5.5 kHz, and the band counts. */
function bandMap(): { bandStart: Int32Array; bandEnd: Int32Array; bandCount: number; lowBands: number } {
  const binHz = ANALYSIS_RATE / FRAME;
  const starts: number[] = [];
  let bandTop = 0;
  let lastBin = 0;
  let lowBands = 0;
  for (let k = 1; k <= FRAME / 2 && k * binHz <= 5500; k++) {
    const hz = k * binHz;
    if (hz >= bandTop || starts.length === 0) {
      starts.push(k);
      bandTop = Math.max(hz * 1.26, hz + binHz); // a third of an octave, at least one bin wide
      if (hz < LOW_BAND_HZ) lowBands = starts.length;
    }
    lastBin = k;
  }
  const bandEnd = Int32Array.from(starts, (_, b) => (b + 1 < starts.length ? starts[b + 1] : lastBin + 1));
  return { bandStart: Int32Array.from(starts), bandEnd, bandCount: starts.length, lowBands };
}

/** Returns the onset envelopes of mono `pcm` sampled at ANALYSIS_RATE. */
export function computeNovelty(pcm: Float32Array): Novelty {
  const { bandStart, bandEnd, bandCount, lowBands } = bandMap();
  const frames = Math.max(0, Math.floor((pcm.length - FRAME) / HOP) + 1);
  const window = new Float32Array(FRAME);
  for (let i = 0; i < FRAME; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FRAME);
  const fft = createRealFft(FRAME, window);
  const power = new Float32Array(FRAME / 2 + 1);
  const levels = new Float32Array(frames * bandCount);
  const flux = new Float32Array(frames);
  const lowFlux = new Float32Array(frames);
  const rms = new Float32Array(frames);

  // Sum of squares of each hop: a frame's RMS is two lookups, the track's RMS their total.
  const hopSquares = new Float64Array(Math.ceil(pcm.length / HOP) + 1);
  let sumSquares = 0;
  for (let h = 0; h * HOP < pcm.length; h++) {
    const end = Math.min(pcm.length, (h + 1) * HOP);
    // Four partial sums: one running sum would wait on the previous addition at every sample.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = h * HOP;
    for (; i + 3 < end; i += 4) {
      s0 += pcm[i] * pcm[i];
      s1 += pcm[i + 1] * pcm[i + 1];
      s2 += pcm[i + 2] * pcm[i + 2];
      s3 += pcm[i + 3] * pcm[i + 3];
    }
    for (; i < end; i++) s0 += pcm[i] * pcm[i];
    const sum = s0 + s1 + s2 + s3;
    hopSquares[h] = sum;
    sumSquares += sum;
  }
  // Normalise the level so that γ means the same for quiet and loud masters; the gain goes into
  // the band energies (as gain²) and the frame RMS rather than into every sample.
  const inputRms = Math.sqrt(sumSquares / Math.max(1, pcm.length));
  const gain = 1 / Math.max(1e-5, inputRms);
  const energyScale = (GAMMA * gain * gain) / FRAME;

  for (let t = 0; t < frames; t++) {
    rms[t] = gain * Math.sqrt((hopSquares[t] + hopSquares[t + 1]) / FRAME);
    powerSpectrum(fft, pcm, power, t * HOP);
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
