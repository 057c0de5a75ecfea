import { describe, expect, it } from 'vitest';
import type { WorkoutNode } from '../../../src/core/workout';
import { inferKind, parseWorkoutText, workoutToText } from '../../../src/core/workout-text';
import { WORKOUT_TEMPLATES } from '../../../src/core/workout-templates';

const stripIds = (nodes: readonly WorkoutNode[]): unknown =>
  nodes.map((n) => (n.type === 'repeat' ? { ...n, id: '', children: stripIds(n.children) } : { ...n, id: '' }));
const ok = (text: string): WorkoutNode[] => {
  const r = parseWorkoutText(text);
  if (!r.ok) throw new Error(r.error);
  return r.nodes;
};
const err = (text: string): string => {
  const r = parseWorkoutText(text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('parseWorkoutText', () => {
  it('reads the example from the docs', () => {
    const nodes = ok('10m warmup 120bpm; 6x(30s sprint 175bpm, 30s easy 150bpm); 5m cooldown');
    expect(stripIds(nodes)).toEqual([
      { type: 'step', id: '', kind: 'warmup', name: 'warmup', duration: { unit: 'seconds', value: 600 }, intensity: 2,
        tempo: { minBpm: 120, maxBpm: 120, allowHalfDouble: false }, build: null, hr: null, voice: null },
      { type: 'repeat', id: '', times: 6, children: [
        { type: 'step', id: '', kind: 'work', name: 'sprint', duration: { unit: 'seconds', value: 30 }, intensity: 4,
          tempo: { minBpm: 175, maxBpm: 175, allowHalfDouble: false }, build: null, hr: null, voice: null },
        { type: 'step', id: '', kind: 'recover', name: 'easy', duration: { unit: 'seconds', value: 30 }, intensity: 2,
          tempo: { minBpm: 150, maxBpm: 150, allowHalfDouble: false }, build: null, hr: null, voice: null },
      ] },
      { type: 'step', id: '', kind: 'cooldown', name: 'cooldown', duration: { unit: 'seconds', value: 300 }, intensity: 1, tempo: null, build: null, hr: null, voice: null },
    ]);
  });

  it.each([
    ['30s', 30], ['10m', 600], ['1m30s', 90], ['1:30', 90], ['1:02:03', 3723], ['1h', 3600], ['1h15m', 4500],
    ['90 sec', 90], ['2 minutes', 120], ['12.5s', 12.5], ['5min', 300],
  ])('reads the duration %s as %d seconds', (word, seconds) => {
    expect(ok(`${word} run`)[0]).toMatchObject({ duration: { unit: 'seconds', value: seconds } });
  });

  it('reads bars written together or apart', () => {
    expect(ok('8 bars Log press')[0]).toMatchObject({ duration: { unit: 'bars', value: 8 }, name: 'Log press' });
    expect(ok('8bars')[0]).toMatchObject({ duration: { unit: 'bars', value: 8 }, name: 'Work', kind: 'work' });
    expect(ok('1 bar rest')[0]).toMatchObject({ duration: { unit: 'bars', value: 1 }, kind: 'rest' });
  });

  it('reads tempo ranges and half/double time', () => {
    const [a, b, c] = ok('1m 160-170bpm; 1m 170spm; 1m ~165bpm');
    expect(a).toMatchObject({ tempo: { minBpm: 160, maxBpm: 170, allowHalfDouble: false } });
    expect(b).toMatchObject({ tempo: { minBpm: 170, maxBpm: 170, allowHalfDouble: true } });
    expect(c).toMatchObject({ tempo: { minBpm: 165, maxBpm: 165, allowHalfDouble: true } });
  });

  it('reads kinds from keywords, #kind tags, effort and voice text', () => {
    const nodes = ok('5m warm-up jog; 30s Hill repeats #work @5 "Drive the knees!"; 1m Recovery jog; 2m cool-down walk');
    expect(nodes.map((s) => (s.type === 'step' ? s.kind : ''))).toEqual(['warmup', 'work', 'recover', 'cooldown']);
    expect(nodes[1]).toMatchObject({ name: 'Hill repeats', intensity: 5, voice: 'Drive the knees!' });
    expect(ok("45s 'Farmer\\'s walk; heavy'")[0]).toMatchObject({ name: "Farmer's walk; heavy", kind: 'recover' });
    expect(ok('45s squats')[0]).toMatchObject({ kind: 'work', name: 'squats' });
  });

  it('reads nested repeats across lines, with "3 x (" spacing', () => {
    const nodes = ok('3 x (\n  2x(20s hard, 10s rest)\n  1m easy\n)');
    expect(nodes[0]).toMatchObject({ type: 'repeat', times: 3, children: [{ type: 'repeat', times: 2 }, { name: 'easy' }] });
  });

  it('says where the error is', () => {
    expect(err('10m warmup; 30q sprint')).toBe('line 1, column 13: "30q" is not a duration (30s, 10m, 1:30, 8 bars) or tempo (175bpm)');
    expect(err('5m warmup\n6x(30s run')).toBe('line 2, column 3: this "(" is never closed');
    expect(err('30s run)')).toMatch(/column 8: unexpected "\)"/);
    expect(err('sprint 175bpm')).toMatch(/column 1: step has no duration/);
    expect(err('30s 1m run')).toMatch(/a duration given twice/);
    expect(err('30s run 20bpm')).toMatch(/tempo must be from 30 to 300 BPM/);
    expect(err('30s run 180-170bpm')).toMatch(/lowest first/);
    expect(err('30s run @7')).toMatch(/effort must be @1 to @5/);
    expect(err('30s run #dance')).toMatch(/unknown kind "#dance"/);
    expect(err('30s "go')).toMatch(/missing its closing "/);
    expect(err('0s run')).toMatch(/duration must be from 1 s to 6 h/);
    expect(err('7h run')).toMatch(/duration must be from 1 s to 6 h/);
    expect(err('')).toBe('workout has no steps');
  });

  it('enforces the limits', () => {
    expect(err('1001x(30s)')).toMatch(/1 to 1000 times/);
    expect(err(`${'2x('.repeat(9)}30s${')'.repeat(9)}`)).toMatch(/column 25: repeats are nested too deeply/);
    expect(parseWorkoutText(`${'2x('.repeat(8)}30s${')'.repeat(8)}`).ok).toBe(true);
    expect(err('200x(200x(1m))')).toMatch(/40,000 steps/);
    expect(err('5x(6h run)')).toMatch(/24 hours/);
    expect(err('30s '.repeat(30_000))).toMatch(/too long/);
  });
});

describe('tempo builds and heart-rate targets', () => {
  it('reads build ranges up and down, zones and heart-rate ranges', () => {
    expect(ok('5m build 150-170bpm')[0]).toMatchObject({ tempo: { minBpm: 150, maxBpm: 170, allowHalfDouble: false }, build: 'up', hr: null });
    expect(ok('5m cool-down build 170-140spm')[0]).toMatchObject({ tempo: { minBpm: 140, maxBpm: 170, allowHalfDouble: true }, build: 'down' });
    expect(ok('5m z2')[0]).toMatchObject({ hr: { type: 'zone', zone: 2 }, tempo: null, build: null, name: 'Work' });
    expect(ok('3m tempo run hr 150-160 170bpm')[0]).toMatchObject({ hr: { type: 'range', min: 150, max: 160 }, name: 'tempo run' });
  });

  it('keeps "build" and "hr" as name words when no range follows', () => {
    expect(ok('5m hill build')[0]).toMatchObject({ name: 'hill build', build: null, tempo: null });
    expect(ok('5m build up 160bpm')[0]).toMatchObject({ name: 'build up', build: null, tempo: { minBpm: 160 } });
    expect(ok("5m 'hr' z1")[0]).toMatchObject({ name: 'hr', hr: { type: 'zone', zone: 1 } });
  });

  it('says what is wrong', () => {
    expect(parseWorkoutText('5m build 160-160bpm')).toEqual({ ok: false, error: 'line 1, column 10: build needs a tempo range to move across, like build 150-170bpm' });
    expect(parseWorkoutText('5m 170-150bpm')).toMatchObject({ ok: false, error: expect.stringContaining('write build 170-150bpm for a tempo that eases down') });
    expect(parseWorkoutText('5m hr 200-100')).toMatchObject({ ok: false, error: expect.stringContaining('heart rate must be from 30 to 240 bpm, lowest first') });
    expect(parseWorkoutText('5m z2 z3')).toMatchObject({ ok: false, error: expect.stringContaining('a heart-rate target given twice') });
  });

  it('writes them back as text that reads the same', () => {
    const nodes = ok("5m 'hill build' build 170-150bpm hr 140-150; 2m z4");
    expect(workoutToText(nodes)).toBe("5m 'hill build' build 170-150bpm hr 140-150; 2m Work z4");
  });
});

describe('workoutToText', () => {
  it('writes the compact form', () => {
    expect(workoutToText(ok('10m warmup 120bpm; 6x(30s sprint 175bpm, 30s easy 150bpm); 5m cooldown')))
      .toBe('10m warmup 120bpm; 6x(30s sprint 175bpm, 30s easy 150bpm); 5m cooldown');
    expect(workoutToText(ok('90s run ~170bpm @5 "Go"; 8 bars rest'))).toBe('1m30s run 170spm @5 "Go"; 8 bars rest');
  });

  it('round-trips every template (modulo ids)', () => {
    for (const w of WORKOUT_TEMPLATES) {
      const text = workoutToText(w.nodes);
      expect(stripIds(ok(text)), text).toEqual(stripIds(w.nodes));
    }
  });

  it('quotes names that would otherwise read differently', () => {
    const awkward = ['', ' padded', '3rd sprint', 'a;b', 'x (y)', '#tag', 'two  spaces', "'quoted'", 'say "hi"', 'back\\slash', '@home', '10m'];
    for (const name of awkward) {
      const nodes: WorkoutNode[] = [{ type: 'step', id: 'x', kind: 'rest', name, duration: { unit: 'seconds', value: 10 }, intensity: 3, tempo: null, build: null, hr: null, voice: 'a "b" \\c' }];
      const text = workoutToText(nodes);
      expect(stripIds(ok(text)), text).toEqual(stripIds(nodes));
    }
  });

  it('infers kinds from the first keyword', () => {
    expect(inferKind('Easy sprint')).toBe('recover');
    expect(inferKind('Cool-down walk')).toBe('cooldown');
    expect(inferKind('Squats')).toBeNull();
    expect(inferKind('constructor')).toBeNull();
  });
});
