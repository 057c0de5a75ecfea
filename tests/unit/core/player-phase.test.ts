import { describe, expect, it } from 'vitest';
import { isActive, nextPhase, workoutPositionAt, type PlayerPhase } from '../../../src/core/player-phase';
import { contextTime } from '../../../src/core/units';

const ctx = contextTime;

// A phase started at context time 10 from a 2-second count-in.
function started(): PlayerPhase {
  const loading = nextPhase({ status: 'idle' }, { type: 'load', workoutName: 'W' });
  return nextPhase(loading, { type: 'started', atCtx: ctx(10), fromSec: -2 });
}
const spansOf = (p: PlayerPhase) => ('record' in p ? p.record.spans : []);

describe('player phase', () => {
  it('loads, counts in, then runs; the position follows the audio clock', () => {
    expect(nextPhase({ status: 'idle' }, { type: 'load', workoutName: 'W' })).toEqual({ status: 'loading', workoutName: 'W' });
    const counting = started();
    expect(counting.status).toBe('countdown');
    expect(workoutPositionAt(counting, ctx(11))).toBeCloseTo(-1, 9);
    // Before its start time the position holds at the start.
    expect(workoutPositionAt(counting, ctx(9))).toBeCloseTo(-2, 9);
    expect(nextPhase(counting, { type: 'tick', ctxNow: ctx(11) })).toBe(counting);
    const running = nextPhase(counting, { type: 'tick', ctxNow: ctx(12.5) });
    expect(running.status).toBe('running');
    expect(workoutPositionAt(running, ctx(20))).toBeCloseTo(8, 9);
  });

  it('reports a failed load, and starts running at once without a count-in', () => {
    const loading = nextPhase({ status: 'idle' }, { type: 'load', workoutName: 'W' });
    expect(nextPhase(loading, { type: 'started', atCtx: ctx(3), fromSec: 0 }).status).toBe('running');
    expect(nextPhase(loading, { type: 'failed', message: 'Track "a.mp3" is missing' })).toEqual({ status: 'error', message: 'Track "a.mp3" is missing' });
  });

  it('freezes the position while paused, records what was played, and carries on from it', () => {
    const paused = nextPhase(started(), { type: 'pause', ctxNow: ctx(42) });
    expect(paused).toMatchObject({ status: 'paused', positionSec: 30 });
    expect(spansOf(paused)).toEqual([{ fromSec: -2, toSec: 30 }]);
    expect(workoutPositionAt(paused, ctx(500))).toBe(30);
    const resumed = nextPhase(paused, { type: 'started', atCtx: ctx(100), fromSec: 30 });
    expect(resumed.status).toBe('running');
    expect(workoutPositionAt(resumed, ctx(105))).toBeCloseTo(35, 9);
    const again = nextPhase(resumed, { type: 'pause', ctxNow: ctx(110) });
    expect(spansOf(again)).toEqual([{ fromSec: -2, toSec: 30 }, { fromSec: 30, toSec: 40 }]);
  });

  it('resumes a count-in paused before the first step as a count-in', () => {
    const paused = nextPhase(started(), { type: 'pause', ctxNow: ctx(11) });
    const resumed = nextPhase(paused, { type: 'started', atCtx: ctx(50), fromSec: -1 });
    expect(resumed.status).toBe('countdown');
    expect(workoutPositionAt(resumed, ctx(51))).toBeCloseTo(0, 9);
  });

  it('seeks: holds the new position until the music plays there, and remembers the step skipped', () => {
    const running = nextPhase(started(), { type: 'tick', ctxNow: ctx(13) });
    const seeking = nextPhase(running, { type: 'seek', ctxNow: ctx(22), toSec: 60, skippedStep: 0 });
    expect(seeking).toMatchObject({ status: 'seeking', positionSec: 60, resume: true });
    expect(workoutPositionAt(seeking, ctx(30))).toBe(60);
    const playing = nextPhase(seeking, { type: 'started', atCtx: ctx(23), fromSec: 60 });
    expect(workoutPositionAt(playing, ctx(24))).toBeCloseTo(61, 9);
    const done = nextPhase(playing, { type: 'stop', ctxNow: ctx(33) });
    expect(done).toMatchObject({ status: 'finished', completed: false, positionSec: 70 });
    if (done.status !== 'finished') throw new Error('not finished');
    expect(done.record).toEqual({ spans: [{ fromSec: -2, toSec: 10 }, { fromSec: 60, toSec: 70 }], skippedSteps: [0] });
  });

  it('seeks while paused without playing', () => {
    const paused = nextPhase(started(), { type: 'pause', ctxNow: ctx(20) });
    const moved = nextPhase(paused, { type: 'seek', ctxNow: ctx(25), toSec: 60, skippedStep: 0 });
    expect(moved).toMatchObject({ status: 'paused', positionSec: 60 });
  });

  it('finishes at the end with the last stretch played to it', () => {
    const running = nextPhase(started(), { type: 'tick', ctxNow: ctx(13) });
    const done = nextPhase(running, { type: 'finish', endSec: 90 });
    expect(done).toMatchObject({ status: 'finished', completed: true, positionSec: 90 });
    expect(spansOf(done)).toEqual([{ fromSec: -2, toSec: 90 }]);
    expect(isActive(done)).toBe(false);
  });

  it('ignores events that do not apply', () => {
    const idle: PlayerPhase = { status: 'idle' };
    expect(nextPhase(idle, { type: 'pause', ctxNow: ctx(1) })).toBe(idle);
    expect(nextPhase(idle, { type: 'finish', endSec: 1 })).toBe(idle);
    const running = started();
    expect(nextPhase(running, { type: 'load', workoutName: 'X' })).toBe(running);
    expect(nextPhase(running, { type: 'failed', message: 'x' })).toBe(running);
    expect(nextPhase({ status: 'finished', positionSec: 1, completed: true, record: { spans: [], skippedSteps: [] } }, { type: 'reset' })).toEqual(idle);
  });

  it('holds an interrupted workout where the audio clock stopped, and plays on from there, never from the start', () => {
    const running = nextPhase(started(), { type: 'tick', ctxNow: ctx(13) });
    const held = nextPhase(running, { type: 'interrupt', ctxNow: ctx(20) });
    expect(held).toMatchObject({ status: 'interrupted', positionSec: 8 });
    expect(isActive(held)).toBe(true);
    // The clock may move on (or not) while held: the position does not.
    expect(workoutPositionAt(held, ctx(500))).toBeCloseTo(8, 9);
    expect(spansOf(held)).toEqual([{ fromSec: -2, toSec: 8 }]);
    // Ticks and a second interruption change nothing; a skip moves the held position and stays held.
    expect(nextPhase(held, { type: 'tick', ctxNow: ctx(21) })).toBe(held);
    expect(nextPhase(held, { type: 'interrupt', ctxNow: ctx(21) })).toBe(held);
    expect(nextPhase(held, { type: 'seek', ctxNow: ctx(21), toSec: 30 })).toMatchObject({ status: 'interrupted', positionSec: 30 });
    const again = nextPhase(held, { type: 'started', atCtx: ctx(40), fromSec: 8 });
    expect(again).toMatchObject({ status: 'running', offsetSec: 8 });
    expect(workoutPositionAt(again, ctx(41))).toBeCloseTo(9, 9);
    expect(spansOf(again)).toEqual([{ fromSec: -2, toSec: 8 }]);
  });

  it('interrupts a seek at its target, and leaves a paused workout paused', () => {
    const seeking = nextPhase(started(), { type: 'seek', ctxNow: ctx(11), toSec: 60 });
    expect(nextPhase(seeking, { type: 'interrupt', ctxNow: ctx(12) })).toMatchObject({ status: 'interrupted', positionSec: 60 });
    const paused = nextPhase(started(), { type: 'pause', ctxNow: ctx(11) });
    expect(nextPhase(paused, { type: 'interrupt', ctxNow: ctx(12) })).toBe(paused);
  });
});
