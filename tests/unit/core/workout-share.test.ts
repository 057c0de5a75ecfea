import { describe, expect, it } from 'vitest';
import type { Workout, WorkoutNode } from '../../../src/core/workout';
import {
  base64UrlDecode, base64UrlEncode, utf8Decode, utf8Encode, workoutFromShareFragment, workoutToShareFragment,
} from '../../../src/core/workout-share';
import { WORKOUT_TEMPLATES } from '../../../src/core/workout-templates';

const stripIds = (nodes: readonly WorkoutNode[]): unknown =>
  nodes.map((n) => (n.type === 'repeat' ? { ...n, id: '', children: stripIds(n.children) } : { ...n, id: '' }));

describe('share fragments', () => {
  it('round-trip every template (fresh ids, same content)', () => {
    for (const w of WORKOUT_TEMPLATES) {
      const fragment = workoutToShareFragment(w);
      expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
      const r = workoutFromShareFragment(`#${fragment}`);
      if (!r.ok) throw new Error(r.error);
      expect(r.workout.name).toBe(w.name);
      expect(stripIds(r.workout.nodes)).toEqual(stripIds(w.nodes));
    }
  });

  it('keep non-ASCII names intact', () => {
    const w: Workout = { ...WORKOUT_TEMPLATES[0], name: 'Läuft 🏃‍♀️ — ساعة' };
    const r = workoutFromShareFragment(workoutToShareFragment(w));
    expect(r).toMatchObject({ ok: true, workout: { name: 'Läuft 🏃‍♀️ — ساعة' } });
  });

  it('refuse damaged or hostile fragments with words', () => {
    expect(workoutFromShareFragment('!!!')).toEqual({ ok: false, error: 'shared link: is damaged (not a Montage workout link)' });
    expect(workoutFromShareFragment('A')).toMatchObject({ ok: false });
    expect(workoutFromShareFragment(base64UrlEncode(Uint8Array.of(0xff, 0xfe)))).toMatchObject({ ok: false, error: /damaged/ });
    expect(workoutFromShareFragment(base64UrlEncode(utf8Encode('{"nope":1}')))).toMatchObject({ ok: false, error: /^shared link: / });
    expect(workoutFromShareFragment('A'.repeat(300_000))).toMatchObject({ ok: false, error: /too long/ });
  });
});

describe('UTF-8 and base64url by hand', () => {
  it('match the platform encoders', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'héllo', '€', '😀 x', 'ǅ\u0000\u07ff\u0800\uffff']) {
      const bytes = utf8Encode(s);
      expect(Array.from(bytes)).toEqual(Array.from(new TextEncoder().encode(s)));
      expect(utf8Decode(bytes)).toBe(s);
      expect(base64UrlEncode(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(Array.from(base64UrlDecode(base64UrlEncode(bytes))!)).toEqual(Array.from(bytes));
    }
  });

  it('replace lone surrogates and refuse invalid UTF-8', () => {
    expect(Array.from(utf8Encode('\ud800'))).toEqual([0xef, 0xbf, 0xbd]);
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      expect(utf8Decode(Uint8Array.from(bad))).toBeNull();
    }
  });
});
