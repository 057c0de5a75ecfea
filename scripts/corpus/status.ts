/**
 * The `.corpus/STATUS` file: whether the build is complete and what is there so far — clips per
 * split, category and style, and how the tempi spread — so that a user of a partial build knows
 * what it holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Recipe } from './recipes';
import type { TruthEntry } from './truth';

/** Returns `counts` as "key n, key n…" sorted by key. */
function list(counts: Map<string, number>): string {
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
}

/** Returns how often each value of `keyOf` occurs among `items`. */
function countBy<T>(items: T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

/** Writes DIR/STATUS describing the `rendered` clips out of `planned`. */
export function writeStatus(outDir: string, rendered: { recipe: Recipe; truth: TruthEntry }[], planned: number, complete: boolean): void {
  const tempo = rendered.filter((c) => c.truth.bpm != null);
  const band = (bpm: number): string => `${Math.floor(bpm / 20) * 20}-${Math.floor(bpm / 20) * 20 + 19}`;
  const lines = [
    `Montage tuning corpus — ${complete ? 'COMPLETE' : 'PARTIAL (build in progress or interrupted)'}; ${new Date().toISOString()}`,
    `${rendered.length} of ${planned} planned clips rendered (scripts/corpus/README.md says how to build and score).`,
    '',
    `split: ${list(countBy(rendered, (c) => c.recipe.split))}`,
    `category (tune/heldout): ${[...countBy(rendered, (c) => c.recipe.category)].sort().map(([k]) => `${k} ${rendered.filter((c) => c.recipe.category === k && c.recipe.split === 'tune').length}/${rendered.filter((c) => c.recipe.category === k && c.recipe.split === 'heldout').length}`).join(', ')}`,
    `style: ${list(countBy(rendered, (c) => c.recipe.style))}`,
    `base style: ${list(countBy(rendered.filter((c) => c.recipe.base), (c) => c.recipe.base!))}`,
    `meter: ${list(countBy(tempo, (c) => String(c.truth.meter)))}`,
    `bpm: ${list(countBy(tempo, (c) => band(c.truth.bpm!)))}`,
    `codec: ${list(countBy(rendered, (c) => `${c.recipe.augment.codec}${c.recipe.augment.bitrateK ? c.recipe.augment.bitrateK : ''}`))}`,
    `renderer: ${list(countBy(rendered, (c) => String(c.truth.renderer)))}`,
    '',
  ];
  fs.writeFileSync(path.join(outDir, 'STATUS'), lines.join('\n'));
}
