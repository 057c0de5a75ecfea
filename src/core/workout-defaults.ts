/** Field limits, kind defaults and id making shared by every way a workout is made (files, text, .zwo, templates, builder). */
import type { StepKind } from './workout';

/** Tempo targets must lie in this range, in BPM. */
export const MIN_BPM = 30;
/** Tempo targets must lie in this range, in BPM. */
export const MAX_BPM = 300;
/** Heart-rate targets must lie in this range, heartbeats per minute. */
export const MIN_HEART_RATE = 30;
/** Heart-rate targets must lie in this range, heartbeats per minute. */
export const MAX_HEART_RATE = 240;
/** Shortest step, in seconds. */
export const MIN_STEP_SECONDS = 1;
/** Longest step, in seconds (6 h). */
export const MAX_STEP_SECONDS = 6 * 60 * 60;
/** Most bars a step may last. */
export const MAX_STEP_BARS = 1000;
/** Most times a repeat block may play. */
export const MAX_REPEAT_TIMES = 1000;
/** Longest step or workout name, in characters. */
export const MAX_NAME_LENGTH = 100;
/** Longest voice text, in characters. */
export const MAX_VOICE_LENGTH = 300;

/** The step kinds, in the order the builder offers them. */
export const STEP_KINDS: readonly StepKind[] = ['warmup', 'work', 'recover', 'rest', 'cooldown'];
/** Default name of a step of each kind. */
export const KIND_LABELS: Record<StepKind, string> = {
  warmup: 'Warm-up', work: 'Work', recover: 'Recover', rest: 'Rest', cooldown: 'Cool-down',
};
/** Default effort (1..5) of a step of each kind. */
export const KIND_INTENSITY: Record<StepKind, number> = { warmup: 2, work: 4, recover: 2, rest: 1, cooldown: 1 };

/** Makes a fresh id; inject a deterministic one in tests. */
export type IdFactory = () => string;

/** Returns a short random id (10 base-36 characters); unique enough for the nodes of one library. */
export const randomId: IdFactory = () => {
  let id = '';
  for (let i = 0; i < 10; i += 1) id += Math.floor(Math.random() * 36).toString(36);
  return id;
};
