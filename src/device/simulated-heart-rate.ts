/**
 * The simulated heart-rate strap, for trying heart rate without hardware (and for the browser tests): the same
 * interface as the Bluetooth strap, replaying a heart-rate profile from the moment it connects, one reading a
 * second. Its name says "Simulated" wherever it shows; nothing of it pretends to be a body.
 */
import { DEMO_HEART_RATE_PROFILE, profileBpmAt, type HeartRateProfile } from '../core/heart-rate-profile';
import type { HeartRateSensor, HeartRateSensorEvents } from './heart-rate-sensor';

/** What the simulated strap may be given instead of the defaults (tests pass a clock and timers). */
export interface SimulatedOptions {
  profile?: HeartRateProfile;
  /** Milliseconds between readings. */
  intervalMs?: number;
  /** A clock in milliseconds. */
  nowMs?: () => number;
  /** Calls `tick` every `ms` milliseconds; returns the function that stops it. */
  every?: (ms: number, tick: () => void) => () => void;
}

/** The name the simulated strap goes by. */
export const SIMULATED_NAME = 'Simulated heart rate';

const everyMs = (ms: number, tick: () => void) => {
  const id = setInterval(tick, ms);
  return () => clearInterval(id);
};

/** Creates the simulated strap; `setProfile` changes what it replays from now on (tests, or a chosen pattern). */
export function createSimulatedHeartRate(options: SimulatedOptions = {}): HeartRateSensor & { setProfile(profile: HeartRateProfile): void } {
  let profile = options.profile ?? DEMO_HEART_RATE_PROFILE;
  const intervalMs = options.intervalMs ?? 1000;
  const nowMs = options.nowMs ?? (() => performance.now());
  const every = options.every ?? everyMs;
  let stop: (() => void) | null = null;
  let startedMs = 0;
  let events: HeartRateSensorEvents | null = null;

  const emit = () => {
    const bpm = profileBpmAt(profile, (nowMs() - startedMs) / 1000);
    events?.onReading({ bpm, contact: 'detected', rrSec: [60 / bpm] });
  };
  const disconnect = () => {
    stop?.();
    stop = null;
    events = null;
  };
  return {
    source: 'simulated',
    isSupported: () => true,
    async connect(ev) {
      disconnect();
      events = ev;
      startedMs = nowMs();
      ev.onStatus('connected', null);
      emit();
      stop = every(intervalMs, emit);
    },
    disconnect,
    name: () => SIMULATED_NAME,
    setProfile(next) {
      profile = next;
      startedMs = nowMs();
    },
  };
}
