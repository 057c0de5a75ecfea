/**
 * The runner's cadence for the player: the phone's motion sensor (motion-sensor.ts) or the SIMULATED one
 * (simulated-motion.ts, labelled so on screen) feeding the same sensor path, and the screen kept awake while it
 * runs (browsers stop motion events when the screen sleeps). One reading a second to the listener.
 */
import { startMotionCadence } from './motion-sensor';
import { startSimulatedMotion } from './simulated-motion';
import type { CadenceSegment } from '../analysis/motion-synth';

/** Where the cadence comes from. */
export type CadenceSource = 'sensor' | 'simulated';

/** A cadence reading: steps per minute (null while none is found) at `tSec`, seconds of the page's clock. */
export interface CadenceUpdate {
  tSec: number;
  spm: number | null;
}

/** Starts and stops cadence readings. */
export interface CadenceSensor {
  /** Starts (call from a tap: iOS asks for permission there); resolves once readings come, or with why not. */
  start(source: CadenceSource, onReading: (r: CadenceUpdate) => void): Promise<{ ok: true } | { ok: false; message: string }>;
  stop(): void;
}

/** What the simulated sensor plays unless a test sets another: a run that builds from 160 to 180 steps/min. */
export const DEFAULT_SIMULATED_CADENCE: readonly CadenceSegment[] = [
  { fromSec: 0, spm: 160 }, { fromSec: 40, spm: 168 }, { fromSec: 80, spm: 176 }, { fromSec: 120, spm: 182 }, { fromSec: 160, spm: 166 },
];
const SIMULATED_SEC = 20 * 60;

type WakeLockLike = { release(): Promise<void> };

/** Returns the cadence sensor of this page, and a way to set the simulated profile (tests and demos). */
export function createCadenceSensor(): CadenceSensor & { setSimulatedProfile(profile: readonly CadenceSegment[]): void } {
  let profile: readonly CadenceSegment[] = DEFAULT_SIMULATED_CADENCE;
  let stops: (() => void)[] = [];
  let wake: WakeLockLike | null = null;
  const stop = () => {
    for (const s of stops) s();
    stops = [];
    void wake?.release().catch(() => undefined);
    wake = null;
  };
  return {
    setSimulatedProfile: (p) => { profile = p; },
    async start(source, onReading) {
      stop();
      // Asked first, inside the tap (iOS); the simulation's events then arrive like a sensor's.
      const started = startMotionCadence((r) => onReading({ tSec: r.tSec, spm: r.spm }));
      if (source === 'simulated') stops.push(startSimulatedMotion({ profile, durationSec: SIMULATED_SEC }));
      const result = await started;
      if (result.status !== 'running') {
        stop();
        return { ok: false, message: result.message };
      }
      stops.push(result.stop);
      const lock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockLike> } }).wakeLock;
      wake = await lock?.request('screen').catch(() => null) ?? null;
      return { ok: true };
    },
    stop,
  };
}
