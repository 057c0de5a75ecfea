/** Smart playlists evaluated against the library, and the track list of any playlist. Pure functions over plain data. */
import type { Playlist, SmartRules } from './playlist';
import { trackBpm, type TrackRecord } from './track';
import type { Bpm } from './units';

/** Returns the tempo (bpm, or its double or half when `allowHalfDouble`) inside [min, max], or null when none is. */
export function bpmInRange(bpm: Bpm, min: Bpm, max: Bpm, allowHalfDouble: boolean): Bpm | null {
  const readings = allowHalfDouble ? [bpm, bpm * 2, bpm / 2] : [bpm];
  return readings.find((b) => b >= min && b <= max) ?? null;
}

const has = (field: string, wanted: string | undefined): boolean =>
  !wanted || field.toLowerCase().includes(wanted.trim().toLowerCase());

/** Returns true when `track` passes every rule; a track without a BPM passes only when no BPM bound is set. */
export function matchesRules(rules: SmartRules, track: TrackRecord): boolean {
  if (rules.bpmMin !== undefined || rules.bpmMax !== undefined) {
    const bpm = trackBpm(track);
    if (bpm === null || track.status !== 'ready') return false;
    if (bpmInRange(bpm, rules.bpmMin ?? 0, rules.bpmMax ?? Infinity, rules.allowHalfDouble) === null) return false;
  }
  if (rules.minConfidence !== undefined && track.confidence < rules.minConfidence) return false;
  const all = `${track.title}\u0000${track.artist}\u0000${track.album}\u0000${track.fileName}`;
  if (!has(all, rules.text) || !has(track.artist, rules.artist) || !has(track.album, rules.album)) return false;
  if (rules.durationMinSec !== undefined && track.durationSec < rules.durationMinSec) return false;
  if (rules.durationMaxSec !== undefined && track.durationSec > rules.durationMaxSec) return false;
  return true;
}

/** Returns the tempo a track counts as under `rules` (its half/double reading inside the range), else its own BPM. */
export function countedBpm(rules: SmartRules, track: Pick<TrackRecord, 'grid'>): Bpm | null {
  const bpm = trackBpm(track);
  if (bpm === null) return null;
  return bpmInRange(bpm, rules.bpmMin ?? 0, rules.bpmMax ?? Infinity, rules.allowHalfDouble) ?? bpm;
}

/** Returns the library tracks a smart playlist holds, slowest counted tempo first (then by title). */
export function smartPlaylistTracks(rules: SmartRules, tracks: readonly TrackRecord[]): TrackRecord[] {
  return tracks
    .filter((t) => matchesRules(rules, t))
    .map((t) => ({ t, bpm: countedBpm(rules, t) ?? Infinity }))
    .sort((a, b) => a.bpm - b.bpm || a.t.title.localeCompare(b.t.title))
    .map(({ t }) => t);
}

/** Returns the tracks of `playlist` in playing order; ids of a manual playlist missing from the library are skipped. */
export function playlistTracks(playlist: Playlist, tracks: readonly TrackRecord[]): TrackRecord[] {
  if (playlist.kind === 'smart') return smartPlaylistTracks(playlist.rules, tracks);
  const byId = new Map(tracks.map((t) => [t.id, t]));
  return playlist.trackIds.flatMap((id) => byId.get(id) ?? []);
}
