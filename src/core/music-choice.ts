/** The music chosen for one workout: a playlist (or the whole library), tracks pinned per segment, and how far tempo may change. */

/** A stored music choice. `playlistId` null = the whole library. */
export interface MusicChoice {
  workoutId: string;
  playlistId: string | null;
  /** Track ids pinned by the user, by music-segment index (0-based). */
  lockedTrackIds: Record<number, string>;
  /** Most a track may be sped up or slowed down, percent. */
  maxTempoChangePct: number;
}

/** Largest tempo change the user may allow, percent. */
export const MAX_TEMPO_CHANGE_PCT = 15;

/** Returns the choice a workout has before the user picks anything: whole library, no pins, tempo unchanged. */
export const defaultMusicChoice = (workoutId: string): MusicChoice => ({ workoutId, playlistId: null, lockedTrackIds: {}, maxTempoChangePct: 0 });
