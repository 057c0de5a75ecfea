/**
 * Records in the shapes older versions wrote, turned into today's: a track's flat grid fields (database v2,
 * library exports) and the old workout-log entry (database v2, backup version 1). Used by the v3 migration,
 * by restores of old backups, and by exports that external tools read flat.
 */
import { steadyGrid, type BeatGrid } from '../core/beat-grid';
import type { WorkoutLogEntry } from '../core/workout-log';
import type { LegacyLogEntry } from './schemas';

/** A grid written as flat fields (`bpm` null: no beat). */
export interface FlatGrid {
  bpm: number | null;
  firstBeatSec: number;
  firstDownbeatSec?: number;
  beatsPerBar: number;
  beats?: Float64Array | readonly number[];
}

/** Returns the grid of flat fields, or null when they hold no tempo. */
export function gridFromFlat(flat: FlatGrid): BeatGrid | null {
  if (flat.bpm === null || !(flat.bpm > 0)) return null;
  const grid = steadyGrid(flat.bpm, flat.firstBeatSec, flat.firstDownbeatSec ?? flat.firstBeatSec, flat.beatsPerBar);
  if (!flat.beats || flat.beats.length < 2) return grid;
  const beats = Float64Array.from(flat.beats);
  return { ...grid, firstBeatSec: beats[0], firstDownbeatSec: flat.firstDownbeatSec ?? beats[0], beats };
}

/** Returns a grid as flat fields (no tempo: `bpm` null, first beat 0, 4 beats a bar). */
export function flatFromGrid(grid: BeatGrid | null): Required<Omit<FlatGrid, 'beats'>> & { beats?: number[] } {
  if (!grid) return { bpm: null, firstBeatSec: 0, firstDownbeatSec: 0, beatsPerBar: 4 };
  const flat = { bpm: grid.bpm, firstBeatSec: grid.firstBeatSec, firstDownbeatSec: grid.firstDownbeatSec, beatsPerBar: grid.beatsPerBar };
  return grid.beats ? { ...flat, beats: Array.from(grid.beats, (t) => Math.round(t * 1e4) / 1e4) } : flat;
}

/** What an old log entry's names can be matched to. */
export interface LegacyNames {
  /** The id of the one workout with this name, or null. */
  workoutId(name: string): string | null;
  /** The id and title of the track this value names (old entries held titles where ids were meant), or null. */
  track(titleOrId: string): { id: string; title: string } | null;
}

/** Returns an old log entry in today's shape. Old entries timed the workout clock, not the exercise, and kept no seconds per track. */
export function logEntryFromLegacy(old: LegacyLogEntry, names: LegacyNames): WorkoutLogEntry {
  return {
    id: `legacy-${old.id ?? old.startedAt}`,
    workoutId: names.workoutId(old.workoutName),
    workoutName: old.workoutName,
    startedAt: old.startedAt,
    activeSec: old.durationSec,
    completed: old.stepsDone >= old.stepsTotal,
    stepsTotal: old.stepsTotal,
    stepsCompleted: old.stepsDone,
    stepsSkipped: 0,
    tracks: old.tracksPlayed.map((value) => {
      const found = names.track(value);
      return { trackId: found?.id ?? null, title: found?.title ?? value, seconds: null };
    }),
    avgMusicBpm: old.avgMusicBpm,
    steps: [],
    effort: null,
    heartRate: null,
  };
}

/** Returns name lookups over the workouts and tracks given (a name shared by two is not matched). */
export function legacyNames(workouts: readonly { id: string; name: string }[], tracks: readonly { id: string; title: string }[]): LegacyNames {
  const unique = <T>(items: readonly T[], key: (t: T) => string) => {
    const map = new Map<string, T | null>();
    for (const item of items) map.set(key(item), map.has(key(item)) ? null : item);
    return map;
  };
  const byName = unique(workouts, (w) => w.name);
  const byTitle = unique(tracks, (t) => t.title);
  const byId = new Map(tracks.map((t) => [t.id, t]));
  return {
    workoutId: (name) => byName.get(name)?.id ?? null,
    track: (value) => {
      const t = byId.get(value) ?? byTitle.get(value) ?? null;
      return t ? { id: t.id, title: t.title } : null;
    },
  };
}
