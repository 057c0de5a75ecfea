/**
 * Writes the beat network's training input: for every clip of the named corpora, the features of
 * src/analysis/beat-features.ts as raw float32 under `.corpus/features/<corpus>/<file>.f32`, and an
 * index (`index.json`: frames, width, fps, offsetSec, beats, downbeats, category, style) beside them.
 * `npx tsx scripts/beatnet/dump-features.ts tune heldout shared --variants 3` (variants: augment-pcm.ts, tune only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beatFeatures } from '../../src/analysis/beat-features';
import { computeNovelty } from '../../src/analysis/novelty';
import type { Truth } from '../tempo/metrics';
import { cachedPcm } from '../tempo/pcm-cache';
import { augmentPcm } from './augment-pcm';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder of a corpus named on the command line (as in scripts/tempo/eval.ts, which runs on import). */
function corpusDir(name: string): string {
  if (name === 'tune' || name === 'heldout') return path.join(repo, '.corpus', name);
  if (name === 'shared') return path.resolve(process.env.MONTAGE_SHARED ?? path.join(repo, '..', 'shared'), 'corpus', 'bpm');
  return path.resolve(name);
}

async function dump(name: string): Promise<void> {
  const dir = corpusDir(name);
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, Truth & { style?: string }>;
  const out = path.join(repo, '.corpus', 'features', name);
  fs.mkdirSync(out, { recursive: true });
  const index: Record<string, unknown> = {};
  for (const file of Object.keys(truth)) {
    if (truth[file].category === 'full' || !fs.existsSync(path.join(dir, file))) continue;
    const pcm = await cachedPcm(repo, dir, file);
    const t = truth[file];
    for (let v = 0; v <= (name === 'tune' ? variants : 0); v++) {
      const { pcm: audio, speed } = v === 0 ? { pcm, speed: 1 } : augmentPcm(pcm, file, v);
      const novelty = computeNovelty(audio);
      const { features, width, frames } = beatFeatures(novelty);
      const key = v === 0 ? file : `${file}#${v}`;
      fs.writeFileSync(path.join(out, `${key}.f32`), Buffer.from(features.buffer));
      const scale = (times: number[] | undefined) => (times ?? []).map((x) => x / speed);
      index[key] = { frames, width, fps: novelty.fps, offsetSec: novelty.offsetSec, beats: scale(t.beats), downbeats: scale(t.downbeats), meter: t.meter ?? null, category: t.category, style: t.style ?? null, bpm: t.bpm == null ? null : t.bpm * speed, variant: v };
    }
  }
  fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify(index));
  console.log(`${name}: ${Object.keys(index).length} clips`);
}

const variantsAt = process.argv.indexOf('--variants');
/** Augmented variants per tune clip (augment-pcm.ts), besides the clip itself. */
const variants = variantsAt >= 0 ? Number(process.argv[variantsAt + 1]) : 0;
for (const name of process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--variants')) await dump(name);
