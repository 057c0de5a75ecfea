// Property-based tests: hostile or random input never throws, never hangs (inputs are bounded) and never pollutes
// Object.prototype; valid workouts survive the text, JSON and share-link round trips.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { HeartRateZone, RepeatBlock, Step, Workout, WorkoutNode } from '../../../src/core/workout';
import { STEP_KINDS } from '../../../src/core/workout-defaults';
import { checkPlayable, parseWorkoutJson, workoutToJson } from '../../../src/core/workout-schema';
import { workoutFromShareFragment, workoutToShareFragment } from '../../../src/core/workout-share';
import { parseWorkoutText, workoutToText } from '../../../src/core/workout-text';
import { parseZwo } from '../../../src/core/zwo-import';

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const isResult = (r: { ok: boolean; error?: string }): boolean => r.ok || (typeof r.error === 'string' && r.error.length > 0);
const soup = (pieces: string[], maxLength = 60) =>
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength }).map((a) => a.join(''));

const TEXT_PIECES = ['30s', '10m', '1m30s', '1:30', '8', ' bars', 'bar', '3x(', '2 x (', ')', '(', ';', ',', '\n', ' ', '"',
  "'", '\\', 'sprint', 'warm-up', 'easy', '175bpm', '160-170bpm', '~170bpm', '170spm', '@3', '@9', '#rest', '#x', '1000x(', '0s', '7h'];
const XML_PIECES = ['<workout_file>', '</workout_file>', '<workout>', '</workout>', '<name>', '</name>', '<SteadyState Duration="60" Power="0.8"/>',
  '<IntervalsT Repeat="3" OnDuration="30" OffDuration="30" OnPower="1.2"/>', '<Warmup Duration="300">', '</Warmup>',
  '<textevent timeoffset="0" message="go"/>', '<!--', '-->', '<![CDATA[', ']]>', '&lt;', '&#x1F600;', '&#99999999;', '&', '<', '>', '/>',
  '"', "'", '=', '<?xml version="1.0"?>', '<!DOCTYPE', '<!ENTITY', '<Ramp Duration="1e9"/>', ' '];

const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'type', 'kind', 'steps', 'repeat', 'nodes',
  'children', 'times', 'duration', 'unit', 'value', 'seconds', 'tempo', 'minBpm', 'name', 'workout', 'format', 'version');
const { tree: hostileJson } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('obj'), fc.array(tie('tree'), { maxLength: 4 })),
  obj: fc.dictionary(protoKey, tie('tree'), { maxKeys: 5 }),
}));

describe('parsers never throw and never pollute', () => {
  it('parseWorkoutText on random and syntax-shaped text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), soup(TEXT_PIECES)), (text) => {
      expect(isResult(parseWorkoutText(text))).toBe(true);
    }), { numRuns: 400 });
  });

  it('parseWorkoutJson on random text, random JSON and prototype-key-laden objects', () => {
    const envelope = hostileJson.map((w) => JSON.stringify({ format: 'montage-workout', version: 1, workout: w }));
    const compact = hostileJson.map((steps) => `{"version":1,"__proto__":{"polluted":1},"steps":${JSON.stringify(steps) ?? 'null'}}`);
    const input = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json({ maxDepth: 4 }), envelope, compact,
      hostileJson.map((v) => JSON.stringify(v) ?? ''));
    fc.assert(fc.property(input, (text) => {
      expect(isResult(parseWorkoutJson(text, 'fuzz.json'))).toBe(true);
    }), { numRuns: 400 });
  });

  it('parseZwo on random text and tag soup', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), soup(XML_PIECES, 80)), (xml) => {
      expect(isResult(parseZwo(xml, 'fuzz.zwo'))).toBe(true);
    }), { numRuns: 400 });
  });

  it('workoutFromShareFragment on random fragments', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (fragment) => {
      expect(isResult(workoutFromShareFragment(fragment))).toBe(true);
    }), { numRuns: 200 });
  });
});

// Valid workouts: small trees whose names and voices may hold any (well-formed) text.
let idCounter = 0;
const nextId = () => `n${(idCounter += 1)}`;
const text = (maxLength: number) => fc.oneof(
  fc.string({ unit: 'grapheme', maxLength }),
  fc.array(fc.constantFrom('Sprint', 'easy', 'jog', '3rd', ';', '(', ')', '"', "'", '#rest', '@2', '\\', '  ', '8', 'bars', 'x', '~', 'build', 'hr', 'z2', '150-160', 'Hr'), { maxLength: 6 }).map((a) => a.join(' ')),
);
const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...STEP_KINDS),
  name: text(30),
  duration: fc.oneof(
    fc.record({ unit: fc.constant('seconds' as const), value: fc.oneof(fc.integer({ min: 1, max: 900 }), fc.constantFrom(1.5, 12.25, 59.999)) }),
    fc.record({ unit: fc.constant('bars' as const), value: fc.integer({ min: 1, max: 64 }) }),
  ),
  intensity: fc.integer({ min: 1, max: 5 }),
  tempo: fc.option(fc.tuple(fc.integer({ min: 30, max: 300 }), fc.integer({ min: 30, max: 300 }), fc.boolean())
    .map(([a, b, allowHalfDouble]) => ({ minBpm: Math.min(a, b), maxBpm: Math.max(a, b), allowHalfDouble }))),
  build: fc.constantFrom('up' as const, 'down' as const, null),
  hr: fc.option(fc.oneof(
    fc.integer({ min: 1, max: 5 }).map((zone) => ({ type: 'zone' as const, zone: zone as HeartRateZone })),
    fc.tuple(fc.integer({ min: 30, max: 240 }), fc.integer({ min: 30, max: 240 })).map(([a, b]) => ({ type: 'range' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  )),
  voice: fc.option(text(60)),
}).map((s) => ({ type: 'step' as const, id: nextId(), ...s, build: s.tempo && s.tempo.minBpm < s.tempo.maxBpm ? s.build : null }));
const { node: nodeArb } = fc.letrec<{ node: WorkoutNode; repeat: RepeatBlock }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, stepArb, tie('repeat')),
  repeat: fc.record({ times: fc.integer({ min: 1, max: 4 }), children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) })
    .map((r) => ({ type: 'repeat' as const, id: nextId(), ...r })),
}));
const workoutArb: fc.Arbitrary<Workout> = fc.record({ name: fc.string({ unit: 'grapheme', maxLength: 40 }), nodes: fc.array(nodeArb, { minLength: 1, maxLength: 5 }) })
  .map((w) => ({ id: nextId(), updatedAt: 1_700_000_000_000, ...w }))
  .filter((w) => checkPlayable(w.nodes) === null);
const stripIds = (nodes: readonly WorkoutNode[]): unknown =>
  nodes.map((n) => (n.type === 'repeat' ? { ...n, id: '', children: stripIds(n.children) } : { ...n, id: '' }));

describe('valid workouts round-trip', () => {
  it('through the text syntax (modulo ids)', () => {
    fc.assert(fc.property(workoutArb, (w) => {
      const written = workoutToText(w.nodes);
      const back = parseWorkoutText(written);
      if (!back.ok) throw new Error(`${back.error}\n${written}`);
      expect(stripIds(back.nodes)).toEqual(stripIds(w.nodes));
    }), { numRuns: 300 });
  });

  it('through the JSON file format (exactly)', () => {
    fc.assert(fc.property(workoutArb, (w) => {
      expect(parseWorkoutJson(workoutToJson(w), 'rt.json')).toEqual({ ok: true, workout: w });
    }), { numRuns: 200 });
  });

  it('through a share link (modulo ids)', () => {
    fc.assert(fc.property(workoutArb, (w) => {
      const back = workoutFromShareFragment(workoutToShareFragment(w));
      if (!back.ok) throw new Error(back.error);
      expect(back.workout.name).toBe(w.name);
      expect(stripIds(back.workout.nodes)).toEqual(stripIds(w.nodes));
    }), { numRuns: 200 });
  });
});
