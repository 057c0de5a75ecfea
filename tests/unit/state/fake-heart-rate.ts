/** A fake heart-rate sensor for store tests: the test sends readings and statuses by hand. */
import type { HeartRateSensor, HeartRateSensorEvents, HeartRateSensorStatus, HeartRateSource } from '../../../src/device/heart-rate-sensor';

/** Returns a sensor of `source` and the handles a test drives it with. */
export function fakeHeartRateSensor(source: HeartRateSource = 'strap') {
  let events: HeartRateSensorEvents | null = null;
  const calls: string[] = [];
  const sensor: HeartRateSensor = {
    source,
    isSupported: () => true,
    async connect(e) {
      calls.push('connect');
      events = e;
      e.onStatus('connected', null);
    },
    disconnect() {
      calls.push('disconnect');
      events = null;
    },
    name: () => (source === 'simulated' ? 'Simulated heart rate' : 'Fake strap'),
  };
  return {
    sensor,
    calls,
    /** Sends a reading of `bpm` (skin contact as given). */
    send: (bpm: number, contact: 'unknown' | 'detected' | 'not-detected' = 'detected') => events?.onReading({ bpm, contact, rrSec: [] }),
    status: (status: HeartRateSensorStatus, message: string | null = null) => events?.onStatus(status, message),
  };
}
