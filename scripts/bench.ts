/**
 * `npm run bench`: every benchmark, with figures as ratios against a reference measured in the same run
 * where one exists. Uses the music corpus in ../shared (or $MONTAGE_SHARED).
 * `npm run bench -- start player` runs only the parts named (planner, player, start, import, tempo, cadence, export, encode).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchTempo } from './bench-tempo';
import { benchPlanner } from './bench-planner';
import { benchImport } from './bench-import';
import { benchPlayer } from './bench-player';
import { benchStart } from './bench-start';
import { benchStretch } from './bench-stretch';
import { benchCadence } from './bench-cadence';
import { benchEncode } from './bench-encode';
import { benchExport } from './bench-export';

const shared = resolve(process.env.MONTAGE_SHARED ?? resolve(import.meta.dirname, '../../shared'));

async function tempoLines(): Promise<string[]> {
  if (!existsSync(resolve(shared, 'corpus/bpm/truth.json'))) return [`No corpus at ${shared}: set MONTAGE_SHARED to the folder that holds corpus/bpm.`];
  return benchTempo(shared);
}

const PARTS: { name: string; title: string; run: () => Promise<string[]> }[] = [
  { name: 'planner', title: 'Music planner and cue planner', run: benchPlanner },
  { name: 'player', title: 'Player (engine rendered offline in Chromium; memory policy over 2 hours)', run: benchPlayer },
  { name: 'stretch', title: 'Tempo matching: GrainPlayer vs signalsmith-stretch (and a plain speed change, which shifts pitch)', run: benchStretch },
  { name: 'start', title: 'First start (Start pressed → first sound, demo workout in Chromium)', run: benchStart },
  { name: 'import', title: 'Library import (200 generated tracks, fake-indexeddb)', run: benchImport },
  { name: 'tempo', title: `Tempo analysis (corpus: ${shared}/corpus/bpm)`, run: tempoLines },
  { name: 'export', title: 'Audio export (a 60-minute tempo-matched workout rendered, encoded and written in Chromium)', run: benchExport },
  { name: 'cadence', title: 'Cadence from the accelerometer (step detector, steps/min against the truth)', run: benchCadence },
  { name: 'encode', title: 'Audio export encoding (WAV, MP3: both LAME candidates)', run: benchEncode },
];

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !PARTS.some((p) => p.name === a));
  if (unknown.length > 0) throw new Error(`No benchmark part ${unknown.join(', ')}: the parts are ${PARTS.map((p) => p.name).join(', ')}.`);
  console.log('# Montage benchmarks');
  for (const part of PARTS) {
    if (asked.length > 0 && !asked.includes(part.name)) continue;
    console.log(`\n## ${part.title}`);
    for (const line of await part.run()) console.log(line);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
