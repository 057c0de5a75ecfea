/**
 * The beat network's input: per frame of the novelty envelope (novelty.ts, ≈ 86 frames/s), the
 * ~1/3-octave log band levels and their rise against the frame two hops back (the flux before it
 * is summed over bands). One function for training (scripts/beatnet) and for analysis, so that the
 * network sees the same numbers in both.
 */
import type { Novelty } from './novelty';

/** Returns the features frame-major (`out[t * width + f]`) and the width (2 × band count). */
export function beatFeatures(novelty: Novelty): { features: Float32Array; width: number; frames: number } {
  const { levels, bandCount } = novelty;
  const frames = levels.length / bandCount;
  const width = 2 * bandCount;
  const features = new Float32Array(frames * width);
  for (let t = 0; t < frames; t++) {
    const row = t * bandCount;
    const prev = (t >= 2 ? t - 2 : 0) * bandCount;
    const out = t * width;
    for (let b = 0; b < bandCount; b++) {
      const level = levels[row + b];
      features[out + b] = level;
      features[out + bandCount + b] = Math.max(0, level - levels[prev + b]);
    }
  }
  return { features, width, frames };
}
