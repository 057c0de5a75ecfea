/**
 * The workout player as a pure state machine, plus the clock arithmetic the UI and engine share.
 * The workout clock runs from the count-in (negative) through 0 (first step) to the plan's total.
 */
import type { ContextTime, Seconds } from './units';

/** What the player did when the workout ended. */
export interface WorkoutSummary {
  /** Workout seconds reached (the total when completed). */
  positionSec: Seconds;
  /** True when the workout played to its end, false when the user stopped it. */
  completed: boolean;
  /** Steps the user skipped. */
  skippedSteps: number;
}

/**
 * Where the player is. While counting in or running, the workout position is
 * `offsetSec + (ctxNow − startedAtCtx)`: the position it had at `startedAtCtx` plus time since.
 */
export type PlayerPhase =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'countdown' | 'running'; startedAtCtx: ContextTime; offsetSec: Seconds; skippedSteps: number }
  | { status: 'paused'; positionSec: Seconds; skippedSteps: number }
  | { status: 'finished'; summary: WorkoutSummary }
  | { status: 'error'; message: string };

/** What can happen to the player; times are read from the audio context by the caller. */
export type PlayerEvent =
  | { type: 'start' }
  | { type: 'loaded'; ctxNow: ContextTime; leadInSec: Seconds }
  | { type: 'failed'; message: string }
  | { type: 'tick'; ctxNow: ContextTime }
  | { type: 'pause'; ctxNow: ContextTime }
  | { type: 'resume'; ctxNow: ContextTime }
  | { type: 'skipStep'; ctxNow: ContextTime; stepStarts: readonly Seconds[]; totalSec: Seconds }
  | { type: 'stop'; ctxNow: ContextTime }
  | { type: 'finish'; totalSec: Seconds };

/** The step playing at a position, and the seconds left in it. */
export interface StepPosition {
  /** −1 during the count-in; `stepStarts.length` once the workout is over. */
  index: number;
  /** Seconds until the step ends (until the first step starts during the count-in; 0 when over). */
  remainingSec: Seconds;
}

// Counting in while the position is negative, running from 0.
const playingAt = (startedAtCtx: ContextTime, offsetSec: Seconds, skippedSteps: number, ctxNow: ContextTime): PlayerPhase => {
  const positionSec = offsetSec + (ctxNow - startedAtCtx);
  return { status: positionSec < 0 ? 'countdown' : 'running', startedAtCtx, offsetSec, skippedSteps };
};

/** Returns workout seconds elapsed at `ctxNow` (negative during the count-in; frozen while paused; 0 before starting). */
export function workoutPositionAt(phase: PlayerPhase, ctxNow: ContextTime): Seconds {
  switch (phase.status) {
    case 'countdown':
    case 'running':
      return phase.offsetSec + (ctxNow - phase.startedAtCtx);
    case 'paused':
      return phase.positionSec;
    case 'finished':
      return phase.summary.positionSec;
    default:
      return 0;
  }
}

/** Returns the phase after `event`; an event that does not apply to the phase returns the same object. */
export function nextPhase(phase: PlayerPhase, event: PlayerEvent): PlayerPhase {
  const active = phase.status === 'countdown' || phase.status === 'running' || phase.status === 'paused';
  switch (event.type) {
    case 'start':
      return phase.status === 'idle' || phase.status === 'finished' || phase.status === 'error' ? { status: 'loading' } : phase;
    case 'loaded':
      return phase.status === 'loading' ? playingAt(event.ctxNow, -Math.max(0, event.leadInSec), 0, event.ctxNow) : phase;
    case 'failed':
      return phase.status === 'loading' ? { status: 'error', message: event.message } : phase;
    case 'tick':
      if (phase.status !== 'countdown') return phase;
      return workoutPositionAt(phase, event.ctxNow) >= 0 ? { ...phase, status: 'running' } : phase;
    case 'pause':
      if (phase.status !== 'countdown' && phase.status !== 'running') return phase;
      return { status: 'paused', positionSec: workoutPositionAt(phase, event.ctxNow), skippedSteps: phase.skippedSteps };
    case 'resume':
      return phase.status === 'paused' ? playingAt(event.ctxNow, phase.positionSec, phase.skippedSteps, event.ctxNow) : phase;
    case 'skipStep': {
      if (!active) return phase;
      const positionSec = workoutPositionAt(phase, event.ctxNow);
      const target = skipTarget(event.stepStarts, positionSec);
      const skippedSteps = phase.skippedSteps + 1;
      if (target === null) return { status: 'finished', summary: { positionSec: event.totalSec, completed: true, skippedSteps } };
      return phase.status === 'paused' ? { ...phase, positionSec: target, skippedSteps } : playingAt(event.ctxNow, target, skippedSteps, event.ctxNow);
    }
    case 'stop':
      if (phase.status === 'loading' || phase.status === 'finished' || phase.status === 'error') return { status: 'idle' };
      if (!active) return phase;
      return { status: 'finished', summary: { positionSec: workoutPositionAt(phase, event.ctxNow), completed: false, skippedSteps: phase.skippedSteps } };
    case 'finish':
      return active ? { status: 'finished', summary: { positionSec: event.totalSec, completed: true, skippedSteps: phase.skippedSteps } } : phase;
  }
}

// Index of the last step starting at or before positionSec (−1 before the first).
function stepIndexAt(stepStarts: readonly Seconds[], positionSec: Seconds): number {
  let lo = 0;
  let hi = stepStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stepStarts[mid] <= positionSec) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Returns the step playing at `positionSec` and the seconds left in it; `totalSec` ends the last step. */
export function stepAt(stepStarts: readonly Seconds[], positionSec: Seconds, totalSec: Seconds): StepPosition {
  if (stepStarts.length === 0 || positionSec >= totalSec) return { index: stepStarts.length, remainingSec: 0 };
  const index = stepIndexAt(stepStarts, positionSec);
  if (index < 0) return { index: -1, remainingSec: stepStarts[0] - positionSec };
  const endSec = index + 1 < stepStarts.length ? stepStarts[index + 1] : totalSec;
  return { index, remainingSec: endSec - positionSec };
}

/** Returns the position where the step after the one at `positionSec` starts, or null when it is the last step. */
export function skipTarget(stepStarts: readonly Seconds[], positionSec: Seconds): Seconds | null {
  const next = stepIndexAt(stepStarts, positionSec) + 1;
  return next < stepStarts.length ? stepStarts[next] : null;
}
