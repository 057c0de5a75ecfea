/**
 * Global tempo and octave choice.
 * Method: autocorrelation of the onset envelope (Ellis 2007 §2.2; Percival & Tzanetakis 2014 for
 * the candidate stage). The strongest periodicity between 40 and 240 BPM gives a reference pulse;
 * its metrical relatives (×¼ … ×4, ×⅓ … ×3) are re-peaked in the ACF and scored as salience
 * (the geometric mean of the ACF at the period and of the mean ACF at 1, 2 and 4 periods) × the
 * square root of the ACF at the 4-beat bar (metrical evidence: the bar of the notated beat repeats;
 * this is what keeps slow notated tempi such as 64 BPM from reading as their double) × a
 * tempo prior that is flat over 98–166 BPM (times a slight tilt toward the faster reading, which
 * breaks exact ties such as bare clicks) and falls off log-normally outside, doubled inside a
 * caller's preferred range; ternary relatives are halved unless a 3:2 relative is the simpler meter
 * (its half beat and its 4-beat bar both repeat more than the reference's). Cost O(lags) after the ACF.
 * Known failures: the octave is a judgement call when two levels are equally salient (e.g. 200 BPM
 * notated music heard at 100); dotted / ternary feels can land on ⅔ or 3/2 of the notated tempo;
 * a 3:2 relative freed from the penalty still needs the higher score, so a strong 3 + 3 + 2 accent
 * over even eighths can read at ⅔.
 */
import type { Bpm } from '../core/units';

/** A tempo reading: beat period in frames and its score. */
export interface TempoCandidate {
  periodFrames: number;
  bpm: Bpm;
  /** ACF salience at this period (−1..1). */
  salience: number;
  /** Salience weighted by the tempo prior; higher wins. */
  score: number;
}

/** Options steering the octave choice. */
export interface TempoPrior {
  centreBpm: Bpm;
  /** Tempi within centre ÷ plateau … centre × plateau are equally likely before the tilt. */
  plateau: number;
  /** Width of the fall-off outside the plateau, octaves (standard deviation of log2 tempo). */
  widthOctaves: number;
  /** Exponent of a gentle preference for faster readings: weight × (bpm / centre)^tilt. */
  tilt: number;
  preferred?: { min: Bpm; max: Bpm };
}

/** The default prior: a listener tapping along for a workout. */
export const WORKOUT_PRIOR: TempoPrior = { centreBpm: 128, plateau: 1.3, widthOctaves: 0.5, tilt: 0.1 };
/** Salience = harmonic^(1 − PRESENCE) × presence^PRESENCE: a level must be heard itself, not only through its bars. */
const PRESENCE = 0.5;
const LEVELS = [1 / 4, 1 / 3, 1 / 2, 2 / 3, 1, 3 / 2, 2, 3, 4];
const MIN_BPM = 50;
const TERNARY_PENALTY = 0.5;
/** Exponent of the bar evidence in the score: a beat whose 4-beat bar repeats is more likely the notated one. */
const BAR_WEIGHT = 0.5;
const MAX_BPM = 230;

/** Returns the ACF value at a fractional lag by linear interpolation (0 outside the array). */
export function acfAt(acf: Float32Array, lag: number): number {
  const i = Math.floor(lag);
  if (i < 0 || i + 1 >= acf.length) return 0;
  const frac = lag - i;
  return acf[i] * (1 - frac) + acf[i + 1] * frac;
}

/** Returns the lag of the highest ACF value within ±`tolerance` of `lag`, refined by a parabola. */
export function refinePeak(acf: Float32Array, lag: number, tolerance: number): number {
  const lo = Math.max(1, Math.floor(lag * (1 - tolerance)));
  const hi = Math.min(acf.length - 2, Math.ceil(lag * (1 + tolerance)));
  let best = -1;
  for (let l = lo; l <= hi; l++) if (best < 0 || acf[l] > acf[best]) best = l;
  if (best < 0) return lag;
  const a = acf[best - 1];
  const b = acf[best];
  const c = acf[best + 1];
  const denominator = a - 2 * b + c;
  const shift = denominator < 0 ? (0.5 * (a - c)) / denominator : 0;
  return best + Math.max(-0.5, Math.min(0.5, shift));
}

/** Returns the prior weight (0..1, times a boost inside the preferred range) of `bpm`. */
export function priorWeight(bpm: Bpm, prior: TempoPrior): number {
  const lo = prior.centreBpm / prior.plateau;
  const hi = prior.centreBpm * prior.plateau;
  const outside = bpm < lo ? Math.log2(lo / bpm) : bpm > hi ? Math.log2(bpm / hi) : 0;
  const octaves = outside / prior.widthOctaves;
  let weight = Math.exp(-0.5 * octaves * octaves) * (bpm / prior.centreBpm) ** prior.tilt;
  if (prior.preferred && bpm >= prior.preferred.min && bpm <= prior.preferred.max) weight *= 2;
  return weight;
}

/** Returns the mean ACF at 1, 2 and 4 periods (each re-peaked within ±2 %): a pulse that also fits its bars scores high. */
export function harmonicSalience(acf: Float32Array, periodFrames: number): number {
  let sum = 0;
  let count = 0;
  for (const multiple of [1, 2, 4]) {
    const lag = periodFrames * multiple;
    if (lag + 2 >= acf.length) break;
    sum += acfAt(acf, multiple === 1 ? lag : refinePeak(acf, lag, 0.02));
    count++;
  }
  return count ? sum / count : 0;
}

/** Returns the ACF peak at four periods (a 4/4 bar, within ±2 %), or the ACF at one period when the ACF is too short. */
export function barSalience(acf: Float32Array, periodFrames: number): number {
  const lag = 4 * periodFrames;
  if (lag * 1.02 + 2 >= acf.length) return acfAt(acf, periodFrames);
  return peakValue(acf, lag, 0.02);
}

/** Returns the height of the parabola through the highest ACF sample within ±`tolerance` of `lag` and its neighbours. */
function peakValue(acf: Float32Array, lag: number, tolerance: number): number {
  let best = Math.max(1, Math.floor(lag * (1 - tolerance)));
  for (let l = best + 1; l <= Math.min(acf.length - 2, Math.ceil(lag * (1 + tolerance))); l++) if (acf[l] > acf[best]) best = l;
  const a = acf[best - 1];
  const b = acf[best];
  const c = acf[best + 1];
  const curvature = a - 2 * b + c;
  // A peak between two frames (a click that falls between them) is as high as the vertex, not as either sample.
  return curvature < 0 ? b - ((a - c) * (a - c)) / (8 * curvature) : b;
}

/** Returns the tempo candidates (binary metrical relatives of the most salient pulse), best first; empty if the ACF is flat. */
export function tempoCandidates(acf: Float32Array, fps: number, prior: TempoPrior): TempoCandidate[] {
  const lagOf = (bpm: number): number => (60 * fps) / bpm;
  const lo = Math.max(2, Math.floor(lagOf(240)));
  const hi = Math.min(acf.length - 2, Math.ceil(lagOf(40)));
  const broad: TempoPrior = { centreBpm: prior.centreBpm, plateau: 1, widthOctaves: 1.5, tilt: 0 };
  let reference = -1;
  let referenceScore = -Infinity;
  for (let l = lo; l <= hi; l++) {
    if (!(acf[l] > acf[l - 1] && acf[l] >= acf[l + 1])) continue;
    const lag = refinePeak(acf, l, 0.01);
    const score = harmonicSalience(acf, lag) * priorWeight(lagOf(lag), broad);
    if (score > referenceScore) {
      referenceScore = score;
      reference = lag;
    }
  }
  if (reference < 0) return [];
  const referenceMeter = { bar: barSalience(acf, reference), half: acfAt(acf, reference / 2) };
  const candidates: TempoCandidate[] = [];
  for (const level of LEVELS) {
    const guess = reference / level;
    if (guess + 2 >= acf.length) continue;
    const periodFrames = refinePeak(acf, guess, 0.03);
    const bpm = (60 * fps) / periodFrames;
    if (bpm < MIN_BPM || bpm > MAX_BPM) continue;
    const harmonic = harmonicSalience(acf, periodFrames);
    const presence = Math.max(0, acfAt(acf, periodFrames));
    const salience = Math.max(0, harmonic) ** (1 - PRESENCE) * presence ** PRESENCE;
    const barRepeat = barSalience(acf, periodFrames);
    // A 3:2 relative reads the same pulse in another meter (eighths vs triplets). It is penalised
    // unless it is the better simple-meter reading: both its half beat and its 4-beat bar repeat
    // more than the reference's (a 6/4 bar or a shuffle fails one of the two).
    const isSimpler = barRepeat > referenceMeter.bar && acfAt(acf, periodFrames / 2) > referenceMeter.half;
    const ternaryPenalty = Number.isInteger(Math.log2(level)) || isSimpler ? 1 : TERNARY_PENALTY;
    const bar = Math.max(0, barRepeat) ** BAR_WEIGHT;
    const score = Math.max(0, salience) * bar * priorWeight(bpm, prior) * ternaryPenalty;
    candidates.push({ periodFrames, bpm, salience, score });
  }
  return candidates.sort((a, b) => b.score - a.score);
}
