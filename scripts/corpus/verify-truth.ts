/**
 * `npx tsx scripts/corpus/verify-truth.ts [--dir .corpus] [--every 5]`: checks the truth of every
 * n-th clip with drums in both splits by two independent means. (1) Audio: the clip decoded as the
 * analyser decodes it; the lag that best lines its onset envelope (above 4 kHz: the drums'
 * transients) up with the truth beats must be near zero. (2) MIDI: the arrangement is rebuilt from its recipe, written as MIDI and parsed back
 * with @tonejs/midi, whose own tempo-map arithmetic places every beat tick and crash cymbal; the
 * beats must match the truth and each crash must sit on a truth downbeat.
 */
import fs from 'node:fs';
import path from 'node:path';
import midiPkg from '@tonejs/midi';
import { decodeFile } from '../decode-file';
import { arrange } from './arrange';
import { alignBeats, onsetEnvelope } from './onsets';
import { GM_DRUMS } from './patterns';
import { planRecipes } from './recipes';
import { toMidi } from './render-fluid';
import { Rng } from './rng';
import { styleByName } from './styles';
import type { TruthEntry } from './truth';

const { Midi } = midiPkg;
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dir = path.resolve(option('dir', '.corpus'));
const every = Number(option('every', '5'));
const recipes = new Map(planRecipes().map((r) => [r.name, r]));
const nearest = (t: number, grid: number[]): number => grid.reduce((best, g) => (Math.abs(g - t) < Math.abs(best - t) ? g : best), Infinity);

interface Row { file: string; category: string; lagMs: number; fullLagMs: number; contrast: number; beatErrMs: number; crashes: number; crashOffMs: number; crashTolMs: number }
const rows: Row[] = [];
for (const split of ['tune', 'heldout']) {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, split, 'truth.json'), 'utf8')) as Record<string, TruthEntry>;
  const files = Object.keys(truth).filter((f) => truth[f].beats && truth[f].renderer !== 'synth' && String(truth[f].arrangement && (truth[f].arrangement as Record<string, string>).parts).includes('drums'));
  for (const file of files.filter((_, i) => i % every === 0)) {
    const t = truth[file];
    const recipe = recipes.get(file.replace(/\.[a-z0-9]+$/, ''))!;
    const audio = await decodeFile(path.join(dir, split, file), 44100);
    const { lagS, contrast } = alignBeats(onsetEnvelope(audio.pcm, audio.sampleRate, 128, 4000), t.beats!);
    const full = alignBeats(onsetEnvelope(audio.pcm, audio.sampleRate), t.beats!);
    // Rebuild the music and let @tonejs/midi place beats and crashes from the MIDI file alone.
    const arr = arrange(styleByName(recipe.base!), recipe.form, new Rng(`${recipe.style}:${recipe.seed}:arrange`));
    const midi = new Midi(toMidi(arr));
    const shift = recipe.augment.leadInS - recipe.augment.offsetS;
    const inClip = (s: number): boolean => s >= 0 && s < recipe.clipS - 0.005;
    const beatTimes: number[] = [];
    for (let tick = 0; tick < arr.totalTicks; tick += arr.meter.beatTicks) beatTimes.push(midi.header.ticksToSeconds(tick) + shift);
    const clipBeats = beatTimes.filter(inClip);
    const beatErr = Math.max(0, ...clipBeats.map((b, i) => Math.abs(b - t.beats![i])), clipBeats.length === t.beats!.length ? 0 : Infinity);
    const crashes = midi.tracks.flatMap((tr) => (tr.channel === 9 ? tr.notes.filter((n) => n.midi === GM_DRUMS.crash) : [])).map((n) => n.time + shift).filter(inClip);
    const crashOff = Math.max(0, ...crashes.map((c) => Math.abs(c - nearest(c, t.downbeats!))));
    rows.push({ file: `${split}/${file}`, category: t.category, lagMs: lagS * 1000, fullLagMs: full.lagS * 1000, contrast, beatErrMs: beatErr * 1000, crashes: crashes.length, crashOffMs: crashOff * 1000, crashTolMs: recipe.form.jitterMs ? 4 * recipe.form.jitterMs : 1 });
  }
}

console.log('file                                      category        lag>4kHz ms  full-band  contrast  beat err ms  crashes  crash off ms');
for (const r of rows) console.log(`${r.file.padEnd(42)}${r.category.padEnd(16)}${r.lagMs.toFixed(1).padStart(12)}${r.fullLagMs.toFixed(1).padStart(11)}${r.contrast.toFixed(2).padStart(10)}${r.beatErrMs.toFixed(2).padStart(13)}${String(r.crashes).padStart(9)}${r.crashOffMs.toFixed(2).padStart(14)}`);
const lags = rows.map((r) => r.lagMs).sort((a, b) => a - b);
const bad = rows.filter((r) => Math.abs(r.lagMs) > 20 || r.beatErrMs > 1 || r.crashOffMs > r.crashTolMs);
console.log(`\n${rows.length} clips: onset lag (>4 kHz) median ${lags[lags.length >> 1]?.toFixed(1)} ms (range ${lags[0]?.toFixed(1)} … ${lags[lags.length - 1]?.toFixed(1)}); ` +
  `MIDI beats max error ${Math.max(...rows.map((r) => r.beatErrMs)).toFixed(2)} ms; crashes off a downbeat by at most ${Math.max(...rows.filter((r) => r.crashTolMs === 1).map((r) => r.crashOffMs)).toFixed(2)} ms (unhumanised clips); ` +
  `${bad.length} flagged${bad.length ? `: ${bad.map((r) => r.file).join(', ')}` : ''}`);
