/** The interval-workout model: a tree of steps and repeat blocks, plain data. */
import type { Bpm, Seconds } from './units';

/** What a step is for; decides its colour, its cue sound and what music suits it. */
export type StepKind = 'warmup' | 'work' | 'recover' | 'rest' | 'cooldown';

/** How long a step lasts: wall-clock seconds, or bars of the music that plays. */
export type StepDuration = { unit: 'seconds'; value: Seconds } | { unit: 'bars'; value: number };

/** The music tempo a step wants. With `allowHalfDouble`, 85 BPM music also fits a 170 target. */
export interface TempoTarget {
  minBpm: Bpm;
  maxBpm: Bpm;
  allowHalfDouble: boolean;
}

/** One of the five heart-rate zones of the user's heart-rate settings (1 = easiest). */
export type HeartRateZone = 1 | 2 | 3 | 4 | 5;

/** A heart-rate target: a zone of the user's settings, or a range in heartbeats per minute. */
export type HeartRateTarget = { type: 'zone'; zone: HeartRateZone } | { type: 'range'; min: number; max: number };

/**
 * Which way a step's music tempo moves across the step, from one end of its tempo range to the other ('up':
 * minBpm at the start to maxBpm at the end, the "builds and builds" of a training montage); null = steady.
 */
export type TempoBuild = 'up' | 'down' | null;

/** One timed step ("Sprint", "Log press"). */
export interface Step {
  type: 'step';
  id: string;
  kind: StepKind;
  name: string;
  duration: StepDuration;
  /** Effort 1 (easy) .. 5 (all out). */
  intensity: number;
  /** null = any music. */
  tempo: TempoTarget | null;
  /** A tempo that moves across the step; only with a tempo range (minBpm < maxBpm). */
  build: TempoBuild;
  /** The heart rate to hold; null = none. */
  hr: HeartRateTarget | null;
  /** Words spoken when the step starts; null = say the step's name. */
  voice: string | null;
}

/** A block of nodes played `times` times in a row. Blocks nest. */
export interface RepeatBlock {
  type: 'repeat';
  id: string;
  times: number;
  children: WorkoutNode[];
}

/** A node of the workout tree. */
export type WorkoutNode = Step | RepeatBlock;

/** A whole workout as stored and shared. */
export interface Workout {
  id: string;
  name: string;
  nodes: WorkoutNode[];
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

/** One step of a flattened workout, placed on the workout's own clock (seconds from its start). */
export interface TimelineStep {
  /** Position in the flattened list, 0-based. */
  index: number;
  step: Step;
  startSec: Seconds;
  durationSec: Seconds;
  /** "2/6" style labels of the enclosing repeats, outermost first (for "Interval 2 of 6"). */
  repeatLabels: string[];
}

const MAX_DESCRIBED = 60;

/**
 * Returns a name that says what a workout is, from its steps ("Warm up + 6× Sprint/Easy + Cool down"):
 * what a pasted workout is called when the text names nothing. At most 60 characters.
 */
export function describeWorkout(nodes: readonly WorkoutNode[]): string {
  const part = (n: WorkoutNode): string => (n.type === 'step' ? n.name : `${n.times}× ${n.children.map(part).join('/')}`);
  const text = nodes.map(part).join(' + ').trim();
  if (!text) return 'Pasted workout';
  return text.length <= MAX_DESCRIBED ? text : `${text.slice(0, MAX_DESCRIBED - 1).trimEnd()}…`;
}
