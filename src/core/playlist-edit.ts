/** Edits of a manual playlist's track list: plain functions returning a new list. */
import { trackBpm, type TrackRecord } from './track';

/** Returns `ids` with `added` appended, skipping any already present (a track is listed once). */
export function addTrackIds(ids: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(ids);
  const out = [...ids];
  for (const id of added) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

/** Returns `ids` with the entry at `from` moved to `to` (clamped to the list); unchanged for a bad `from`. */
export function moveTrackId(ids: readonly string[], from: number, to: number): string[] {
  if (from < 0 || from >= ids.length) return [...ids];
  const out = [...ids];
  const [id] = out.splice(from, 1);
  out.splice(Math.min(Math.max(to, 0), out.length), 0, id);
  return out;
}

/** Returns `ids` without the entry at `index`. */
export const removeTrackAt = (ids: readonly string[], index: number): string[] => ids.filter((_, i) => i !== index);

/** Returns `ids` sorted by the tracks' BPM ('asc' or 'desc'); tracks without a BPM or not in the library go last, in order. */
export function sortTrackIdsByBpm(ids: readonly string[], tracks: readonly TrackRecord[], dir: 'asc' | 'desc'): string[] {
  const bpm = new Map(tracks.map((t) => [t.id, trackBpm(t)]));
  const sign = dir === 'asc' ? 1 : -1;
  return ids
    .map((id, i) => ({ id, i, bpm: bpm.get(id) ?? null }))
    .sort((a, b) => (a.bpm === null ? (b.bpm === null ? a.i - b.i : 1) : b.bpm === null ? -1 : sign * (a.bpm - b.bpm) || a.i - b.i))
    .map((x) => x.id);
}
