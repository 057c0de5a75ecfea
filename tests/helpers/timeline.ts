/** Test data: a flat workout timeline from step lengths and targets, steps back to back from 0. */
import type { StepKind, TempoTarget, TimelineStep } from '../../src/core/workout';

/** One step as tests write it: its length in seconds and its tempo target (null = any music). */
export interface StepSpec {
  sec: number;
  tempo: TempoTarget | null;
  name?: string;
  kind?: StepKind;
}

/** Returns a tempo target from `minBpm` to `maxBpm`. */
export const range = (minBpm: number, maxBpm: number, allowHalfDouble = false): TempoTarget => ({ minBpm, maxBpm, allowHalfDouble });

/** Returns the timeline of `specs`, one step after another from 0 s. */
export function timeline(specs: readonly StepSpec[]): TimelineStep[] {
  let clock = 0;
  return specs.map((s, index) => {
    const step: TimelineStep = {
      index,
      step: { type: 'step', id: `s${index}`, kind: s.kind ?? 'work', name: s.name ?? `Step ${index + 1}`, duration: { unit: 'seconds', value: s.sec }, intensity: 3, tempo: s.tempo, build: null, hr: null, voice: null },
      startSec: clock,
      durationSec: s.sec,
      repeatLabels: [],
    };
    clock += s.sec;
    return step;
  });
}
