/** The workout log: one summary per finished (or abandoned) workout. */
import type { Bpm, Seconds } from './units';

/** What happened in one workout session. `id` is assigned by storage when the entry is added. */
export interface WorkoutSummary {
  id?: number;
  workoutName: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  durationSec: Seconds;
  stepsDone: number;
  stepsTotal: number;
  /** Ids of the tracks that played, in order. */
  tracksPlayed: string[];
  /** Mean tempo of the music played; null when no track had a tempo. */
  avgMusicBpm: Bpm | null;
}
