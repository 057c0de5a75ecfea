/**
 * A SIMULATED motion sensor, for demos and tests on machines without one: it plays a cadence profile as
 * `devicemotion` events on a target (the window by default), so the real sensor path (`motion-sensor.ts`)
 * runs unchanged. Like Chrome's event pump, each tick at `rateHz` sends the latest reading of a sensor
 * synthesised at 100 Hz by `analysis/motion-synth.ts` (the same simulation as the step detector's tests).
 * Nothing here is a measurement: do not let it stand in for a real sensor where a user could take it for one.
 */
import type { CarryPosition, CadenceSegment } from '../analysis/motion-synth';
import { synthMotion } from '../analysis/motion-synth';

/** The simulated sensor's own reading rate, Hz. */
export const SIMULATED_SENSOR_HZ = 100;

/** What to play: a profile for `durationSec`, the phone at `position`, events at `rateHz`. */
export interface SimulatedMotionOptions {
  profile: readonly CadenceSegment[];
  durationSec: number;
  position?: CarryPosition;
  /** Events per second, Hz (60 unless given). */
  rateHz?: number;
  seed?: number;
  /** The cadence wanders by ± this fraction around the profile's (0.02 unless given; 0 plays it exactly). */
  wander?: number;
  /** Where the events go (the window unless given). */
  target?: EventTarget;
  /** The clock stamped on the events, milliseconds (performance.now unless given). */
  nowMs?: () => number;
}

// A devicemotion event carrying `a`; a plain Event where the browser (or Node) cannot construct one.
function motionEvent(a: { x: number; y: number; z: number }, intervalMs: number, nowMs: number): Event {
  const event =
    typeof DeviceMotionEvent === 'function'
      ? new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: a, interval: intervalMs })
      : Object.assign(new Event('devicemotion'), { accelerationIncludingGravity: a, interval: intervalMs });
  // Stamped from the given clock: the same as the browser's own stamp with performance.now, and a fake
  // clock's time in tests.
  Object.defineProperty(event, 'timeStamp', { value: nowMs });
  return event;
}

/** Starts playing simulated motion and returns the function that stops it (it stops by itself at the end). */
export function startSimulatedMotion(o: SimulatedMotionOptions): () => void {
  const rateHz = o.rateHz ?? 60;
  const target = o.target ?? window;
  const nowMs = o.nowMs ?? (() => performance.now());
  const { samples } = synthMotion({
    profile: o.profile,
    durationSec: o.durationSec,
    position: o.position ?? 'armband',
    rateHz: SIMULATED_SENSOR_HZ,
    jitter: 0.05,
    wander: o.wander ?? 0.02,
    dropRate: 0,
    noiseMs2: 0.1,
    orientation: 'random',
    seed: o.seed ?? 1,
  });
  const startMs = nowMs();
  let index = 0;
  const timer = setInterval(() => {
    const atMs = nowMs();
    const elapsedSec = (atMs - startMs) / 1000;
    if (elapsedSec >= o.durationSec || samples.length === 0) {
      clearInterval(timer);
      return;
    }
    while (index + 1 < samples.length && samples[index + 1].tSec <= elapsedSec) index += 1;
    const { x, y, z } = samples[index];
    target.dispatchEvent(motionEvent({ x, y, z }, 1000 / rateHz, atMs));
  }, 1000 / rateHz);
  return () => clearInterval(timer);
}
