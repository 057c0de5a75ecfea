/** Tempo as words and numbers: the one way every screen, warning and label writes a BPM or a BPM range. */
import type { Bpm } from './units';

/** Returns a tempo to the tenth of a BPM, without a trailing ".0": 128 → "128", 153.04 → "153", 153.46 → "153.5". */
export function formatBpm(bpm: Bpm): string {
  const tenths = Math.round(bpm * 10);
  // Math.round(-0.04 * 10) is −0, which String() writes as "0"; only a real fraction gets its decimal.
  return tenths % 10 === 0 ? String(tenths / 10 || 0) : (tenths / 10).toFixed(1);
}

/** Returns a range as a label: "120–130 BPM", or "120 BPM" when both ends read the same. */
export function formatBpmRange(minBpm: Bpm, maxBpm: Bpm): string {
  const lo = formatBpm(minBpm);
  const hi = formatBpm(maxBpm);
  return lo === hi ? `${lo} BPM` : `${lo}–${hi} BPM`;
}

/** Returns a range inside a sentence: "between 120 and 130 BPM", or "at 120 BPM" when both ends read the same. */
export function bpmRangeWords(minBpm: Bpm, maxBpm: Bpm): string {
  const lo = formatBpm(minBpm);
  const hi = formatBpm(maxBpm);
  return lo === hi ? `at ${lo} BPM` : `between ${lo} and ${hi} BPM`;
}
