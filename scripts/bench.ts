/**
 * `npm run bench`: every benchmark, with figures as ratios against a reference measured in the same run
 * where one exists. Uses the music corpus in ../shared (or $MONTAGE_SHARED).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchTempo } from './bench-tempo';
import { benchPlanner } from './bench-planner';
import { benchImport } from './bench-import';
import { benchPlayer } from './bench-player';

const shared = resolve(process.env.MONTAGE_SHARED ?? resolve(import.meta.dirname, '../../shared'));

async function main(): Promise<void> {
  console.log('# Montage benchmarks');
  console.log(`\n## Music planner and cue planner`);
  for (const line of await benchPlanner()) console.log(line);
  console.log(`\n## Player (engine rendered offline in Chromium; memory policy over 2 hours)`);
  for (const line of await benchPlayer()) console.log(line);
  console.log(`\n## Library import (200 generated tracks, fake-indexeddb)`);
  for (const line of await benchImport()) console.log(line);
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
