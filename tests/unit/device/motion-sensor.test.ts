import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CadenceReading } from '../../../src/analysis/step-detector';
import { type MotionEnv, type MotionEventLike, NO_SENSOR_MS, startMotionCadence } from '../../../src/device/motion-sensor';
import { startSimulatedMotion } from '../../../src/device/simulated-motion';

// A page's motion environment on Node's EventTarget (its events carry the devicemotion fields) and the fake clock.
function fakeEnv(more: Partial<MotionEnv> = {}): MotionEnv & { events: EventTarget } {
  const events = new EventTarget();
  return { target: events as unknown as MotionEnv['target'], events, hasMotionEvents: true, isSecureContext: true, nowMs: () => Date.now(), ...more };
}

// The event a desktop browser without a sensor may send: all values null.
const emptyEvent = (): Event & MotionEventLike => Object.assign(new Event('devicemotion'), { accelerationIncludingGravity: { x: null, y: null, z: null } });

describe('motion sensor', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('says so where the browser has no motion events or the page is not secure', async () => {
    expect((await startMotionCadence(() => undefined, fakeEnv({ hasMotionEvents: false }))).status).toBe('unsupported');
    expect(await startMotionCadence(() => undefined, fakeEnv({ isSecureContext: false }))).toMatchObject({ status: 'unsupported', message: expect.stringContaining('https') });
  });

  it('asks for permission where the browser wants it, and says so when refused', async () => {
    const ask = vi.fn(() => Promise.resolve('denied'));
    expect(await startMotionCadence(() => undefined, fakeEnv({ requestPermission: ask }))).toMatchObject({ status: 'denied', message: expect.stringContaining('refused') });
    expect(ask).toHaveBeenCalledOnce();
    const outsideTap = () => Promise.reject(new Error('NotAllowedError'));
    expect((await startMotionCadence(() => undefined, fakeEnv({ requestPermission: outsideTap }))).status).toBe('denied');
  });

  it('reports no sensor when no reading comes within NO_SENSOR_MS (empty events do not count)', async () => {
    const env = fakeEnv();
    const started = startMotionCadence(() => undefined, env);
    await vi.advanceTimersByTimeAsync(500);
    env.events.dispatchEvent(emptyEvent());
    await vi.advanceTimersByTimeAsync(NO_SENSOR_MS);
    expect(await started).toMatchObject({ status: 'no-sensor', message: expect.stringContaining('no motion sensor') });
  });

  it('reads the cadence of simulated motion played through devicemotion events, then stops', async () => {
    const env = fakeEnv();
    const readings: CadenceReading[] = [];
    const started = startMotionCadence((r) => readings.push(r), env);
    const stopSim = startSimulatedMotion({ profile: [{ fromSec: 0, spm: 160 }, { fromSec: 30, spm: 180 }], durationSec: 60, position: 'pocket', rateHz: 60, wander: 0, target: env.events, nowMs: env.nowMs });
    await vi.advanceTimersByTimeAsync(100);
    const start = await started;
    expect(start.status).toBe('running');
    await vi.advanceTimersByTimeAsync(50_000);
    const t0 = 1_000_000 / 1000;
    const between = (from: number, to: number) => readings.filter((r) => r.tSec - t0 >= from && r.tSec - t0 < to);
    expect(between(10, 30).every((r) => r.spm !== null && Math.abs(r.spm - 160) <= 3)).toBe(true);
    expect(between(38, 50).every((r) => r.spm !== null && Math.abs(r.spm - 180) <= 3)).toBe(true);
    if (start.status === 'running') start.stop();
    const count = readings.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(readings.length).toBe(count);
    stopSim();
  });

  it('turns silence into a null cadence each second while running', async () => {
    const env = fakeEnv();
    const readings: CadenceReading[] = [];
    const started = startMotionCadence((r) => readings.push(r), env);
    startSimulatedMotion({ profile: [{ fromSec: 0, spm: 170 }], durationSec: 12, target: env.events, nowMs: env.nowMs });
    await vi.advanceTimersByTimeAsync(12_000);
    expect(readings.at(-1)?.spm).not.toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(readings.slice(-2).map((r) => r.spm)).toEqual([null, null]);
    const start = await started;
    if (start.status === 'running') start.stop();
  });
});
