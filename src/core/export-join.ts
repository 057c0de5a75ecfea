/**
 * The join of two pieces of an exported file: the end of one render and the start of the next hold the same
 * sound, rendered twice (a stretched track restarted a few seconds before the join keeps its level and timing
 * but not always its phases). A plain linear crossfade of two signals that are not in phase dips in level (by up
 * to 3 dB halfway), an equal-power one swells where they are. So the gains follow how alike the two are: their
 * correlation over the overlap sets the gain that keeps the power level through it. Pure.
 */

/** Returns the normalised correlation of `a` and `b` (1: the same, 0: unrelated), 1 where either is silent. */
export function correlation(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa < 1e-12 || bb < 1e-12 ? 1 : Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
}

/** Crossfades `tail` (the previous render past the join) into the first frames of `head`, in place, keeping the level. */
export function crossfadeJoin(head: Float32Array, tail: Float32Array, rho = correlation(head.subarray(0, tail.length), tail)): void {
  const n = Math.min(head.length, tail.length);
  for (let i = 0; i < n; i++) {
    const w = (i + 0.5) / n;
    const a = 1 - w;
    // a² + w² + 2ρ·a·w is the power of the mix of two signals of equal power and correlation ρ: divided out.
    const g = 1 / Math.sqrt(Math.max(0.5, a * a + w * w + 2 * rho * a * w));
    head[i] = (tail[i] * a + head[i] * w) * g;
  }
}
