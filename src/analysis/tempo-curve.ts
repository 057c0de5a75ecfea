/**
 * Local tempo over time, for tracks whose tempo drifts or changes.
 * Method: a tempogram of windowed autocorrelations (6 s windows, 1.5 s hop) restricted to
 * periods 0.7–1.45 × the global beat period, smoothed by a Viterbi path that penalises period
 * jumps (Grosche & Müller 2011, "Extracting predominant local pulse information"; Peeters 2007).
 * Cost O(windows × window length × period states) ≈ 1 M operations per audio-minute, four lags
 * per pass over a window, plus O(windows × states²) for the path.
 * Known failures: changes larger than −30 %/+45 % of the global tempo are clipped to that range.
 */

const WINDOW_SEC = 6;
const HOP_SEC = 1.5;
const MIN_RATIO = 0.7;
const MAX_RATIO = 1.45;
const JUMP_COST = 30;
/** Period states are spaced this many frames apart (interpolated ACF). */
const STEP = 0.5;
/** Windows may disagree with the median by this much and still count as one tempo. */
const CONSTANT_TOLERANCE = 0.02;

/** The beat period over time: one value per frame, in frames. */
export interface TempoCurve {
  periodFrames: Float32Array;
  /** True when every window agrees with the median period within ±2 % (plus one state step). */
  isConstant: boolean;
  minPeriod: number;
  maxPeriod: number;
}

/** Returns the local beat period of every frame, following the path nearest `globalPeriod`. */
export function trackTempoCurve(onsets: Float32Array, fps: number, globalPeriod: number): TempoCurve {
  const n = onsets.length;
  const window = Math.round(WINDOW_SEC * fps);
  const hop = Math.round(HOP_SEC * fps);
  const lagLo = Math.max(2, Math.floor(globalPeriod * MIN_RATIO));
  const lagHi = Math.ceil(globalPeriod * MAX_RATIO);
  const states = Math.round((lagHi - lagLo) / STEP) + 1;
  const constant = (): TempoCurve => ({ periodFrames: new Float32Array(n).fill(globalPeriod), isConstant: true, minPeriod: globalPeriod, maxPeriod: globalPeriod });
  if (n < window + lagHi + 1 || states < 2) return constant();
  const windows = Math.floor((n - window) / hop) + 1;
  const emission = new Float32Array(windows * states);
  // Lags go four at a time, so the last group may run three past lagHi + 1.
  const acf = new Float32Array(lagHi - lagLo + 5);
  const sums = new Float64Array(4);
  for (let w = 0; w < windows; w++) {
    const from = w * hop;
    let energy = 0;
    for (let t = from; t < from + window; t++) energy += onsets[t] * onsets[t];
    for (let lag = lagLo; lag <= lagHi + 1; lag += 4) {
      laggedDots(onsets, from, from + window, lag, sums);
      for (let j = 0; j < 4; j++) acf[lag + j - lagLo] = energy > 0 ? (sums[j] / (window - lag - j)) * (window / energy) : 0;
    }
    for (let s = 0; s < states; s++) {
      const x = s * STEP;
      const i = Math.floor(x);
      emission[w * states + s] = acf[i] + (acf[i + 1] - acf[i]) * (x - i);
    }
  }
  // Viterbi over period states; jumps cost in proportion to their squared relative size.
  const score = new Float32Array(states);
  const next = new Float32Array(states);
  const back = new Int16Array(windows * states);
  // The cost of a jump from state p to state s depends on p − s only: tabulate it at p − s + states − 1.
  const jumpCost = new Float64Array(2 * states - 1);
  for (let d = 1 - states; d < states; d++) {
    const jump = (d * STEP) / globalPeriod;
    jumpCost[d + states - 1] = JUMP_COST * jump * jump;
  }
  for (let s = 0; s < states; s++) score[s] = emission[s];
  for (let w = 1; w < windows; w++) {
    for (let s = 0; s < states; s++) {
      let best = -Infinity;
      let arg = s;
      for (let p = 0, cost = states - 1 - s; p < states; p++, cost++) {
        const value = score[p] - jumpCost[cost];
        if (value > best) {
          best = value;
          arg = p;
        }
      }
      next[s] = best + emission[w * states + s];
      back[w * states + s] = arg;
    }
    score.set(next);
  }
  let state = 0;
  for (let s = 1; s < states; s++) if (score[s] > score[state]) state = s;
  const path = new Float32Array(windows);
  for (let w = windows - 1; w >= 0; w--) {
    path[w] = lagLo + state * STEP;
    state = back[w * states + state];
  }
  const sorted = Array.from(path).sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  const slack = median * CONSTANT_TOLERANCE + STEP;
  const isConstant = sorted[0] >= median - slack && sorted[sorted.length - 1] <= median + slack;
  if (isConstant) return constant();
  const periodFrames = new Float32Array(n);
  for (let t = 0; t < n; t++) {
    const position = (t - window / 2) / hop;
    const i = Math.max(0, Math.min(windows - 1, Math.floor(position)));
    const j = Math.min(windows - 1, i + 1);
    const frac = Math.max(0, Math.min(1, position - i));
    periodFrames[t] = path[i] * (1 - frac) + path[j] * frac;
  }
  return { periodFrames, isConstant, minPeriod: sorted[0], maxPeriod: sorted[sorted.length - 1] };
}

/**
 * Writes Σ x[t]·x[t + lag + j] over from ≤ t < to − lag − j into `sums[j]`, j = 0..3: four lags in
 * one pass over `x` (a quarter of the loads). Each sum still runs over t in ascending order, so
 * every value is the same as four separate passes would give.
 */
function laggedDots(x: Float32Array, from: number, to: number, lag: number, sums: Float64Array): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = from;
  for (const stop = to - lag - 3; t < stop; t++) {
    const a = x[t];
    s0 += a * x[t + lag];
    s1 += a * x[t + lag + 1];
    s2 += a * x[t + lag + 2];
    s3 += a * x[t + lag + 3];
  }
  for (let u = t; u + lag < to; u++) s0 += x[u] * x[u + lag];
  for (let u = t; u + lag + 1 < to; u++) s1 += x[u] * x[u + lag + 1];
  for (let u = t; u + lag + 2 < to; u++) s2 += x[u] * x[u + lag + 2];
  sums[0] = s0;
  sums[1] = s1;
  sums[2] = s2;
  sums[3] = s3;
}
