/**
 * Tempo maps: constant, ritardando, accelerando, a step change, slow drift (midi-variable) and the
 * small wander of a live band (recorded-like). Gradual changes are written as a tempo point every
 * eighth note, so the MIDI file, FluidSynth and the truth all follow the same staircase.
 */
import { PPQ, quantizeQpm, type TempoPoint } from './arrangement';
import type { Rng } from './rng';

/** How the tempo moves over a clip. */
export type TempoShape = 'constant' | 'ritardando' | 'accelerando' | 'step' | 'drift' | 'live';

/** A tempo map and a description of its change. */
export interface TempoPlan {
  points: TempoPoint[];
  /** Describes the change for the truth (`null` for constant). */
  note: string | null;
}

const STEP_TICKS = PPQ / 2;

/** Returns a tempo map from `startQpm`, defined over `ticks` ticks of music with bars of `barLen` ticks. */
export function planTempo(shape: TempoShape, startQpm: number, ticks: number, barLen: number, rng: Rng): TempoPlan {
  const secondsPerTick = 60 / startQpm / PPQ;
  const barAt = (seconds: number): number => Math.round(seconds / secondsPerTick / barLen) * barLen;
  if (shape === 'constant') return { points: [{ tick: 0, qpm: quantizeQpm(startQpm) }], note: null };
  if (shape === 'step') {
    const at = barAt(rng.range(10, 20));
    const factor = rng.pick([0.8, 0.85, 0.9, 1.1, 1.15, 1.2, 1.25]);
    return { points: [{ tick: 0, qpm: quantizeQpm(startQpm) }, { tick: at, qpm: round2(startQpm * factor) }], note: `step ×${factor} at tick ${at}` };
  }
  if (shape === 'ritardando' || shape === 'accelerando') {
    const from = barAt(rng.range(8, 20));
    const length = barAt(rng.range(4, 9)) || barLen;
    const factor = shape === 'ritardando' ? rng.range(0.65, 0.85) : rng.range(1.12, 1.3);
    return { points: ramp(startQpm, from, length, factor, ticks), note: `${shape} ×${factor.toFixed(2)} over ${length} ticks from tick ${from}` };
  }
  return wander(startQpm, ticks, shape === 'drift' ? rng.range(0.04, 0.08) : rng.range(0.012, 0.03), rng, shape);
}

/** Returns a map constant to `from`, then easing linearly to `startQpm × factor` over `length`. */
function ramp(startQpm: number, from: number, length: number, factor: number, ticks: number): TempoPoint[] {
  const points: TempoPoint[] = [{ tick: 0, qpm: quantizeQpm(startQpm) }];
  for (let t = from; t <= Math.min(ticks, from + length); t += STEP_TICKS) {
    const x = (t - from) / length;
    points.push({ tick: t, qpm: round2(startQpm * (1 + (factor - 1) * x)) });
  }
  return points;
}

/** Returns a slowly wandering map: a smoothed random walk plus a slow sine, within ±`depth`. */
function wander(startQpm: number, ticks: number, depth: number, rng: Rng, shape: TempoShape): TempoPlan {
  const points: TempoPoint[] = [];
  const periodTicks = rng.range(16, 40) * PPQ;
  const phase = rng.range(0, 2 * Math.PI);
  let walk = 0;
  let velocity = 0;
  for (let t = 0; t < ticks; t += STEP_TICKS) {
    velocity = 0.9 * velocity + rng.normal(0, depth * 0.02);
    walk = Math.max(-depth, Math.min(depth, 0.97 * walk + velocity));
    const factor = 1 + 0.5 * walk + 0.5 * depth * Math.sin(phase + (2 * Math.PI * t) / periodTicks);
    points.push({ tick: t, qpm: round2(startQpm * factor) });
  }
  return { points, note: `${shape} ±${(depth * 100).toFixed(1)} %` };
}

const round2 = (x: number): number => quantizeQpm(Math.round(x * 100) / 100);
