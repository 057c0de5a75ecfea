/**
 * The workout player as a pure state machine. The store holds the phase and nothing else about where the
 * player is; the workout position is derived from it and the audio clock:
 * while counting in or running it is `offsetSec + (ctxNow − startedAtCtx)`, held otherwise.
 * The phase also carries the session record (what was played, what was skipped) that the log is made from.
 */
import type { ContextTime, Seconds } from './units';
import { addSpan, newSessionRecord, type SessionRecord } from './workout-log';

/** Where the player is. */
export type PlayerPhase =
  | { status: 'idle' }
  | { status: 'loading'; workoutName: string }
  | { status: 'countdown' | 'running'; startedAtCtx: ContextTime; offsetSec: Seconds; record: SessionRecord }
  /** Waiting for the music at a new position (after a skip); `resume` says whether it plays on once ready. */
  | { status: 'seeking'; positionSec: Seconds; resume: boolean; record: SessionRecord }
  | { status: 'paused'; positionSec: Seconds; record: SessionRecord }
  /** The system took the audio (a call, another app, a suspended context): held where it was, like a pause. */
  | { status: 'interrupted'; positionSec: Seconds; record: SessionRecord }
  | { status: 'finished'; positionSec: Seconds; completed: boolean; record: SessionRecord }
  | { status: 'error'; message: string };

/** What can happen to the player; audio-clock times are read by the caller. */
export type PlayerEvent =
  | { type: 'load'; workoutName: string }
  /** The engine plays workout position `fromSec` at audio time `atCtx` (first start, resume or after a skip). */
  | { type: 'started'; atCtx: ContextTime; fromSec: Seconds }
  | { type: 'failed'; message: string }
  | { type: 'tick'; ctxNow: ContextTime }
  | { type: 'pause'; ctxNow: ContextTime }
  /** The audio clock stopped under the workout (its context is suspended or interrupted) at `ctxNow`. */
  | { type: 'interrupt'; ctxNow: ContextTime }
  /** Jump to `toSec` (skip step or skip track); `skippedStep` names the step left, if one was. */
  | { type: 'seek'; ctxNow: ContextTime; toSec: Seconds; skippedStep?: number }
  | { type: 'stop'; ctxNow: ContextTime }
  /** The workout played to its end at `endSec`. */
  | { type: 'finish'; endSec: Seconds }
  | { type: 'reset' };

/** True while a workout is under way (counting in, running, seeking, paused or interrupted). */
export const isActive = (phase: PlayerPhase): phase is Extract<PlayerPhase, { record: SessionRecord }> & { status: 'countdown' | 'running' | 'seeking' | 'paused' | 'interrupted' } =>
  phase.status === 'countdown' || phase.status === 'running' || phase.status === 'seeking' || phase.status === 'paused' || phase.status === 'interrupted';

/** True while the workout is held (paused by the user or interrupted by the system): Resume plays it on from there. */
export const isHeld = (phase: PlayerPhase): phase is Extract<PlayerPhase, { status: 'paused' | 'interrupted' }> =>
  phase.status === 'paused' || phase.status === 'interrupted';

/** Returns the workout position at `ctxNow`: moving while counting in or running, held otherwise (0 when idle). */
export function workoutPositionAt(phase: PlayerPhase, ctxNow: ContextTime): Seconds {
  switch (phase.status) {
    case 'countdown':
    case 'running':
      return phase.offsetSec + Math.max(0, ctxNow - phase.startedAtCtx);
    case 'seeking':
    case 'paused':
    case 'interrupted':
    case 'finished':
      return phase.positionSec;
    default:
      return 0;
  }
}

const playing = (atCtx: ContextTime, fromSec: Seconds, record: SessionRecord): PlayerPhase =>
  ({ status: fromSec < 0 ? 'countdown' : 'running', startedAtCtx: atCtx, offsetSec: fromSec, record });

// The record with the stretch played up to `ctxNow` closed.
function closeSpan(phase: PlayerPhase, ctxNow: ContextTime): SessionRecord {
  if (phase.status !== 'countdown' && phase.status !== 'running') return isActive(phase) ? phase.record : newSessionRecord();
  return addSpan(phase.record, phase.offsetSec, workoutPositionAt(phase, ctxNow));
}

/** Returns the phase after `event`; an event that does not apply to the phase returns the same object. */
export function nextPhase(phase: PlayerPhase, event: PlayerEvent): PlayerPhase {
  switch (event.type) {
    case 'load':
      return isActive(phase) ? phase : { status: 'loading', workoutName: event.workoutName };
    case 'started':
      if (phase.status === 'loading') return playing(event.atCtx, event.fromSec, newSessionRecord());
      if ((phase.status === 'seeking' && phase.resume) || isHeld(phase)) return playing(event.atCtx, event.fromSec, phase.record);
      return phase;
    case 'failed':
      return phase.status === 'loading' ? { status: 'error', message: event.message } : phase;
    case 'tick':
      return phase.status === 'countdown' && workoutPositionAt(phase, event.ctxNow) >= 0 ? { ...phase, status: 'running' } : phase;
    case 'pause':
      if (phase.status === 'seeking') return { status: 'paused', positionSec: phase.positionSec, record: phase.record };
      if (phase.status !== 'countdown' && phase.status !== 'running') return phase;
      return { status: 'paused', positionSec: workoutPositionAt(phase, event.ctxNow), record: closeSpan(phase, event.ctxNow) };
    case 'interrupt':
      if (phase.status === 'seeking') return { status: 'interrupted', positionSec: phase.positionSec, record: phase.record };
      if (phase.status !== 'countdown' && phase.status !== 'running') return phase;
      return { status: 'interrupted', positionSec: workoutPositionAt(phase, event.ctxNow), record: closeSpan(phase, event.ctxNow) };
    case 'seek': {
      if (!isActive(phase)) return phase;
      const base = closeSpan(phase, event.ctxNow);
      const record = event.skippedStep === undefined ? base : { ...base, skippedSteps: [...base.skippedSteps, event.skippedStep] };
      if (isHeld(phase)) return { status: phase.status, positionSec: event.toSec, record };
      return { status: 'seeking', positionSec: event.toSec, resume: phase.status !== 'seeking' || phase.resume, record };
    }
    case 'stop':
      if (!isActive(phase)) return phase.status === 'idle' ? phase : { status: 'idle' };
      return { status: 'finished', positionSec: workoutPositionAt(phase, event.ctxNow), completed: false, record: closeSpan(phase, event.ctxNow) };
    case 'finish':
      if (!isActive(phase)) return phase;
      return {
        status: 'finished',
        positionSec: event.endSec,
        completed: true,
        record: phase.status === 'countdown' || phase.status === 'running' ? addSpan(phase.record, phase.offsetSec, event.endSec) : phase.record,
      };
    case 'reset':
      return { status: 'idle' };
  }
}
