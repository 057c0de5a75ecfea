/**
 * `npm run corpus [-- --limit N] [--only REGEX] [--jobs 1|2] [--out DIR]`: renders the tuning corpus
 * into DIR/tune and DIR/heldout (default `.corpus/`) with a truth.json each, in the shared corpus
 * format. Incremental: a clip whose audio exists and whose recipe hash is unchanged is skipped, so
 * an interrupted build resumes. At most two clips render at once (the machine is shared).
 */
import fs from 'node:fs';
import path from 'node:path';
import { planRecipes, type Recipe } from './recipes';
import { renderClip } from './render-clip';
import { sha1Hex } from './rng';
import { writeStatus } from './status';
import type { TruthEntry } from './truth';

/** Bump when the rendering changes, so that every clip is rendered again. */
export const GENERATOR_VERSION = 1;

interface Meta {
  hash: string;
  truth: TruthEntry;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = path.resolve(option('out') ?? '.corpus');
const jobs = Math.max(1, Math.min(2, Number(option('jobs') ?? 2)));
const only = option('only') ? new RegExp(option('only')!) : null;
let recipes = planRecipes().filter((r) => !only || only.test(r.name));
if (option('limit')) recipes = recipes.slice(0, Number(option('limit')));

const fileOf = (r: Recipe): string => `${r.name}.${r.augment.codec}`;
const audioPath = (r: Recipe): string => path.join(outDir, r.split, fileOf(r));
const metaPath = (r: Recipe): string => path.join(outDir, '.meta', `${r.name}.json`);
const hashOf = (r: Recipe): string => sha1Hex(JSON.stringify(r) + GENERATOR_VERSION);

/** Returns the stored truth of `r` when its audio exists and was rendered from the same recipe. */
function done(r: Recipe): TruthEntry | null {
  if (!fs.existsSync(audioPath(r)) || !fs.existsSync(metaPath(r))) return null;
  const meta = JSON.parse(fs.readFileSync(metaPath(r), 'utf8')) as Meta;
  return meta.hash === hashOf(r) ? meta.truth : null;
}

/** Writes each split's truth.json from the clips rendered so far; returns how many there are. */
function writeTruth(complete: boolean): number {
  let count = 0;
  const rendered: { recipe: Recipe; truth: TruthEntry }[] = [];
  for (const split of ['tune', 'heldout'] as const) {
    const truth: Record<string, TruthEntry> = {};
    for (const r of recipes.filter((x) => x.split === split)) {
      const t = done(r);
      if (t) [truth[fileOf(r)], count] = [t, count + 1];
      if (t) rendered.push({ recipe: r, truth: t });
    }
    fs.mkdirSync(path.join(outDir, split), { recursive: true });
    const file = path.join(outDir, split, 'truth.json');
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(truth, null, 1));
    fs.renameSync(`${file}.tmp`, file);
  }
  if (count >= 150 || complete) writeStatus(outDir, rendered, recipes.length, complete);
  return count;
}

/** Deletes audio in the split folders that no recipe of the full plan names (renamed or re-coded clips). */
function removeStale(): void {
  const wanted = new Set(planRecipes().map((r) => path.join(r.split, fileOf(r))));
  for (const split of ['tune', 'heldout']) {
    for (const f of fs.readdirSync(path.join(outDir, split))) {
      if (f !== 'truth.json' && !wanted.has(path.join(split, f))) fs.rmSync(path.join(outDir, split, f));
    }
  }
}

const todo = recipes.filter((r) => !done(r));
console.log(`${recipes.length} clips planned, ${recipes.length - todo.length} already rendered, ${todo.length} to render with ${jobs} job(s) into ${outDir}`);
fs.mkdirSync(path.join(outDir, '.meta'), { recursive: true });
for (const split of ['tune', 'heldout']) fs.mkdirSync(path.join(outDir, split), { recursive: true });
const failures: string[] = [];
let next = 0;
let finished = 0;
const started = Date.now();

/** Renders clips from the shared queue until it is empty. */
async function worker(id: number): Promise<void> {
  const work = path.join(outDir, '.work', `job-${id}`);
  fs.mkdirSync(work, { recursive: true });
  while (next < todo.length) {
    const r = todo[next++];
    const t0 = Date.now();
    try {
      const truth = await renderClip(r, audioPath(r), work);
      fs.writeFileSync(metaPath(r), JSON.stringify({ hash: hashOf(r), truth } satisfies Meta));
      finished++;
      console.log(`[${finished}/${todo.length}] ${fileOf(r)} ${r.category} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (finished % 20 === 0) writeTruth(false);
    } catch (error) {
      failures.push(`${r.name}: ${error instanceof Error ? error.message : String(error)}`);
      console.error(`FAILED ${r.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

await Promise.all(Array.from({ length: jobs }, (_, i) => worker(i)));
if (!only && !option('limit')) removeStale();
const total = writeTruth(!only && !option('limit') && failures.length === 0);
console.log(`${total} clips in ${outDir} (${finished} rendered now in ${((Date.now() - started) / 60000).toFixed(1)} min)${failures.length ? `; ${failures.length} failed:\n${failures.join('\n')}` : ''}`);
process.exitCode = failures.length ? 1 : 0;
