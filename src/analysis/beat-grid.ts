/**
 * A constant-tempo grid fitted to tracked beats.
 * Method: number the beats by rounding their distance from the first one to whole periods
 * (which absorbs skipped or doubled beats), then least-squares fit time = phase + index × period,
 * dropping beats more than a quarter period off and refitting. Cost O(beats).
 * Known failures: a track whose tempo really drifts gets a grid that slides off the music; the
 * caller checks drift first (see tempo-curve).
 */

/** A straight beat grid: beat k is at `phase + k × period` frames. */
export interface BeatGridFit {
  phase: number;
  period: number;
}

/** Returns the least-squares grid through `beats` (frames) near `period`, or null with fewer than 4 beats. */
export function fitBeatGrid(beats: number[], period: number): BeatGridFit | null {
  if (beats.length < 4) return null;
  let fit: BeatGridFit = { phase: beats[0], period };
  for (let pass = 0; pass < 3; pass++) {
    let count = 0;
    let sumK = 0;
    let sumT = 0;
    let sumKK = 0;
    let sumKT = 0;
    for (const t of beats) {
      const k = Math.round((t - fit.phase) / fit.period);
      const residual = t - (fit.phase + k * fit.period);
      if (pass > 0 && Math.abs(residual) > fit.period / 4) continue;
      count++;
      sumK += k;
      sumT += t;
      sumKK += k * k;
      sumKT += k * t;
    }
    const denominator = count * sumKK - sumK * sumK;
    if (count < 4 || denominator <= 0) return fit;
    const slope = (count * sumKT - sumK * sumT) / denominator;
    if (!(slope > period * 0.8 && slope < period * 1.25)) return fit;
    fit = { period: slope, phase: (sumT - slope * sumK) / count };
  }
  return fit;
}

/** Returns the grid's beat positions (frames) within [from, to). */
export function gridBeats(fit: BeatGridFit, from: number, to: number): number[] {
  const first = fit.phase - Math.floor((fit.phase - from) / fit.period) * fit.period;
  const beats: number[] = [];
  for (let t = first; t < to; t += fit.period) beats.push(t);
  return beats;
}
