/** Flattening a workout tree into a timeline of steps, guarded by limits so a hostile workout cannot freeze the app. */
import type { Bpm, Seconds } from './units';
import type { Step, TimelineStep, Workout, WorkoutNode } from './workout';

/** Most steps a flattened workout may have. */
export const MAX_FLAT_STEPS = 10_000;
/** Most repeat blocks that may enclose one another (a step inside 8 nested repeats is the deepest allowed). */
export const MAX_NESTING_DEPTH = 8;
/** Longest a whole workout may last, in seconds (24 h). */
export const MAX_TOTAL_SECONDS: Seconds = 24 * 60 * 60;

/** How bar durations become seconds. */
export interface TimelineOptions {
  /** Beats in a bar; 4 unless told. */
  beatsPerBar?: number;
  /** Tempo used for bar steps that have no tempo target; 120 BPM unless told. */
  defaultBpm?: Bpm;
}

/** Counts and length of a workout that fits the limits, or the words saying which limit it breaks. */
export type LimitCheck = { ok: true; stepCount: number; totalSec: Seconds } | { ok: false; error: string };

const DEFAULT_BEATS_PER_BAR = 4;
const DEFAULT_BPM: Bpm = 120;

/** Returns the length of one step in seconds; bars use the middle of the step's tempo range, else `defaultBpm`. */
export function stepSeconds(step: Step, opts: TimelineOptions = {}): Seconds {
  if (step.duration.unit === 'seconds') return step.duration.value;
  const beatsPerBar = opts.beatsPerBar ?? DEFAULT_BEATS_PER_BAR;
  const bpm = step.tempo ? (step.tempo.minBpm + step.tempo.maxBpm) / 2 : (opts.defaultBpm ?? DEFAULT_BPM);
  return (step.duration.value * beatsPerBar * 60) / bpm;
}

const formatCount = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'countless');

/**
 * Checks the limits arithmetically, without expanding any repeat: nesting depth, flattened step count and total length.
 * Visits each written node once, and stops as soon as a limit is broken.
 */
export function checkWorkoutLimits(nodes: readonly WorkoutNode[], opts: TimelineOptions = {}): LimitCheck {
  let visited = 0;
  let failure: string | null = null;
  // Returns [flattened steps, seconds] of `list` played once, or null after recording a failure.
  const measure = (list: readonly WorkoutNode[], depth: number): [number, Seconds] | null => {
    let count = 0;
    let seconds = 0;
    for (const node of list) {
      visited += 1;
      if (visited > MAX_FLAT_STEPS) {
        failure = `has too many steps (at most ${formatCount(MAX_FLAT_STEPS)})`;
        return null;
      }
      if (node.type === 'step') {
        count += 1;
        seconds += stepSeconds(node, opts);
        continue;
      }
      if (depth >= MAX_NESTING_DEPTH) {
        failure = `repeats are nested too deeply (at most ${MAX_NESTING_DEPTH} levels)`;
        return null;
      }
      const inner = measure(node.children, depth + 1);
      if (!inner) return null;
      count += inner[0] * node.times;
      seconds += inner[1] * node.times;
      if (!(count <= MAX_FLAT_STEPS)) {
        failure = `would play ${formatCount(count)} steps once repeats are expanded (at most ${formatCount(MAX_FLAT_STEPS)})`;
        return null;
      }
    }
    if (!(seconds <= MAX_TOTAL_SECONDS)) {
      failure = `would last ${Number.isFinite(seconds) ? (seconds / 3600).toFixed(1) : 'countless'} hours (at most ${MAX_TOTAL_SECONDS / 3600} hours)`;
      return null;
    }
    return [count, seconds];
  };
  const result = measure(nodes, 0);
  if (!result) return { ok: false, error: failure ?? 'breaks a workout limit' };
  return { ok: true, stepCount: result[0], totalSec: result[1] };
}

/**
 * Returns the steps of `workout` in playing order with repeats expanded, each placed in seconds from the start.
 * Throws a RangeError (with the words of `checkWorkoutLimits`) when the workout breaks a limit; parsed workouts never do.
 */
export function flattenWorkout(workout: Pick<Workout, 'nodes'>, opts: TimelineOptions = {}): TimelineStep[] {
  const check = checkWorkoutLimits(workout.nodes, opts);
  if (!check.ok) throw new RangeError(`Workout ${check.error}`);
  const out: TimelineStep[] = [];
  let clock: Seconds = 0;
  const walk = (list: readonly WorkoutNode[], labels: string[]): void => {
    for (const node of list) {
      if (node.type === 'step') {
        const durationSec = stepSeconds(node, opts);
        out.push({ index: out.length, step: node, startSec: clock, durationSec, repeatLabels: labels });
        clock += durationSec;
        continue;
      }
      for (let round = 1; round <= node.times; round += 1) {
        walk(node.children, [...labels, `${round}/${node.times}`]);
      }
    }
  };
  walk(workout.nodes, []);
  return out;
}

/** Returns the total length of `workout` in seconds, computed without expanding repeats (Infinity-safe: throws like flattenWorkout). */
export function workoutTotalSeconds(workout: Pick<Workout, 'nodes'>, opts: TimelineOptions = {}): Seconds {
  const check = checkWorkoutLimits(workout.nodes, opts);
  if (!check.ok) throw new RangeError(`Workout ${check.error}`);
  return check.totalSec;
}

/** Returns how many steps `workout` plays with repeats expanded; throws like flattenWorkout when over the limits. */
export function countSteps(workout: Pick<Workout, 'nodes'>): number {
  const check = checkWorkoutLimits(workout.nodes);
  if (!check.ok) throw new RangeError(`Workout ${check.error}`);
  return check.stepCount;
}
