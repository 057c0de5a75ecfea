/** Playlists: a hand-picked list of tracks, or a saved filter ("smart") evaluated against the library. */
import type { Bpm, Seconds } from './units';

/** The filter of a smart playlist. Absent fields do not filter. */
export interface SmartRules {
  bpmMin?: Bpm;
  bpmMax?: Bpm;
  /** With it, 85 BPM music also matches a 170 range (and 170 matches 85). */
  allowHalfDouble: boolean;
  /** Analysis confidence 0..1 below which a track is left out. */
  minConfidence?: number;
  /** Case-insensitive text matched against title, artist and album. */
  text?: string;
  artist?: string;
  album?: string;
  durationMinSec?: Seconds;
  durationMaxSec?: Seconds;
}

/** A playlist as stored and shared; `updatedAt` is milliseconds since the epoch. */
export type Playlist =
  | { id: string; name: string; kind: 'manual'; trackIds: string[]; updatedAt: number }
  | { id: string; name: string; kind: 'smart'; rules: SmartRules; updatedAt: number };

