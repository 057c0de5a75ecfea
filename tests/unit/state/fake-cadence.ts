/** A hand-driven cadence sensor for state tests: `emit` gives a reading as the motion sensor would, once a second. */
import type { CadenceSensor, CadenceSource, CadenceUpdate } from '../../../src/device/cadence-sensor';

/** Returns the fake sensor, what it was asked, and a way to send readings or refuse to start. */
export function fakeCadenceSensor() {
  let listener: ((r: CadenceUpdate) => void) | null = null;
  let refusal: string | null = null;
  const calls: string[] = [];
  const sensor: CadenceSensor = {
    async start(source: CadenceSource, onReading) {
      calls.push(`start ${source}`);
      if (refusal) return { ok: false, message: refusal };
      listener = onReading;
      return { ok: true };
    },
    stop() {
      calls.push('stop');
      listener = null;
    },
  };
  return {
    sensor,
    calls,
    emit: (tSec: number, spm: number | null) => listener?.({ tSec, spm }),
    refuse: (message: string) => { refusal = message; },
  };
}
