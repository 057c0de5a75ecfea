/** Test data: workout-log entries with plain defaults, and the steps of a simple interval session. */
import type { LoggedStep, WorkoutLogEntry } from '../../src/core/workout-log';

/** Monday 2026-03-16, 10:00 UTC. */
export const MONDAY_MS = Date.UTC(2026, 2, 16, 10);
/** One day, milliseconds. */
export const DAY_MS = 86_400_000;

/** Returns warm-up, work and recover steps whose work steps ran to `workBpm` (the others to 120 BPM). */
export function intervalSteps(workBpm: number, workSec = 60): LoggedStep[] {
  return [
    { name: 'Warm-up', kind: 'warmup', startSec: 0, activeSec: 120, skipped: false, musicBpm: 120, heartRate: null },
    { name: 'Go', kind: 'work', startSec: 120, activeSec: workSec, skipped: false, musicBpm: workBpm, heartRate: null },
    { name: 'Easy', kind: 'recover', startSec: 120 + workSec, activeSec: 60, skipped: false, musicBpm: 120, heartRate: null },
    { name: 'Go', kind: 'work', startSec: 180 + workSec, activeSec: workSec, skipped: false, musicBpm: workBpm, heartRate: null },
  ];
}

/** Returns a log entry: 10 minutes of "Intervals" on MONDAY_MS, not rated, unless `over` says otherwise. */
export function logEntry(over: Partial<WorkoutLogEntry> & { id: string }): WorkoutLogEntry {
  return {
    workoutId: 'w-intervals',
    workoutName: 'Intervals',
    startedAt: MONDAY_MS,
    activeSec: 600,
    completed: true,
    stepsTotal: 4,
    stepsCompleted: 4,
    stepsSkipped: 0,
    tracks: [{ trackId: 't1', title: 'Track one', seconds: 600 }],
    avgMusicBpm: 128,
    steps: [],
    effort: null,
    heartRate: null,
    ...over,
  };
}
