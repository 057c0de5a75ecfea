/**
 * Beat tracking by dynamic programming.
 * Method: Ellis 2007, "Beat tracking by dynamic programming" (J. New Music Research 36(1)):
 * C(t) = o(t) + max over p in [t − 1.45P(t), t − 0.68P(t)] of C(p) − λ·log²((t − p)/P(t)), then
 * backtracking from the best final frame. P(t) is the local period, so the path follows drift.
 * Cost O(n × P) ≈ 0.5 M operations per audio-minute at 86 frames/s; the log² penalty is tabulated
 * per period, so a constant tempo costs no logarithms in the inner loop.
 * Known failures: locks to the off-beat when off-beats are louder than beats (some reggae, ska);
 * a wrong period octave gives beats at the wrong metrical level.
 */

const TIGHTNESS = 100;

/** Returns beat positions in frames (fractional after peak refinement), in time order. */
export function trackBeats(onsets: Float32Array, periodFrames: Float32Array): number[] {
  const n = onsets.length;
  if (n === 0) return [];
  const cumulative = new Float32Array(n);
  const backlink = new Int32Array(n).fill(-1);
  // Penalty by distance t − p, recomputed only when the period changes (it is constant for most tracks).
  let penalty = new Float64Array(0);
  let penaltyPeriod = -1;
  for (let t = 0; t < n; t++) {
    const period = periodFrames[t];
    if (period !== penaltyPeriod) {
      const longest = Math.ceil(1.45 * period) + 1;
      if (penalty.length < longest + 1) penalty = new Float64Array(longest + 1);
      for (let d = Math.max(1, Math.floor(0.6 * period)); d <= longest; d++) penalty[d] = TIGHTNESS * Math.log(d / period) ** 2;
      penaltyPeriod = period;
    }
    // Ellis searches 0.5–2 periods back; beyond ±40 % the log² penalty (≥ 11) never wins.
    const from = Math.max(0, Math.round(t - 1.45 * period));
    const to = t - Math.max(1, Math.round(0.68 * period));
    let best = from <= to ? cumulative[from] - penalty[t - from] : 0;
    let arg = from <= to ? from : -1;
    for (let p = from + 1; p <= to; p++) {
      const value = cumulative[p] - penalty[t - p];
      if (value > best) {
        best = value;
        arg = p;
      }
    }
    // A chain may start anywhere: never carry a negative predecessor score.
    if (arg >= 0 && best > 0) {
      cumulative[t] = onsets[t] + best;
      backlink[t] = arg;
    } else {
      cumulative[t] = onsets[t];
    }
  }
  // End on the best frame within the last period.
  const lastPeriod = Math.round(periodFrames[n - 1]);
  let end = Math.max(0, n - lastPeriod);
  for (let t = end; t < n; t++) if (cumulative[t] > cumulative[end]) end = t;
  const beats: number[] = [];
  for (let t = end; t >= 0; t = backlink[t]) beats.push(refineToPeak(onsets, t));
  return beats.reverse();
}

/** Returns `t` moved to the vertex of a parabola through the onset values around it (within ±0.5 frame). */
function refineToPeak(onsets: Float32Array, t: number): number {
  if (t <= 0 || t >= onsets.length - 1) return t;
  const a = onsets[t - 1];
  const b = onsets[t];
  const c = onsets[t + 1];
  const denominator = a - 2 * b + c;
  if (!(b >= a && b >= c) || denominator >= 0) return t;
  return t + Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denominator));
}
