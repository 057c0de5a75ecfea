/** A track in the user's library, as stored and as used by the planner and player. */
import type { Bpm, Seconds } from './units';
import type { BeatGrid } from './beat-grid';

/** Where a track is in the import pipeline. */
export type TrackStatus = 'queued' | 'analyzing' | 'ready' | 'failed';

/** Another reading of a track's tempo the analysis found (half, double, 3:2…), for "Try 128 BPM?". */
export interface TempoReading {
  bpm: Bpm;
  /** How well it fits, relative to the chosen reading (1 = as well). */
  score: number;
  /** Its first beat, seconds, where the analysis placed one. */
  firstBeatSec?: Seconds;
}

/** A stored library record. `id` is the SHA-256 of the audio file's bytes (so duplicates are recognised). */
export interface TrackRecord {
  id: string;
  fileName: string;
  title: string;
  artist: string;
  album: string;
  durationSec: Seconds;
  sizeBytes: number;
  mimeType: string;
  /** The beat grid; null until analysed, or when the track has no beat. */
  grid: BeatGrid | null;
  /** Other readings of the tempo, best first (empty when none came close). */
  alternatives: TempoReading[];
  /** Analysis confidence 0..1; 0 until analysed. */
  confidence: number;
  status: TrackStatus;
  /** Why the import or analysis failed, in words for the user. */
  error?: string;
  /** True when the user corrected the grid by hand. */
  corrected: boolean;
  /** The BPM tag read from the file, if it was plausible (a hint, never trusted blindly). */
  tagBpm: Bpm | null;
  /** ReplayGain track gain in dB if the file had one. */
  gainDb: number | null;
  /** Id of the cover image blob, if the file had a raster cover. */
  coverId: string | null;
  /** Milliseconds since the epoch when the track was added. */
  addedAt: number;
  /** 'demo' for the built-in synthesised tracks. */
  source: 'user' | 'demo';
}

/** Returns the track's tempo, or null when it has no grid yet. */
export const trackBpm = (track: Pick<TrackRecord, 'grid'>): Bpm | null => track.grid?.bpm ?? null;

/** Returns true when the track can play in a workout: analysed, with a beat. */
export const isPlayable = (track: Pick<TrackRecord, 'status' | 'grid'>): boolean => track.status === 'ready' && track.grid !== null;
