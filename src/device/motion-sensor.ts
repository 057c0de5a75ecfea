/**
 * Cadence from the phone's motion sensor: `devicemotion` events (acceleration including gravity, stamped with
 * `event.timeStamp`) fed to the step detector, one reading a second to a listener. Asks for permission where
 * the browser wants it (iOS 13+: `DeviceMotionEvent.requestPermission()`, which only works inside a tap, so
 * call `startMotionCadence` from the tap itself), and says plainly when there is no sensor: a desktop browser
 * sends no event with values within NO_SENSOR_MS. Browsers stop the events while the page is hidden; the
 * listener then gets a null cadence each second until they come back.
 */
import type { MotionSample } from '../analysis/motion-signal';
import { createStepDetector, type CadenceReading } from '../analysis/step-detector';

/** With no reading for this long, the device counts as having no motion sensor, milliseconds. */
export const NO_SENSOR_MS = 2000;
/** Readings silent this long while running turn into null cadences, milliseconds. */
export const SILENT_MS = 2000;

/** The part of a `devicemotion` event used here. */
export interface MotionEventLike {
  timeStamp: number;
  accelerationIncludingGravity: { x: number | null; y: number | null; z: number | null } | null;
}

/** Where motion events come from and the browser features around them (injected, so tests need no browser). */
export interface MotionEnv {
  target: { addEventListener(type: 'devicemotion', fn: (e: MotionEventLike) => void): void; removeEventListener(type: 'devicemotion', fn: (e: MotionEventLike) => void): void };
  /** Whether the browser knows motion events at all. */
  hasMotionEvents: boolean;
  isSecureContext: boolean;
  /** iOS 13+'s permission prompt; absent where no permission is asked. */
  requestPermission?: () => Promise<string>;
  /** The clock of `event.timeStamp`, milliseconds. */
  nowMs(): number;
}

/** How starting went: running with its `stop`, or why not, in words for the user. */
export type MotionStart = { status: 'running'; stop: () => void } | { status: 'denied' | 'unsupported' | 'no-sensor'; message: string };

/** Returns the page's motion environment (window, DeviceMotionEvent, performance.now). */
export function browserMotionEnv(): MotionEnv {
  // iOS adds a static requestPermission that the DOM types do not declare.
  const ctor = (globalThis as { DeviceMotionEvent?: { requestPermission?: () => Promise<string> } }).DeviceMotionEvent;
  const request = ctor?.requestPermission;
  return {
    target: window,
    hasMotionEvents: ctor !== undefined,
    isSecureContext: window.isSecureContext,
    requestPermission: typeof request === 'function' ? () => request.call(ctor) : undefined,
    nowMs: () => performance.now(),
  };
}

// The reading of an event, in seconds and m/s²; null for the empty events some desktop browsers send.
function sampleOf(e: MotionEventLike): MotionSample | null {
  const a = e.accelerationIncludingGravity;
  if (!a || a.x === null || a.y === null || a.z === null) return null;
  return { tSec: e.timeStamp / 1000, x: a.x, y: a.y, z: a.z };
}

/**
 * Starts reading cadence: resolves once readings arrive (status 'running'; `onReading` then gets a reading a
 * second until `stop`), or with why not. Call it from a tap where permission may be asked.
 */
export function startMotionCadence(onReading: (reading: CadenceReading) => void, env: MotionEnv = browserMotionEnv()): Promise<MotionStart> {
  if (!env.hasMotionEvents) return Promise.resolve({ status: 'unsupported', message: 'This browser has no motion sensor access: cadence needs a phone browser.' });
  if (!env.isSecureContext) return Promise.resolve({ status: 'unsupported', message: 'Motion sensors work only on a secure (https) page.' });
  // Asked before anything is awaited, so that iOS still sees the tap.
  const permission = env.requestPermission?.().catch(() => 'denied') ?? Promise.resolve('granted');
  return permission.then((answer) => {
    if (answer !== 'granted') return { status: 'denied', message: 'Motion access was refused: allow Motion & Orientation for this site to read cadence.' };
    return listen(onReading, env);
  });
}

function listen(onReading: (reading: CadenceReading) => void, env: MotionEnv): Promise<MotionStart> {
  return new Promise((resolve) => {
    const detector = createStepDetector();
    let lastMs: number | null = null;
    const onMotion = (e: MotionEventLike) => {
      const sample = sampleOf(e);
      if (!sample) return;
      if (lastMs === null) resolve({ status: 'running', stop });
      lastMs = e.timeStamp;
      for (const reading of detector.push(sample)) onReading(reading);
    };
    const silence = setInterval(() => {
      const nowMs = env.nowMs();
      if (lastMs !== null && nowMs - lastMs > SILENT_MS) onReading({ tSec: nowMs / 1000, spm: null, confidence: 0 });
    }, 1000);
    const noSensor = setTimeout(() => {
      if (lastMs !== null) return;
      stop();
      resolve({ status: 'no-sensor', message: `No motion readings came in ${NO_SENSOR_MS / 1000} s: this device seems to have no motion sensor.` });
    }, NO_SENSOR_MS);
    function stop(): void {
      env.target.removeEventListener('devicemotion', onMotion);
      clearInterval(silence);
      clearTimeout(noSensor);
    }
    env.target.addEventListener('devicemotion', onMotion);
  });
}
