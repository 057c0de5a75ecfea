/** Search and BPM-range filtering of the library table. */
import { trackBpm, type TrackRecord } from '../../core/track';

/** What the user filters by. */
export interface TrackFilter {
  text: string;
  bpmMin: number | null;
  bpmMax: number | null;
  /** Count 75 BPM as 150 (and 300 as 150) when matching the range. */
  halfDouble: boolean;
}

/** Returns the tracks that match the filter, in their order. */
export function filterTracks(tracks: TrackRecord[], f: TrackFilter): TrackRecord[] {
  const text = f.text.trim().toLowerCase();
  const lo = f.bpmMin ?? 0;
  const hi = f.bpmMax ?? Infinity;
  const inRange = (bpm: number) => bpm >= lo && bpm <= hi;
  return tracks.filter((t) => {
    if (text && !`${t.title}\u0000${t.artist}\u0000${t.album}\u0000${t.fileName}`.toLowerCase().includes(text)) return false;
    if (f.bpmMin === null && f.bpmMax === null) return true;
    const bpm = trackBpm(t);
    if (bpm === null) return false;
    return inRange(bpm) || (f.halfDouble && (inRange(bpm * 2) || inRange(bpm / 2)));
  });
}
