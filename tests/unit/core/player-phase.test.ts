import { describe, expect, it } from 'vitest';
import { nextPhase, skipTarget, stepAt, workoutPositionAt, type PlayerPhase } from '../../../src/core/player-phase';
import { contextTime } from '../../../src/core/units';

const ctx = contextTime;
const stepStarts = [0, 60, 90, 150];
const totalSec = 200;

// A phase running since context time 10 from a 2-second count-in.
function started(): PlayerPhase {
  const loading = nextPhase({ status: 'idle' }, { type: 'start' });
  return nextPhase(loading, { type: 'loaded', ctxNow: ctx(10), leadInSec: 2 });
}

describe('player phase', () => {
  it('loads, counts in, then runs', () => {
    expect(nextPhase({ status: 'idle' }, { type: 'start' })).toEqual({ status: 'loading' });
    const counting = started();
    expect(counting.status).toBe('countdown');
    expect(workoutPositionAt(counting, ctx(11))).toBeCloseTo(-1, 9);
    expect(nextPhase(counting, { type: 'tick', ctxNow: ctx(11) })).toBe(counting);
    const running = nextPhase(counting, { type: 'tick', ctxNow: ctx(12.5) });
    expect(running.status).toBe('running');
    expect(workoutPositionAt(running, ctx(20))).toBeCloseTo(8, 9);
  });

  it('starts running at once without a count-in, and reports a failed load', () => {
    const loading = nextPhase({ status: 'idle' }, { type: 'start' });
    expect(nextPhase(loading, { type: 'loaded', ctxNow: ctx(3), leadInSec: 0 })).toMatchObject({ status: 'running', offsetSec: -0 });
    expect(nextPhase(loading, { type: 'failed', message: 'Track "a.mp3" is missing' })).toEqual({ status: 'error', message: 'Track "a.mp3" is missing' });
  });

  it('freezes the position while paused and carries on from it after resuming', () => {
    const running = nextPhase(started(), { type: 'tick', ctxNow: ctx(13) });
    const paused = nextPhase(running, { type: 'pause', ctxNow: ctx(42) });
    expect(paused).toEqual({ status: 'paused', positionSec: 30, skippedSteps: 0 });
    expect(workoutPositionAt(paused, ctx(500))).toBe(30);
    const resumed = nextPhase(paused, { type: 'resume', ctxNow: ctx(100) });
    expect(resumed.status).toBe('running');
    expect(workoutPositionAt(resumed, ctx(105))).toBeCloseTo(35, 9);
    const again = nextPhase(nextPhase(resumed, { type: 'pause', ctxNow: ctx(110) }), { type: 'resume', ctxNow: ctx(300) });
    expect(workoutPositionAt(again, ctx(301))).toBeCloseTo(41, 9);
  });

  it('resumes a count-in paused before the first step as a count-in', () => {
    const paused = nextPhase(started(), { type: 'pause', ctxNow: ctx(11) });
    const resumed = nextPhase(paused, { type: 'resume', ctxNow: ctx(50) });
    expect(resumed.status).toBe('countdown');
    expect(workoutPositionAt(resumed, ctx(51))).toBeCloseTo(0, 9);
  });

  it('skips to the next step start, running or paused, and finishes when skipping the last', () => {
    const running = nextPhase(started(), { type: 'tick', ctxNow: ctx(13) });
    const skipped = nextPhase(running, { type: 'skipStep', ctxNow: ctx(42), stepStarts, totalSec });
    expect(workoutPositionAt(skipped, ctx(42))).toBe(60);
    expect(workoutPositionAt(skipped, ctx(45))).toBe(63);
    const paused = nextPhase(skipped, { type: 'pause', ctxNow: ctx(45) });
    const skippedPaused = nextPhase(paused, { type: 'skipStep', ctxNow: ctx(99), stepStarts, totalSec });
    expect(skippedPaused).toEqual({ status: 'paused', positionSec: 90, skippedSteps: 2 });
    const last = nextPhase(nextPhase(skippedPaused, { type: 'resume', ctxNow: ctx(0) }), { type: 'skipStep', ctxNow: ctx(10), stepStarts, totalSec });
    expect(workoutPositionAt(last, ctx(10))).toBe(150);
    const done = nextPhase(last, { type: 'skipStep', ctxNow: ctx(11), stepStarts, totalSec });
    expect(done).toEqual({ status: 'finished', summary: { positionSec: 200, completed: true, skippedSteps: 4 } });
  });

  it('finishes at the total, or stops early with the position reached', () => {
    const running = nextPhase(started(), { type: 'tick', ctxNow: ctx(13) });
    expect(nextPhase(running, { type: 'finish', totalSec })).toEqual({ status: 'finished', summary: { positionSec: 200, completed: true, skippedSteps: 0 } });
    const stopped = nextPhase(running, { type: 'stop', ctxNow: ctx(22) });
    expect(stopped).toEqual({ status: 'finished', summary: { positionSec: 10, completed: false, skippedSteps: 0 } });
    expect(workoutPositionAt(stopped, ctx(1000))).toBe(10);
    expect(nextPhase(stopped, { type: 'stop', ctxNow: ctx(23) })).toEqual({ status: 'idle' });
    expect(nextPhase(stopped, { type: 'start' })).toEqual({ status: 'loading' });
  });

  it('ignores events that do not apply', () => {
    const idle: PlayerPhase = { status: 'idle' };
    expect(nextPhase(idle, { type: 'pause', ctxNow: ctx(1) })).toBe(idle);
    expect(nextPhase(idle, { type: 'finish', totalSec })).toBe(idle);
    const running = nextPhase(started(), { type: 'tick', ctxNow: ctx(13) });
    expect(nextPhase(running, { type: 'start' })).toBe(running);
    expect(nextPhase(running, { type: 'resume', ctxNow: ctx(20) })).toBe(running);
    expect(nextPhase(running, { type: 'loaded', ctxNow: ctx(20), leadInSec: 0 })).toBe(running);
  });
});

describe('step arithmetic', () => {
  it('finds the step and the seconds left in it', () => {
    expect(stepAt(stepStarts, -1.5, totalSec)).toEqual({ index: -1, remainingSec: 1.5 });
    expect(stepAt(stepStarts, 0, totalSec)).toEqual({ index: 0, remainingSec: 60 });
    expect(stepAt(stepStarts, 59.5, totalSec)).toEqual({ index: 0, remainingSec: 0.5 });
    expect(stepAt(stepStarts, 60, totalSec)).toEqual({ index: 1, remainingSec: 30 });
    expect(stepAt(stepStarts, 170, totalSec)).toEqual({ index: 3, remainingSec: 30 });
    expect(stepAt(stepStarts, 200, totalSec)).toEqual({ index: 4, remainingSec: 0 });
  });

  it('skips past zero-length steps and returns null in the last step', () => {
    const withEmpty = [0, 60, 60, 120];
    expect(stepAt(withEmpty, 60, 180).index).toBe(2);
    expect(skipTarget(withEmpty, 10)).toBe(60);
    expect(skipTarget(withEmpty, 60)).toBe(120);
    expect(skipTarget(withEmpty, -3)).toBe(0);
    expect(skipTarget(withEmpty, 150)).toBeNull();
  });
});
