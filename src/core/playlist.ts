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

/** Returns whether two playlist names are the same to a person (case, surrounding and repeated spaces aside). */
export function sameName(a: string, b: string): boolean {
  const norm = (x: string) => x.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

/** Returns `name`, or `name (2)`, `name (3)`… — the first that no name in `taken` already is. */
export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.some((t) => sameName(t, name))) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.some((t) => sameName(t, candidate))) return candidate;
  }
}
