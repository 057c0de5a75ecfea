// Every workout file of the shared bad-input corpus (copied to tests/fixtures/bad), checked against its catalogue entry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkoutJson } from '../../../src/core/workout-schema';
import { parseZwo } from '../../../src/core/zwo-import';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/bad/${name}`, import.meta.url), 'utf8');
const parseFile = (name: string, text = read(name)) => (name.endsWith('.zwo') ? parseZwo(text, name) : parseWorkoutJson(text, name));

// expect + behaviour from /work/shared/corpus/bad/catalogue.json, with the words the error must contain.
const CASES: { file: string; expect: 'error' | 'error-or-import'; words: RegExp }[] = [
  { file: 'a-malformed.json', expect: 'error', words: /^a-malformed\.json: is not valid JSON$/ },
  { file: 'a-negative-duration.json', expect: 'error', words: /^a-negative-duration\.json: step 1 "Work": duration must be from 1 to 21600 seconds \(it is -30\)$/ },
  { file: 'a-absurd-bpm.json', expect: 'error', words: /^a-absurd-bpm\.json: step 1 "Work": tempo must be from 30 to 300 BPM/ },
  { file: 'a-million-repeats.json', expect: 'error', words: /^a-million-repeats\.json: repeat 1: .*1 to 1000 times \(it is 1000000\)/ },
  { file: 'a-deep-nesting.json', expect: 'error', words: /^a-deep-nesting\.json: repeats are nested too deeply \(at most 8 levels\)$/ },
  { file: 'a-prototype-keys.json', expect: 'error-or-import', words: /^$/ },
  { file: 'a-billion-laughs.zwo', expect: 'error', words: /^a-billion-laughs\.zwo: contains a DOCTYPE or ENTITY declaration/ },
  { file: 'a-external-entity.zwo', expect: 'error', words: /^a-external-entity\.zwo: contains a DOCTYPE or ENTITY declaration/ },
];

describe('bad workout corpus', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.expect}`, () => {
      const r = parseFile(c.file);
      if (c.expect === 'error') expect(r.ok ? 'imported' : r.error).toMatch(c.words);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }

  it('a-prototype-keys.json imports with the unknown keys dropped and nothing polluted', () => {
    const r = parseFile('a-prototype-keys.json');
    if (!r.ok) throw new Error(r.error);
    expect(r.workout.name).toBe('Proto');
    expect(r.workout.nodes).toHaveLength(1);
    expect(Object.getPrototypeOf(r.workout)).toBe(Object.prototype);
    expect(Object.hasOwn(r.workout, '__proto__')).toBe(false);
  });

  it('a-huge.json (5.7 MB, generated here as the original is too big to copy) is refused with a size message', () => {
    const item = '{"kind": "work", "seconds": 30, "name": "' + 'x'.repeat(50) + '"}';
    const text = `{"version": 1, "name": "Big", "steps": [${Array.from({ length: 57_000 }, () => item).join(', ')}]}`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const r = parseFile('a-huge.json', text);
    expect(r.ok ? 'imported' : r.error).toMatch(/^a-huge\.json: is too large \(5\.\d MB; at most 1 MB\)$/);
  });
});
