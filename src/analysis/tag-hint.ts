/**
 * BPM tags (ID3 TBPM, Vorbis BPM…) as hints. Tags are often wrong, rounded or at another octave,
 * so a tag only breaks a near tie between octave readings of the audio; it never overrides it.
 */
import type { Bpm } from '../core/units';
import type { TempoCandidate } from './tempo-estimate';

const MIN_TAG_BPM = 30;
const MAX_TAG_BPM = 300;
/** How close (relative score) a reading must be to the best one for a tag to pick it. */
const TIE_RATIO = 0.75;

/** Returns the tag's tempo when it is a plausible number (30..300, "128", "128.00"), else null. */
export function parseBpmTag(raw: unknown): Bpm | null {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw)) value = Number(raw);
  else return null;
  return Number.isFinite(value) && value >= MIN_TAG_BPM && value <= MAX_TAG_BPM ? value : null;
}

/** Returns true when `bpm` is within 4 % of `tagBpm`. */
const matchesTag = (bpm: Bpm, tagBpm: Bpm): boolean => Math.abs(bpm - tagBpm) <= 0.04 * tagBpm;

/** Returns the index of the candidate the tag supports when its score is within a tie of the best, else 0. */
export function pickWithTag(candidates: TempoCandidate[], tagBpm: Bpm | null | undefined): number {
  if (!tagBpm || candidates.length < 2 || matchesTag(candidates[0].bpm, tagBpm)) return 0;
  const best = candidates[0].score;
  const index = candidates.findIndex((c) => matchesTag(c.bpm, tagBpm));
  return index > 0 && candidates[index].score >= TIE_RATIO * best ? index : 0;
}
