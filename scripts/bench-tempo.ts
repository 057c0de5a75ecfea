/**
 * Tempo benchmark: scores our CLI and a reference detector (music-tempo) with the shared scorer
 * (`tools/bpm-score.mjs`, batch mode) on `corpus/bpm`, side by side with ratios ours/reference, by
 * category there and on the generated corpus's held-out split (`.corpus/heldout`, when rendered),
 * then measures CPU time per audio-minute (decode + analysis, and analysis alone) and the CLI's peak memory on a 10-minute
 * track. `npx tsx scripts/bench-tempo.ts` (shared dir: ../shared or $MONTAGE_SHARED).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTrack } from '../src/analysis/analyze-track';
import { ANALYSIS_RATE } from '../src/analysis/novelty';
import { decodeFile } from './decode-file';
import { indexFrames } from './mp3-frames';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');

interface Summary {
  n: number;
  acc1: number | null;
  acc2: number | null;
  beatF: number | null;
  phaseOK: number | null;
  downOK?: number | null;
  rejected?: number;
  medianSPerMin: number | null;
  peakRssMB: number | null;
}

/** Our CLI exactly as `npm run analyze` runs it (bundled by esbuild, then plain node); files are appended. */
const ANALYZE_CLI = ['npm', 'run', '-s', 'analyze', '--'];

/** Runs the scorer on `command` (files appended) and returns its summary groups. */
function score(sharedDir: string, name: string, command: string[], outDir: string, mode: 'batch' | 'per-file' = 'batch', corpus = path.join(sharedDir, 'corpus', 'bpm')): Record<string, Summary> {
  const out = path.join(outDir, `${name}-${path.basename(corpus)}.json`);
  const scorer = path.join(sharedDir, 'tools', 'bpm-score.mjs');
  const run = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--mode', mode, '--quiet', '--name', name, '--out', out, '--', ...command], { encoding: 'utf8', cwd: repo, maxBuffer: 64 << 20 });
  if (run.status !== 0 || !fs.existsSync(out)) throw new Error(`scorer failed for ${name}: ${run.stderr}`);
  return (JSON.parse(fs.readFileSync(out, 'utf8')) as { summary: Record<string, Summary> }).summary;
}

const pct = (x: number | null | undefined): string => (x == null ? '–' : `${(100 * x).toFixed(0)} %`);
const ratio = (a: number | null | undefined, b: number | null | undefined): string => (a == null || b == null || b === 0 ? '–' : (a / b).toFixed(2));

/** Returns the CPU seconds (all threads of this process) spent in `work`. */
async function cpuSeconds(work: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * Returns CPU seconds per audio-minute over the corpus clips, after a warm-up pass: the median per
 * clip of decode + analysis (what the CLI does per file) and the total of analysis alone. CPU time,
 * not wall time, so that other work on a shared machine does not count.
 */
async function cpuSecondsPerMinute(corpusDir: string): Promise<{ endToEnd: number; analysis: number; decodeNative: number; decodeWasm: number }> {
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.mp3') && !f.startsWith('full_'));
  const clips = await Promise.all(files.map((f) => decodeFile(path.join(corpusDir, f), ANALYSIS_RATE)));
  for (const clip of clips) analyzeTrack(clip.pcm, clip.sampleRate);
  const perClip: number[] = [];
  for (const file of files) {
    let minutes = 1;
    const seconds = await cpuSeconds(async () => {
      const clip = await decodeFile(path.join(corpusDir, file), ANALYSIS_RATE);
      analyzeTrack(clip.pcm, clip.sampleRate);
      minutes = clip.durationSec / 60;
    });
    perClip.push(seconds / minutes);
  }
  perClip.sort((a, b) => a - b);
  const analysis = await cpuSeconds(() => clips.forEach((clip) => analyzeTrack(clip.pcm, clip.sampleRate)));
  const minutes = clips.reduce((sum, clip) => sum + clip.durationSec / 60, 0);
  const decodeAll = (native: boolean) => cpuSeconds(async () => {
    for (const file of files) await decodeFile(path.join(corpusDir, file), ANALYSIS_RATE, { native });
  });
  const decodeWasm = await decodeAll(false);
  const decodeNative = await decodeAll(true);
  return { endToEnd: perClip[perClip.length >> 1], analysis: analysis / minutes, decodeNative: decodeNative / minutes, decodeWasm: decodeWasm / minutes };
}

/** Writes a 10-minute mono 16-bit WAV made by looping `source` and returns its path. */
async function writeTenMinuteWav(source: string, outDir: string): Promise<string> {
  const rate = 44100;
  const { pcm } = await decodeFile(source, rate);
  const frames = 600 * rate;
  const bytes = Buffer.alloc(44 + frames * 2);
  bytes.write('RIFF', 0);
  bytes.writeUInt32LE(36 + frames * 2, 4);
  bytes.write('WAVEfmt ', 8);
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(rate, 24);
  bytes.writeUInt32LE(rate * 2, 28);
  bytes.writeUInt16LE(2, 32);
  bytes.writeUInt16LE(16, 34);
  bytes.write('data', 36);
  bytes.writeUInt32LE(frames * 2, 40);
  for (let i = 0; i < frames; i++) bytes.writeInt16LE(Math.round(Math.max(-1, Math.min(1, pcm[i % pcm.length])) * 32767), 44 + 2 * i);
  const file = path.join(outDir, 'ten-minutes.wav');
  fs.writeFileSync(file, bytes);
  return file;
}

/** Writes a 10-minute MP3 made by repeating the audio frames of the MP3 `source` and returns its path. */
function writeTenMinuteMp3(source: string, outDir: string): string | null {
  const data = new Uint8Array(fs.readFileSync(source));
  const index = indexFrames(data);
  if (!index) return null;
  const firstText = String.fromCharCode(...data.subarray(index.starts[0], index.starts[1]));
  const from = index.starts[firstText.includes('Xing') || firstText.includes('Info') ? 1 : 0]; // an info frame must come first or not at all
  const frames = data.subarray(from, index.starts[index.count]);
  const framesPerCopy = index.count - (from === index.starts[0] ? 0 : 1);
  const copies = Math.ceil((600 * index.sampleRate) / index.samplesPerFrame / framesPerCopy);
  const file = path.join(outDir, 'ten-minutes.mp3');
  fs.writeFileSync(file, Buffer.concat(Array.from({ length: copies }, () => frames)).subarray(0, Math.round((frames.length * 600 * index.sampleRate) / (index.samplesPerFrame * framesPerCopy))));
  return file;
}

/** Returns the CLI's peak resident memory (MB) and its own timeMs for one file. */
function measureCli(file: string): { peakMB: number | null; line: string } {
  const report = path.join(os.tmpdir(), `montage-rss-${process.pid}.txt`);
  const run = spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, ...ANALYZE_CLI, file], { encoding: 'utf8', cwd: repo });
  let peakMB: number | null;
  try {
    peakMB = Number(fs.readFileSync(report, 'utf8').trim().split('\n').pop()) / 1024;
    fs.unlinkSync(report);
  } catch {
    peakMB = null; // no /usr/bin/time here
  }
  return { peakMB, line: run.stdout.trim().slice(0, 160) };
}

/** Returns one line per category of both detectors' Acc1, beat F and PhaseOK (rejections for no-beat clips). */
function categoryLines(title: string, ours: Record<string, Summary>, reference: Record<string, Summary>): string[] {
  const cell = (s: Summary | undefined): string => (!s ? '–' : s.rejected != null && s.phaseOK == null ? `rejected ${s.rejected}/${s.n}` : `${pct(s.acc1)} ${s.beatF?.toFixed(2) ?? '–'} ${pct(s.phaseOK)}`);
  const lines = [title, `${'category'.padEnd(22)}${'n'.padStart(4)}  ${'montage: Acc1 F PhaseOK'.padEnd(26)}music-tempo: Acc1 F PhaseOK`];
  // The scorer's summary has one `cat:<category>` entry per category of the corpus's truth.json.
  for (const [key, a] of Object.entries(ours)) {
    if (!key.startsWith('cat:')) continue;
    lines.push(`${key.slice(4).padEnd(22)}${String(a.n).padStart(4)}  ${cell(a).padEnd(26)}${cell(reference[key])}`);
  }
  return lines;
}

/** Runs the whole benchmark and returns the report, one line per entry. */
export async function benchTempo(sharedDir: string): Promise<string[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'montage-bench-'));
  const corpusDir = path.join(sharedDir, 'corpus', 'bpm');
  const ours = score(sharedDir, 'montage', ANALYZE_CLI, outDir);
  const reference = score(sharedDir, 'music-tempo', [tsx, path.join(repo, 'scripts', 'reference-tempo.ts')], outDir);
  const lines = [`Tempo benchmark on ${corpusDir} (scorer batch mode)`, ''];
  const row = (label: string, a: string, b: string, r: string): string => `${label.padEnd(34)}${a.padStart(10)}${b.padStart(13)}${r.padStart(10)}`;
  lines.push(row('metric', 'montage', 'music-tempo', 'ratio'));
  for (const [group, title] of [['core', 'steady tempo'], ['variable', 'tempo change']] as const) {
    const a = ours[group];
    const b = reference[group];
    if (!a || !b) continue;
    lines.push(`${title} (${a.n} clips)`);
    lines.push(row('  Acc1', pct(a.acc1), pct(b.acc1), ratio(a.acc1, b.acc1)));
    lines.push(row('  Acc2', pct(a.acc2), pct(b.acc2), ratio(a.acc2, b.acc2)));
    lines.push(row('  beat F', a.beatF?.toFixed(2) ?? '–', b.beatF?.toFixed(2) ?? '–', ratio(a.beatF, b.beatF)));
    lines.push(row('  PhaseOK', pct(a.phaseOK), pct(b.phaseOK), ratio(a.phaseOK, b.phaseOK)));
    if (group === 'core') lines.push(row('  downbeat OK', pct(a.downOK), '–', '–'));
    lines.push(row('  s per audio-minute (median)', a.medianSPerMin?.toFixed(3) ?? '–', b.medianSPerMin?.toFixed(3) ?? '–', ratio(a.medianSPerMin, b.medianSPerMin)));
  }
  const nobeatA = ours.nobeat;
  const nobeatB = reference.nobeat;
  if (nobeatA && nobeatB) lines.push(row('no-beat rejected', `${nobeatA.rejected}/${nobeatA.n}`, `${nobeatB.rejected}/${nobeatB.n}`, ''));
  const cold = score(sharedDir, 'montage-per-file', ANALYZE_CLI, outDir, 'per-file').core;
  lines.push(row('per-file mode (cold process each)', cold?.medianSPerMin?.toFixed(3) ?? '–', '', ''));
  lines.push(row('  its peak RSS, MB', cold?.peakRssMB?.toFixed(0) ?? '–', '', ''));
  lines.push(row('peak RSS of the batch, MB', ours.core?.peakRssMB?.toFixed(0) ?? '–', reference.core?.peakRssMB?.toFixed(0) ?? '–', ratio(ours.core?.peakRssMB, reference.core?.peakRssMB)));
  lines.push('', ...categoryLines(`By category, ${corpusDir}:`, ours, reference));
  const heldout = path.join(repo, '.corpus', 'heldout');
  if (fs.existsSync(path.join(heldout, 'truth.json'))) {
    // The generated corpus's held-out split (scripts/corpus): never tuned or trained on.
    const oursHeld = score(sharedDir, 'montage', ANALYZE_CLI, outDir, 'batch', heldout);
    const referenceHeld = score(sharedDir, 'music-tempo', [tsx, path.join(repo, 'scripts', 'reference-tempo.ts')], outDir, 'batch', heldout);
    lines.push('', ...categoryLines(`By category, ${heldout} (held out; ${oursHeld.core?.n ?? 0} steady-tempo clips):`, oursHeld, referenceHeld));
    const core = (s: Summary | undefined): string => (s ? `Acc1 ${pct(s.acc1)}, Acc2 ${pct(s.acc2)}, beat F ${s.beatF?.toFixed(2)}, PhaseOK ${pct(s.phaseOK)}` : '–');
    lines.push(`steady tempo: montage ${core(oursHeld.core)}, downbeat OK ${pct(oursHeld.core?.downOK)}; music-tempo ${core(referenceHeld.core)}`);
  } else {
    lines.push('', `No held-out split at ${heldout}: \`npm run corpus\` renders it (scripts/corpus/README.md).`);
  }
  lines.push('');
  const cpu = await cpuSecondsPerMinute(corpusDir);
  lines.push(`CPU time per audio-minute: decode + analysis ${cpu.endToEnd.toFixed(3)} s (median clip); analysis only ${cpu.analysis.toFixed(4)} s`);
  lines.push(`Decoding alone, CPU s per audio-minute: native (node-web-audio-api) ${cpu.decodeNative.toFixed(3)}, WASM (audio-decode) ${cpu.decodeWasm.toFixed(3)}, ratio ${ratio(cpu.decodeNative, cpu.decodeWasm)}`);
  const full = fs.readdirSync(corpusDir).find((f) => f.startsWith('full_')) ?? fs.readdirSync(corpusDir).find((f) => f.endsWith('.mp3'));
  if (full) {
    const wav = await writeTenMinuteWav(path.join(corpusDir, full), outDir);
    const { peakMB, line } = measureCli(wav);
    lines.push(`10-minute WAV through the CLI: peak RSS ${peakMB?.toFixed(0) ?? '–'} MB; ${line}…`);
    const mp3 = writeTenMinuteMp3(path.join(corpusDir, full), outDir);
    if (mp3) {
      const cli = measureCli(mp3);
      lines.push(`10-minute MP3 through the CLI: peak RSS ${cli.peakMB?.toFixed(0) ?? '–'} MB; ${cli.line}…`);
    }
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const shared = process.env.MONTAGE_SHARED ?? path.resolve(repo, '..', 'shared');
  for (const line of await benchTempo(shared)) console.log(line);
}
