/** A track in the user's library (or the built-in demo), as stored and as used by the planner and player. */
import type { Bpm, Seconds } from './units';

/** Where a track is in the import pipeline. */
export type TrackStatus = 'queued' | 'analyzing' | 'ready' | 'failed';

/** The beat grid of a track: constant-tempo model, enough to place a cue on any beat or bar. */
export interface BeatGrid {
  /** Tempo a listener would tap; null when the track has no beat. */
  bpm: Bpm | null;
  /** Time of the first beat in the track, seconds from the start of the file. */
  firstBeatSec: Seconds;
  /** Time of the first downbeat ("the one") in the track. */
  firstDownbeatSec: Seconds;
  /** Beats in a bar (4 for 4/4, 3 for 3/4...). */
  beatsPerBar: number;
}

/** A stored library record. `id` is the SHA-256 of the audio file's bytes (so duplicates are recognised). */
export interface TrackRecord extends BeatGrid {
  id: string;
  fileName: string;
  title: string;
  artist: string;
  album: string;
  durationSec: Seconds;
  sizeBytes: number;
  mimeType: string;
  /** Analysis confidence 0..1; 0 until analysed. */
  confidence: number;
  status: TrackStatus;
  /** Why the import or analysis failed, in words for the user. */
  error?: string;
  /** True when the user corrected the tempo or phase by hand. */
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
