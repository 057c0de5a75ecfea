/**
 * How sure we are that the input has a beat at the reported tempo.
 * Method: two cues must agree. Periodicity: the harmonic ACF salience at the chosen period
 * (white noise ≈ 0, steady drums ≈ 0.7). Beat contrast: mean onset strength on the tracked beats
 * over the mean everywhere (a random pick of noise peaks ≈ 1.5, music ≥ 2.5). Each is mapped
 * linearly to 0..1 and the geometric mean is reported. Cost O(beats).
 * Known failures: very sparse music (a few chords) reads as uncertain; strongly periodic
 * non-music (a ticking clock) reads as music, which it rhythmically is.
 */

/** Returns the mean of `onsets` sampled at the (fractional) frames `beats`, nearest frame. */
export function meanAtBeats(onsets: Float32Array, beats: number[]): number {
  if (beats.length === 0) return 0;
  let sum = 0;
  for (const b of beats) {
    const t = Math.round(b);
    if (t >= 0 && t < onsets.length) sum += Math.max(onsets[t], t > 0 ? onsets[t - 1] : 0, t + 1 < onsets.length ? onsets[t + 1] : 0);
  }
  return sum / beats.length;
}

/** Returns confidence 0..1 from the periodicity salience and the beat/overall onset contrast. */
export function beatConfidence(salience: number, beatContrast: number): number {
  const periodicity = Math.max(0, Math.min(1, (salience - 0.06) / 0.3));
  const contrast = Math.max(0, Math.min(1, (beatContrast - 1.8) / 1.5));
  return Math.sqrt(periodicity * contrast);
}
