/**
 * Real .zwo files written by people outside the team: each imports with its true length and the effort of every
 * step as written. The truth comes from a tiny reader of the XML attributes written here (regular expressions, not
 * the importer's parser), so a mistake in either shows. Files: tests/fixtures/zwo/corpus (licences in SOURCES.md),
 * and every file of ../shared/corpus/zwo when that folder is there.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenWorkout } from '../../../src/core/workout-timeline';
import { parseZwo } from '../../../src/core/zwo-import';
import { workoutSchema } from '../../../src/storage/schemas';

const FIXTURES = new URL('../../fixtures/zwo/corpus/', import.meta.url);
const SHARED = new URL('../../../../shared/corpus/zwo/', import.meta.url);

interface TruthStep { seconds: number; powers: number[] | null; defaultEffort: number }

// Zwift's power zones as fractions of FTP: Z1 < 60 %, Z2 ≤ 75 %, Z3 ≤ 90 %, Z4 ≤ 105 %, Z5 above.
const zone = (p: number): number => [0.6, 0.75, 0.9, 1.05].filter((edge) => (edge === 0.6 ? p >= edge : p > edge)).length + 1;

function attributesOf(tagText: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tagText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(m[1].toLowerCase(), m[2] ?? m[3]);
  return attrs;
}

// The steps a file plays, in order, with repeats written out; text events (the only nested elements) are skipped.
function truthOf(xml: string): TruthStep[] {
  const body = /<workout>([\s\S]*)<\/workout>/i.exec(xml.replace(/<!--[\s\S]*?-->/g, ''))?.[1] ?? '';
  const steps: TruthStep[] = [];
  for (const m of body.matchAll(/<([A-Za-z]+)\b([^>]*)>/g)) {
    const name = m[1].toLowerCase();
    const a = attributesOf(m[2]);
    const num = (k: string): number | undefined => (a.has(k) ? Number(a.get(k)) : undefined);
    const pair = (one: string, lo: string, hi: string): number[] | null => {
      if (num(one) !== undefined) return [num(one)!];
      const both = [num(lo), num(hi)].filter((x): x is number => x !== undefined);
      return both.length ? both : null;
    };
    const secs = (k: string) => Math.round(num(k)!);
    if (name === 'intervalst') {
      for (let i = 0; i < (num('repeat') ?? 1); i += 1) {
        steps.push({ seconds: secs('onduration'), powers: pair('onpower', 'poweronlow', 'poweronhigh'), defaultEffort: 4 });
        steps.push({ seconds: secs('offduration'), powers: pair('offpower', 'powerofflow', 'poweroffhigh'), defaultEffort: 2 });
      }
    } else if (name === 'freeride') {
      steps.push({ seconds: secs('duration'), powers: null, defaultEffort: 3 });
    } else if (['warmup', 'cooldown', 'ramp', 'steadystate'].includes(name)) {
      const defaultEffort = name === 'warmup' ? 2 : name === 'cooldown' ? 1 : 3;
      steps.push({ seconds: secs('duration'), powers: pair('power', 'powerlow', 'powerhigh'), defaultEffort });
    } else if (name !== 'textevent') {
      throw new Error(`the test's reader does not know <${m[1]}>`);
    }
  }
  return steps;
}

function checkFile(dir: URL, file: string): void {
  const xml = readFileSync(new URL(file, dir), 'utf8');
  const r = parseZwo(xml, file);
  if (!r.ok) throw new Error(r.error);
  expect(workoutSchema.safeParse(r.workout).error?.issues[0], `${file}: can be saved`).toBeUndefined();
  const truth = truthOf(xml);
  const flat = flattenWorkout(r.workout);
  expect(flat.map((t) => t.durationSec), `${file}: step lengths`).toEqual(truth.map((t) => t.seconds));
  const total = flat.reduce((s, t) => s + t.durationSec, 0);
  expect(total, `${file}: total length`).toBe(truth.reduce((s, t) => s + t.seconds, 0));
  const isRun = /<sportType>\s*run\s*<\/sportType>/i.test(xml);
  truth.forEach((t, i) => {
    const { name, intensity } = flat[i].step;
    const where = `${file}: step ${i + 1} "${name}"`;
    if (!t.powers) {
      expect(intensity, where).toBe(t.defaultEffort);
      expect(name, `${where} says no figure that is not in the file`).not.toMatch(/%|FTP/);
      return;
    }
    expect(intensity, where).toBe(zone(t.powers.reduce((s, p) => s + p, 0) / t.powers.length));
    for (const p of t.powers) expect(name, where).toContain(`${Math.round(p * 100)}%`);
    expect(name, where).toContain(isRun ? 'threshold pace' : 'FTP');
  });
}

const zwoFiles = (dir: URL): string[] => readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.zwo')).sort();

describe('what the importer accepts, the library saves', () => {
  it('keeps the most repeats a .zwo may ask for, and refuses one more in both with the same limit', () => {
    const xml = (n: number) => `<workout_file><workout><IntervalsT Repeat="${n}" OnDuration="20" OffDuration="10" OnPower="1.5" OffPower="0.5"/></workout></workout_file>`;
    const r = parseZwo(xml(1000), 'many.zwo');
    if (!r.ok) throw new Error(r.error);
    expect(workoutSchema.safeParse(r.workout).success).toBe(true);
    expect(parseZwo(xml(1001), 'many.zwo')).toMatchObject({ ok: false, error: /many\.zwo: element 1 <IntervalsT>: Repeat must be a number from 1 to 1000/ });
    const tooMany = { ...r.workout, nodes: [{ ...r.workout.nodes[0], times: 1001 }] };
    expect(workoutSchema.safeParse(tooMany).error?.issues[0].message).toBe('a repeat plays at most 1000 times');
  });
});

describe('real .zwo files copied into the project', () => {
  const files = zwoFiles(FIXTURES);
  it('are the 35 files SOURCES.md lists, byte for byte', () => {
    const sources = readFileSync(new URL('../SOURCES.md', FIXTURES), 'utf8');
    const listed = [...sources.matchAll(/^\| `([^`]+\.zwo)` \|.*`([0-9a-f]{40})` \|$/gm)].map((m) => [m[1], m[2]]);
    expect(listed.map(([f]) => f).sort()).toEqual(files);
    expect(files).toHaveLength(35);
    for (const [f, sha1] of listed) expect(createHash('sha1').update(readFileSync(new URL(f, FIXTURES))).digest('hex'), f).toBe(sha1);
  });
  it.each(files)('%s imports with its true length and every step\'s effort', (file) => checkFile(FIXTURES, file));
});

describe.skipIf(!existsSync(SHARED))('the whole team corpus in ../shared/corpus/zwo', () => {
  it.each(existsSync(SHARED) ? zwoFiles(SHARED) : [])('%s imports with its true length and every step\'s effort', (file) => checkFile(SHARED, file));
});
