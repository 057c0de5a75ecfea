/**
 * `npm run bench`: every benchmark, with figures as ratios against a reference measured in the same run
 * where one exists. Uses the music corpus in ../shared (or $MONTAGE_SHARED).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchTempo } from './bench-tempo';
import { benchPlanner } from './bench-planner';

const shared = resolve(process.env.MONTAGE_SHARED ?? resolve(import.meta.dirname, '../../shared'));

async function main(): Promise<void> {
  console.log('# Montage benchmarks');
  console.log(`\n## Music planner and cue planner`);
  for (const line of await benchPlanner()) console.log(line);
  console.log(`\n## Tempo analysis (corpus: ${shared}/corpus/bpm)`);
  if (!existsSync(resolve(shared, 'corpus/bpm/truth.json'))) {
    console.log(`No corpus at ${shared}: set MONTAGE_SHARED to the folder that holds corpus/bpm.`);
    return;
  }
  for (const line of await benchTempo(shared)) console.log(line);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
