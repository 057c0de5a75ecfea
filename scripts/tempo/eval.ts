/**
 * Fast tuning loop: runs analyzeTrack in-process on cached PCM (pcm-cache.ts) of each corpus and
 * prints the scorer's metrics per bench category, the confidence calibration and the analysis CPU
 * time per audio-minute. `npx tsx scripts/tempo/eval.ts [tune] [heldout] [shared] [val] [fit]
 * [--files] [--only REGEX] [--out results.json]`: `val` is the tenth of tune the beat network never
 * trains on, `fit` the rest (`val1`, `fit1` … for a network trained with `--fold 1` …). Per-file rows (`--files`) are printed for tune, val and fit only: the
 * held-out split and the shared corpus are looked at by category, never file by file. Final figures
 * come from the scorer. MONTAGE_BEATNET (below) chooses the beat network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTrack } from '../../src/analysis/analyze-track';
import { ANALYSIS_RATE } from '../../src/analysis/novelty';
import type { BeatNetWeights } from '../../src/analysis/beat-net';
import type { TempoAnalysis } from '../../src/analysis/tempo-analysis';
import { calibration, CATEGORY_GROUPS, categoryGroup, scoreClip, summarize, type ClipScore, type Summary, type Truth } from './metrics';
import { cachedPcm } from './pcm-cache';

/**
 * The beat networks: the shipped one by default; MONTAGE_BEATNET=a.json,b.json runs the analysis with
 * those (scripts/beatnet/train.py writes them), MONTAGE_BEATNET=none with the onset envelope alone.
 */
const netEnv = process.env.MONTAGE_BEATNET;
const beatNet = netEnv === 'none' ? null : netEnv ? netEnv.split(',').map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as BeatNetWeights) : undefined;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Returns the folder of a corpus named on the command line. */
export function corpusDir(name: string): string {
  if (name === 'tune' || name === 'heldout') return path.join(repo, '.corpus', name);
  if (/^(val|fit)\d?$/.test(name)) return path.join(repo, '.corpus', 'tune');
  if (name === 'shared') return path.resolve(process.env.MONTAGE_SHARED ?? path.join(repo, '..', 'shared'), 'corpus', 'bpm');
  return path.resolve(name);
}

interface Row extends ClipScore {
  result: TempoAnalysis;
  truthBpm: number | null;
}

const pct = (x: number | null): string => (x == null ? '–' : `${Math.round(100 * x)}`);

/** Returns one printed line of a summary. */
export function summaryLine(label: string, s: Summary): string {
  return `${label.padEnd(20)}${String(s.n).padStart(4)}${pct(s.acc1).padStart(6)}${pct(s.acc2).padStart(6)}${(s.beatF == null ? '–' : s.beatF.toFixed(2)).padStart(7)}${pct(s.phaseOK).padStart(6)}${pct(s.downOK).padStart(6)}${(s.rejected ?? '–').padStart(7)}`;
}

/** CRC-32 (IEEE, as Python's zlib.crc32) of a file name's UTF-8 bytes. */
function crc32(text: string): number {
  let c = ~0;
  for (const byte of Buffer.from(text, 'utf8')) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

async function evaluate(name: string, only: RegExp | null): Promise<{ rows: Row[]; cpuPerMinute: number }> {
  const dir = corpusDir(name);
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, Truth>;
  // 'val' is the tenth of tune that the beat network never trains on (scripts/beatnet/train.py), 'fit' the rest.
  const fold = Number(name.slice(3) || 0); // val1, fit1 …: another tenth, for a network trained with --fold 1
  const split = name.startsWith('val') ? (f: string) => crc32(f) % 10 === fold : name.startsWith('fit') ? (f: string) => crc32(f) % 10 !== fold : () => true;
  const files = Object.keys(truth).filter((f) => truth[f].category !== 'full' && split(f) && fs.existsSync(path.join(dir, f)) && (!only || only.test(f)));
  const rows: Row[] = [];
  let cpu = 0;
  let minutes = 0;
  if (files.length) analyzeTrack(await cachedPcm(repo, dir, files[0]), ANALYSIS_RATE, { beatNet }); // warm-up: the first pass compiles
  for (const file of files) {
    const pcm = await cachedPcm(repo, dir, file);
    const durS = pcm.length / ANALYSIS_RATE;
    const start = process.cpuUsage();
    const result = analyzeTrack(pcm, ANALYSIS_RATE, { beatNet });
    const used = process.cpuUsage(start);
    cpu += (used.user + used.system) / 1e6;
    minutes += durS / 60;
    rows.push({ ...scoreClip(file, truth[file], result, durS), result, truthBpm: truth[file].bpm });
  }
  return { rows, cpuPerMinute: cpu / Math.max(1e-9, minutes) };
}

async function main(args: string[]): Promise<void> {
  const names = args.filter((a) => !a.startsWith('--') && !/^(--only|--out)$/.test(args[args.indexOf(a) - 1] ?? ''));
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new RegExp(args[onlyAt + 1]) : null;
  const outAt = args.indexOf('--out');
  const all: Record<string, Row[]> = {};
  for (const name of names.length ? names : ['tune', 'heldout', 'shared']) {
    if (!fs.existsSync(path.join(corpusDir(name), 'truth.json'))) {
      console.log(`${name}: no corpus at ${corpusDir(name)}`);
      continue;
    }
    const { rows, cpuPerMinute } = await evaluate(name, only);
    all[name] = rows;
    console.log(`\n== ${name} (${rows.length} clips; analysis ${cpuPerMinute.toFixed(4)} CPU-s per audio-minute)`);
    console.log(`${'category'.padEnd(20)}${'n'.padStart(4)}${'Acc1'.padStart(6)}${'Acc2'.padStart(6)}${'BeatF'.padStart(7)}${'PhOK'.padStart(6)}${'DnOK'.padStart(6)}${'rej'.padStart(7)}`);
    for (const group of CATEGORY_GROUPS) {
      const inGroup = rows.filter((r) => categoryGroup(r.category) === group);
      if (inGroup.length) console.log(summaryLine(group, summarize(inGroup)));
    }
    console.log(summaryLine('all', summarize(rows)));
    const cal = calibration(rows);
    console.log(`confidence ≥ 0.8: ${cal.n}/${cal.of} clips, PhaseOK ${pct(cal.phaseOK)} %`);
    if (args.includes('--files') && name !== 'heldout' && name !== 'shared') {
      for (const r of rows) {
        const alt = r.result.alternatives.slice(0, 2).map((a) => `${a.bpm}:${a.score}`).join(' ');
        console.log(`  ${r.file.padEnd(44)} ${r.category.padEnd(20)} ${String(r.ref ?? '-').padStart(7)} ${String(r.est ?? '-').padStart(7)} ${(r.octave ?? (r.rejected ? 'rej' : 'FP')).padStart(5)} F ${r.beatF == null ? '  -' : r.beatF.toFixed(2)} D ${r.downF == null ? '  -' : r.downF.toFixed(2)} c ${r.confidence?.toFixed(2)} [${alt}]`);
      }
    }
  }
  if (outAt >= 0) {
    const slim = Object.fromEntries(Object.entries(all).map(([k, rows]) => [k, rows.map(({ result, ...r }) => ({ ...r, alternatives: result.alternatives, beatsPerBar: result.beatsPerBar }))]));
    fs.writeFileSync(args[outAt + 1], JSON.stringify(slim));
  }
}

await main(process.argv.slice(2));
