/**
 * The heart rate of a session, summed up as it comes: per step and for the whole workout, the time-weighted average,
 * the maximum and the number of readings. Only these sums are kept, never the stream of readings. A reading stands
 * for the time since the one before it (a strap reports the rate of the beats just past); a gap longer than
 * `MAX_READING_GAP_SEC` (a drop-out, a pause, a skip) counts for nothing. Pure: each reading returns a new log.
 */
import type { Bpm, Seconds } from './units';
import { stepAt } from './program-view';
import { stepEndSec, type Program } from './program';

/** The heart rate over a step or a workout: time-weighted average and maximum, bpm, and how many readings there were. */
export interface HeartRateSummary {
  avgBpm: Bpm;
  maxBpm: Bpm;
  samples: number;
}

/** A session's heart rate: one summary per step (null where no reading came) and the whole workout's (null: none). */
export interface SessionHeartRate {
  steps: (HeartRateSummary | null)[];
  workout: HeartRateSummary | null;
}

interface StepSums {
  /** Sum of bpm × seconds over the time covered. */
  bpmSec: number;
  sec: Seconds;
  bpmSum: number;
  maxBpm: Bpm;
  samples: number;
}

/** What a session's readings add up to so far (sums per step index; the last reading, to weigh the next). */
export interface HeartRateLog {
  steps: readonly (StepSums | undefined)[];
  last: { atSec: Seconds; bpm: Bpm } | null;
}

/** Readings further apart than this, seconds, leave the time between them out. */
export const MAX_READING_GAP_SEC = 5;

/** An empty log. */
export const emptyHeartRateLog = (): HeartRateLog => ({ steps: [], last: null });

const NO_SUMS: StepSums = { bpmSec: 0, sec: 0, bpmSum: 0, maxBpm: 0, samples: 0 };

/**
 * Returns `log` with a reading of `bpm` at `atSec` (workout clock) added, on the step timing of `program`. Readings in
 * the count-in, past the end, out of order or not a heart rate (≤ 0, not finite) change nothing.
 */
export function addHeartRate(log: HeartRateLog, program: Pick<Program, 'stepStarts' | 'endSec'>, atSec: Seconds, bpm: Bpm): HeartRateLog {
  if (!(bpm > 0) || !Number.isFinite(bpm) || !Number.isFinite(atSec)) return log;
  const k = stepAt(program, atSec);
  if (k < 0 || k >= program.stepStarts.length || (log.last && atSec < log.last.atSec)) return log;
  const steps = log.steps.slice();
  const touch = (i: number, f: (s: StepSums) => StepSums) => void (steps[i] = f(steps[i] ?? NO_SUMS));
  touch(k, (s) => ({ ...s, bpmSum: s.bpmSum + bpm, maxBpm: Math.max(s.maxBpm, bpm), samples: s.samples + 1 }));
  const from = log.last?.atSec;
  if (from !== undefined && atSec - from <= MAX_READING_GAP_SEC) {
    // The time since the last reading may cross step changes: each step gets its part.
    for (let i = Math.max(0, stepAt(program, from)); i <= k; i += 1) {
      const sec = Math.min(atSec, stepEndSec(program, i)) - Math.max(from, program.stepStarts[i]);
      // The maximum follows the time covered too, so a step's average never exceeds its maximum.
      if (sec > 1e-9) touch(i, (s) => ({ ...s, bpmSec: s.bpmSec + bpm * sec, sec: s.sec + sec, maxBpm: Math.max(s.maxBpm, bpm) }));
    }
  }
  return { steps, last: { atSec, bpm } };
}

// The summary of some sums: the time-weighted average where time was covered, else the plain mean of the readings.
function summaryOf(s: StepSums): HeartRateSummary | null {
  // A short step may lie wholly between two readings: it has their time, and no reading of its own.
  if (s.samples === 0 && s.sec <= 1e-9) return null;
  const avg = s.sec > 1e-9 ? s.bpmSec / s.sec : s.bpmSum / s.samples;
  return { avgBpm: Math.round(avg), maxBpm: Math.round(s.maxBpm), samples: s.samples };
}

/** Returns the summary of each of `stepCount` steps (null where no reading came) and of the whole workout (null: none). */
export function summarizeHeartRate(log: HeartRateLog, stepCount: number): SessionHeartRate {
  const steps: (HeartRateSummary | null)[] = [];
  let all = NO_SUMS;
  for (let i = 0; i < stepCount; i += 1) {
    const s = log.steps[i];
    steps.push(s ? summaryOf(s) : null);
    if (s) all = { bpmSec: all.bpmSec + s.bpmSec, sec: all.sec + s.sec, bpmSum: all.bpmSum + s.bpmSum, maxBpm: Math.max(all.maxBpm, s.maxBpm), samples: all.samples + s.samples };
  }
  return { steps, workout: summaryOf(all) };
}
