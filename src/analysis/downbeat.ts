/**
 * Meter and downbeat ("the one") from the tracked beats.
 * Method: per-beat features, z-scored and summed: kick (low-band onset strength), bass (low-band
 * level over the half beat after), timbre change (absolute difference of mean log band levels
 * before and after the beat, over one and over two beats), chord change (chroma distance before
 * and after the beat over one, two, three and four beats, chroma.ts, each at half weight) and, at
 * half weight, full-band onset strength; for 3 and 4 beats per bar and every phase, the score is the mean feature on candidate
 * downbeats minus the mean elsewhere (after Davies & Plumbley 2006 and Goto 2001: chords change and
 * bass drums fall on bar lines). Chord change is what separates the one from beat 3 when the kick
 * or the backbeat is as strong there. 4/4 wins ties.
 * Cost O(frames × bands) for running sums of the band levels, then O(beats × bands), plus the
 * chroma (one 1024-point FFT per beat).
 * Known failures: music without bar-level accents (steady four-on-the-floor with no chord
 * changes) gives a coin-toss phase, or the snare beat when the snare is the louder hit; harmony
 * that anticipates the bar line (chords pushed to the "and" of 4) or changes every half bar can
 * pick beat 3; 6/8 and 6/4 are reported as 3 or 4.
 */
import { chromaChange } from './chroma';
import type { Novelty } from './novelty';

/** The bar structure: downbeat indices into the beat list and beats per bar. */
export interface MeterReading {
  beatsPerBar: number;
  /** Index of the first downbeat in the beat list (0..beatsPerBar−1). */
  firstDownbeatIndex: number;
  /** How much the best reading beats the runner-up, ≥ 0. */
  margin: number;
}

const THREE_FOUR_MARGIN = 0.15;
/** Full-band onset strength counts less: snares on 2 and 4 are as loud as the one. */
const STRENGTH_WEIGHT = 0.5;
/** Weight of the chord change over each of CHORD_SPANS beats: four spans together count as two features. */
const CHORD_WEIGHT = 0.5;
const CHORD_SPANS = [1, 2, 3, 4];

/** Returns the largest of `values` over frames round(from)..round(to) inclusive. */
function maxAround(values: Float32Array, from: number, to: number): number {
  let max = 0;
  for (let t = Math.max(0, Math.round(from)); t <= Math.min(values.length - 1, Math.round(to)); t++) max = Math.max(max, values[t]);
  return max;
}

/** Returns `values` shifted and scaled to mean 0 and standard deviation 1 (zeros if constant). */
function zScore(values: number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return values.map((v) => (std > 0 ? (v - mean) / std : 0));
}

/**
 * Running sums of the log band levels, frame-major: `sums[t * bandCount + k]` is the sum of band k
 * over frames 0..t−1, so the mean over any span costs one subtraction per band whatever its length.
 */
function levelSums(novelty: Novelty): Float64Array {
  const { bandCount, levels } = novelty;
  const frames = levels.length / bandCount;
  const sums = new Float64Array((frames + 1) * bandCount);
  for (let t = 0; t < frames; t++) {
    const row = t * bandCount;
    for (let k = 0; k < bandCount; k++) sums[row + bandCount + k] = sums[row + k] + levels[row + k];
  }
  return sums;
}

/** Returns the mean log level per band over frames round(from)..round(to) into `out` (zeros when empty). */
function meanLevels(sums: Float64Array, bandCount: number, out: Float64Array, from: number, to: number): void {
  const a = Math.max(0, Math.round(from));
  const b = Math.min(sums.length / bandCount - 2, Math.round(to));
  if (b < a) {
    out.fill(0);
    return;
  }
  const count = b - a + 1;
  for (let k = 0; k < bandCount; k++) out[k] = (sums[(b + 1) * bandCount + k] - sums[a * bandCount + k]) / count;
}

/** Returns the summed absolute difference of the mean band levels `span` frames before and after `t`. */
function levelChange(sums: Float64Array, bandCount: number, t: number, span: number, before: Float64Array, after: Float64Array): number {
  meanLevels(sums, bandCount, before, t - span + 2, t - 2);
  meanLevels(sums, bandCount, after, t + 2, t + span - 2);
  let change = 0;
  for (let k = 0; k < bandCount; k++) change += Math.abs(after[k] - before[k]);
  return change;
}

/**
 * Returns the per-beat accent (higher = more likely a downbeat) for beats at `beats` frames, given
 * their chroma (`beatChroma`, 12 values per beat).
 */
export function beatAccents(novelty: Novelty, beats: number[], chroma: Float32Array): number[] {
  const { bandCount } = novelty;
  const sums = levelSums(novelty);
  const before = new Float64Array(bandCount);
  const after = new Float64Array(bandCount);
  const kick: number[] = [];
  const strength: number[] = [];
  const bass: number[] = [];
  const change: number[] = [];
  const barChange: number[] = [];
  for (let i = 0; i < beats.length; i++) {
    const t = beats[i];
    const period = i + 1 < beats.length ? beats[i + 1] - t : t - beats[i - 1];
    kick.push(maxAround(novelty.lowFlux, t - 2, t + 2));
    strength.push(maxAround(novelty.flux, t - 2, t + 2));
    change.push(levelChange(sums, bandCount, t, period, before, after));
    barChange.push(levelChange(sums, bandCount, t, 2 * period, before, after));
    meanLevels(sums, bandCount, after, t, t + period / 2);
    let low = 0;
    for (let k = 0; k < novelty.lowBandCount; k++) low += after[k];
    bass.push(low);
  }
  const weighted: [number[], number][] = [kick, bass, change, barChange].map((f) => [zScore(f), 1]);
  weighted.push([zScore(strength), STRENGTH_WEIGHT]);
  for (const span of CHORD_SPANS) weighted.push([zScore(chromaChange(chroma, span)), CHORD_WEIGHT]);
  return beats.map((_, i) => weighted.reduce((sum, [f, weight]) => sum + weight * f[i], 0));
}

/** Returns the meter and downbeat phase that best explain the accents, preferring 4 beats per bar. */
export function estimateMeter(accents: number[]): MeterReading {
  const readings: { beatsPerBar: number; phase: number; score: number }[] = [];
  for (const beatsPerBar of [4, 3]) {
    if (accents.length < beatsPerBar * 2) continue;
    for (let phase = 0; phase < beatsPerBar; phase++) {
      let on = 0;
      let onCount = 0;
      let off = 0;
      let offCount = 0;
      accents.forEach((a, i) => {
        if ((i - phase) % beatsPerBar === 0) {
          on += a;
          onCount++;
        } else {
          off += a;
          offCount++;
        }
      });
      const score = on / Math.max(1, onCount) - off / Math.max(1, offCount) - (beatsPerBar === 3 ? THREE_FOUR_MARGIN : 0);
      readings.push({ beatsPerBar, phase, score });
    }
  }
  if (readings.length === 0) return { beatsPerBar: 4, firstDownbeatIndex: 0, margin: 0 };
  readings.sort((a, b) => b.score - a.score);
  const best = readings[0];
  return { beatsPerBar: best.beatsPerBar, firstDownbeatIndex: best.phase, margin: best.score - (readings[1]?.score ?? 0) };
}
