/** The summary of a workout that ended (or was stopped) at a position. Pure. */
import type { WorkoutSummary } from '../core/workout-log';
import type { PlayerView } from './player-slice';

/** Returns the summary of `player`'s workout after `durationSec` of it, started at `startedAt` (ms since the epoch). */
export function summarizeWorkout(player: PlayerView, durationSec: number, startedAt: number): WorkoutSummary {
  const end = player.stepStarts.length > 0 ? player.stepStarts[player.stepStarts.length - 1] : 0;
  const stepsDone = player.steps.filter((_, i) => player.stepStarts[i + 1] <= durationSec + 0.01 || durationSec >= end).length;
  const played = player.segments.filter((s) => s.startSec < durationSec);
  const heard = (s: (typeof played)[number]) => Math.max(0, Math.min(s.endSec, durationSec) - s.startSec);
  const musicSec = played.reduce((sum, s) => sum + heard(s), 0);
  const avg = musicSec > 0 ? played.reduce((sum, s) => sum + s.bpm * heard(s), 0) / musicSec : null;
  return {
    workoutName: player.workoutName,
    startedAt,
    durationSec,
    stepsDone,
    stepsTotal: player.steps.length,
    tracksPlayed: [...new Set(played.map((s) => s.title))],
    avgMusicBpm: avg === null ? null : Math.round(avg * 10) / 10,
  };
}
