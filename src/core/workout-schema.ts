/** Zod schemas and the reader/writer of Montage workout files, for workouts that come from outside (files, links). */
import { z } from 'zod';
import type { Step, StepKind, Workout, WorkoutNode } from './workout';
import {
  KIND_INTENSITY, KIND_LABELS, MAX_BPM, MAX_HEART_RATE, MAX_NAME_LENGTH, MIN_HEART_RATE, MAX_REPEAT_TIMES, MAX_STEP_BARS, MAX_STEP_SECONDS, MAX_VOICE_LENGTH,
  MIN_BPM, MIN_STEP_SECONDS, STEP_KINDS, randomId, type IdFactory,
} from './workout-defaults';
import { MAX_NESTING_DEPTH, checkWorkoutLimits } from './workout-timeline';

const describe = (input: unknown): string =>
  input === undefined ? 'missing' : typeof input === 'number' ? String(input) : JSON.stringify(input)?.slice(0, 40) ?? typeof input;

// A number field whose every failure message names the field, the allowed range and what was found.
const rangedNumber = (field: string, min: number, max: number, unit: string, int = false) => {
  const words = `${field} must be ${int ? 'a whole number ' : ''}from ${min} to ${max}${unit} (it is ${'%'})`;
  const say = (iss: { input?: unknown }) => words.replace('%', describe(iss.input));
  const base = z.number({ error: say }).min(min, { error: say }).max(max, { error: say });
  return int ? base.int({ error: say }) : base;
};

const text = (field: string, max: number) =>
  z.string({ error: (iss) => `${field} must be text (it is ${describe(iss.input)})` })
    .max(max, { error: `${field} must be at most ${max} characters` });

/** An id as written in a file: 1..64 letters, digits, `-` or `_`. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'id must be 1 to 64 letters, digits, - or _' });

/** A tempo target; `allowHalfDouble` lets half- or double-time music fit. */
export const tempoSchema = z.object({
  minBpm: rangedNumber('tempo', MIN_BPM, MAX_BPM, ' BPM'),
  maxBpm: rangedNumber('tempo', MIN_BPM, MAX_BPM, ' BPM'),
  allowHalfDouble: z.boolean({ error: 'tempo allowHalfDouble must be true or false' }).default(false),
}, { error: (iss) => `tempo must be an object with minBpm and maxBpm (it is ${describe(iss.input)})` })
  .refine((t) => t.minBpm <= t.maxBpm, { error: 'tempo minBpm must not be above maxBpm' });

/** A heart-rate target: `{ type: "zone", zone: 1..5 }` or `{ type: "range", min, max }` in heartbeats per minute. */
export const heartRateTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('zone'), zone: rangedNumber('heart-rate zone', 1, 5, '', true) }),
  z.object({
    type: z.literal('range'),
    min: rangedNumber('heart rate', MIN_HEART_RATE, MAX_HEART_RATE, ' bpm'),
    max: rangedNumber('heart rate', MIN_HEART_RATE, MAX_HEART_RATE, ' bpm'),
  }).refine((r) => r.min <= r.max, { error: 'heart rate min must not be above max' }),
], { error: (iss) => `hr must be a zone or a range (it is ${describe(iss.input)})` });

/** A step duration: seconds or bars. */
export const durationSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('seconds'), value: rangedNumber('duration', MIN_STEP_SECONDS, MAX_STEP_SECONDS, ' seconds') }),
  z.object({ unit: z.literal('bars'), value: rangedNumber('duration', 1, MAX_STEP_BARS, ' bars', true) }),
], { error: (iss) => `duration must be seconds or bars (it is ${describe(iss.input)})` });

/** One step as written in a file; missing name, intensity, tempo and voice get defaults, unknown keys are dropped. */
export const stepSchema = z.object({
  type: z.literal('step'),
  id: idSchema.optional(),
  kind: z.enum(STEP_KINDS as [StepKind, ...StepKind[]], {
    error: (iss) => `kind must be one of ${STEP_KINDS.join(', ')} (it is ${describe(iss.input)})`,
  }),
  name: text('name', MAX_NAME_LENGTH).optional(),
  duration: durationSchema,
  intensity: rangedNumber('intensity', 1, 5, '', true).optional(),
  tempo: tempoSchema.nullable().default(null),
  build: z.enum(['up', 'down'], { error: (iss) => `build must be "up", "down" or null (it is ${describe(iss.input)})` }).nullable().default(null),
  hr: heartRateTargetSchema.nullable().default(null),
  voice: text('voice', MAX_VOICE_LENGTH).nullable().default(null),
}).refine((s) => s.build === null || (s.tempo !== null && s.tempo.minBpm < s.tempo.maxBpm), {
  error: 'build needs a tempo range to move across (minBpm below maxBpm)',
});

/** The head of a repeat block; its children are checked one by one (so deep input cannot overflow the stack). */
export const repeatHeadSchema = z.object({
  type: z.literal('repeat'),
  id: idSchema.optional(),
  times: rangedNumber('repeat count', 1, MAX_REPEAT_TIMES, ' times', true),
  children: z.array(z.unknown(), { error: 'repeat children must be a list' }),
});

/** The Montage workout file: `{ format: "montage-workout", version: 1, workout: {...} }`. */
export const workoutFileSchema = z.object({
  format: z.literal('montage-workout', { error: 'format must be "montage-workout"' }),
  version: z.literal(1, { error: (iss) => `version ${describe(iss.input)} is not supported (this app reads version 1)` }),
  workout: z.object({
    id: idSchema.optional(),
    name: text('workout name', MAX_NAME_LENGTH).default('Workout'),
    nodes: z.array(z.unknown(), { error: 'workout nodes must be a list' }),
    updatedAt: z.number().int().nonnegative().optional(),
  }, { error: 'workout must be an object' }),
});

/** The short hand-written form: `{ version: 1, name, steps: [{ kind, seconds | bars, targetBpm? } | { repeat, steps }] }`. */
export const compactFileSchema = z.object({
  version: z.literal(1, { error: (iss) => `version ${describe(iss.input)} is not supported (this app reads version 1)` }),
  name: text('workout name', MAX_NAME_LENGTH).default('Workout'),
  steps: z.array(z.unknown(), { error: 'steps must be a list' }),
});

/** What reading a workout file, link or text gives: the workout, or words that name the file and what is wrong. */
export type WorkoutParseResult = { ok: true; workout: Workout } | { ok: false; error: string };

/** Injectable id factory and clock, for deterministic tests. */
export interface ParseOptions {
  newId?: IdFactory;
  /** Milliseconds since the epoch, used for `updatedAt` when the file has none. */
  now?: number;
}

/** Largest workout file accepted, in characters (1 MB of text). */
export const MAX_FILE_CHARS = 1_000_000;
// Envelope + 2 brackets per repeat level + a step's own objects, with room to spare.
const MAX_JSON_DEPTH = 2 * MAX_NESTING_DEPTH + 12;
const NESTING_ERROR = `repeats are nested too deeply (at most ${MAX_NESTING_DEPTH} levels)`;
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Linear scan for bracket depth, so deeply nested input is refused before any recursive parser sees it.
function exceedsJsonDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return false;
}

// Turns a node of the compact form ({ kind, seconds } / { repeat, steps }) into the full form, untyped.
function fromCompact(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  if (raw.repeat !== undefined || raw.steps !== undefined) {
    return { type: 'repeat', id: raw.id, times: raw.repeat, children: raw.steps };
  }
  const t = raw.targetBpm;
  const tempo = typeof t === 'number' ? { minBpm: t, maxBpm: t }
    : isRecord(t) ? { minBpm: t.min, maxBpm: t.max, allowHalfDouble: t.halfDouble } : t;
  const duration = raw.bars !== undefined ? { unit: 'bars', value: raw.bars } : { unit: 'seconds', value: raw.seconds };
  const hr = typeof raw.zone === 'number' ? { type: 'zone', zone: raw.zone }
    : isRecord(raw.hr) ? { type: 'range', min: raw.hr.min, max: raw.hr.max } : raw.hr;
  return { type: 'step', id: raw.id, kind: raw.kind, name: raw.name, duration, intensity: raw.intensity, tempo, build: raw.build, hr, voice: raw.voice };
}

/** Validates raw (already JSON-parsed) nodes one by one; errors say which step or repeat and which field is wrong. */
export function buildNodes(
  rawNodes: readonly unknown[], compact: boolean, newId: IdFactory,
): { ok: true; nodes: WorkoutNode[] } | { ok: false; error: string } {
  const usedIds = new Set<string>();
  const freshId = (id: string | undefined): string => {
    let out = id !== undefined && !usedIds.has(id) ? id : newId();
    for (let tries = 0; usedIds.has(out) && tries < 100; tries += 1) out = newId();
    usedIds.add(out);
    return out;
  };
  let stepNo = 0;
  let repeatNo = 0;
  let error = '';
  const build = (list: readonly unknown[], depth: number): WorkoutNode[] | null => {
    const out: WorkoutNode[] = [];
    for (const item of list) {
      const raw = compact ? fromCompact(item) : item;
      if (isRecord(raw) && raw.type === 'repeat') {
        repeatNo += 1;
        const label = `repeat ${repeatNo}`;
        if (depth >= MAX_NESTING_DEPTH) return (error = NESTING_ERROR), null;
        const head = repeatHeadSchema.safeParse(raw);
        if (!head.success) return (error = `${label}: ${head.error.issues[0].message}`), null;
        const children = build(head.data.children, depth + 1);
        if (!children) return null;
        out.push({ type: 'repeat', id: freshId(head.data.id), times: head.data.times, children });
        continue;
      }
      stepNo += 1;
      const rawName = isRecord(raw) && typeof raw.name === 'string' && raw.name ? raw.name
        : isRecord(raw) && typeof raw.kind === 'string' && raw.kind in KIND_LABELS ? KIND_LABELS[raw.kind as StepKind] : '';
      const label = `step ${stepNo}${rawName ? ` ${JSON.stringify(rawName.slice(0, 40))}` : ''}`;
      if (!isRecord(raw) || raw.type !== 'step') {
        return (error = `${label}: must be an object with type "step" or "repeat"`), null;
      }
      const parsed = stepSchema.safeParse(raw);
      if (!parsed.success) return (error = `${label}: ${parsed.error.issues[0].message}`), null;
      const s = parsed.data;
      out.push({
        type: 'step', id: freshId(s.id), kind: s.kind, name: s.name ?? KIND_LABELS[s.kind], duration: s.duration,
        intensity: s.intensity ?? KIND_INTENSITY[s.kind], tempo: s.tempo, build: s.build, hr: s.hr as Step['hr'], voice: s.voice,
      });
    }
    return out;
  };
  const nodes = build(rawNodes, 0);
  return nodes ? { ok: true, nodes } : { ok: false, error };
}

/**
 * Returns null when `nodes` fit the limits and play at least one step, else the words saying why not.
 * Bars without a tempo target are timed at the slowest allowed tempo, so `flattenWorkout` never throws on an accepted
 * workout whatever `defaultBpm` the player uses (with bars of up to 4 beats).
 */
export function checkPlayable(nodes: readonly WorkoutNode[]): string | null {
  const limits = checkWorkoutLimits(nodes, { defaultBpm: MIN_BPM, beatsPerBar: 4 });
  if (!limits.ok) return limits.error;
  return limits.stepCount === 0 ? 'has no steps' : null;
}

/**
 * Reads a Montage workout file (the full `montage-workout` form or the compact `steps` form).
 * Never throws; refuses files over 1 MB, too deep, over the limits, or with a wrong field, naming `fileName`.
 */
export function parseWorkoutJson(text: string, fileName: string, opts: ParseOptions = {}): WorkoutParseResult {
  const fail = (words: string): WorkoutParseResult => ({ ok: false, error: `${fileName}: ${words}` });
  if (text.length > MAX_FILE_CHARS) {
    return fail(`is too large (${(text.length / 1e6).toFixed(1)} MB; at most ${MAX_FILE_CHARS / 1e6} MB)`);
  }
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) return fail(NESTING_ERROR);
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => (DANGEROUS_KEYS.has(key) ? undefined : value));
  } catch {
    return fail('is not valid JSON');
  }
  if (!isRecord(raw)) return fail('is not a Montage workout (expected a JSON object)');
  const compact = raw.format === undefined && raw.steps !== undefined;
  const head = compact ? compactFileSchema.safeParse(raw) : workoutFileSchema.safeParse(raw);
  if (!head.success) return fail(head.error.issues[0].message);
  const meta = 'workout' in head.data ? head.data.workout : { ...head.data, nodes: head.data.steps, id: undefined, updatedAt: undefined };
  const newId = opts.newId ?? randomId;
  const built = buildNodes(meta.nodes, compact, newId);
  if (!built.ok) return fail(built.error);
  const unplayable = checkPlayable(built.nodes);
  if (unplayable) return fail(unplayable);
  return {
    ok: true,
    workout: { id: meta.id ?? newId(), name: meta.name, nodes: built.nodes, updatedAt: meta.updatedAt ?? opts.now ?? Date.now() },
  };
}

/** Returns `workout` as a pretty-printed Montage workout file (only the known fields are written). */
export function workoutToJson(workout: Workout, indent = 2): string {
  const node = (n: WorkoutNode): object => n.type === 'repeat'
    ? { type: 'repeat', id: n.id, times: n.times, children: n.children.map(node) }
    : { type: 'step', id: n.id, kind: n.kind, name: n.name, duration: { unit: n.duration.unit, value: n.duration.value },
      intensity: n.intensity, tempo: n.tempo && { minBpm: n.tempo.minBpm, maxBpm: n.tempo.maxBpm, allowHalfDouble: n.tempo.allowHalfDouble },
      build: n.build, hr: n.hr && { ...n.hr }, voice: n.voice };
  const file = { format: 'montage-workout', version: 1, workout: { id: workout.id, name: workout.name, updatedAt: workout.updatedAt, nodes: workout.nodes.map(node) } };
  return JSON.stringify(file, null, indent);
}
