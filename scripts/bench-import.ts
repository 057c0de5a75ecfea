/**
 * Import benchmark: generates short WAV drum grooves at various tempos, runs the storage import pipeline
 * (sniff, content id, tags, audio + record) in Node on fake-indexeddb, then the tempo analysis on each
 * stored file's decoded PCM. Reports tracks per minute for each stage, the heap after import, and how
 * many analysed tempos landed within 2 % of the truth. Run alone with `npx tsx scripts/bench-import.ts [count]`.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openDb } from '../src/storage/db';
import { idbAudioStore } from '../src/storage/audio-store';
import { importFile } from '../src/storage/import-tracks';
import { analyzeTrack } from '../src/analysis/analyze-track';
import { drumGroove, encodeWav } from '../tests/helpers/signals';

const SAMPLE_RATE = 22050;
const MB = 1024 * 1024;
// Wall time is inflated when other processes share the cores; CPU time of this process is reported beside it.
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Returns mono float PCM from a 16-bit PCM WAV made by `encodeWav` (44-byte header). */
function decodeWav16(bytes: ArrayBuffer): { pcm: Float32Array; sampleRate: number } {
  const view = new DataView(bytes);
  const channels = view.getUint16(22, true);
  const frames = view.getUint32(40, true) / (2 * channels);
  const pcm = new Float32Array(frames);
  for (let i = 0; i < frames; i++) pcm[i] = view.getInt16(44 + i * 2 * channels, true) / 32768;
  return { pcm, sampleRate: view.getUint32(24, true) };
}

/** Runs the benchmark on `count` generated tracks (20–30 s, 80–180 BPM) and returns the report lines. */
export async function benchImport(count = 200): Promise<string[]> {
  const specs = Array.from({ length: count }, (_, i) => ({ bpm: 80 + ((i * 37) % 101), seconds: 20 + (i % 11), name: `groove-${String(i).padStart(3, '0')}.wav` }));
  const files = specs.map((s, i) => new File([encodeWav([drumGroove({ bpm: s.bpm, seconds: s.seconds, sampleRate: SAMPLE_RATE, seed: i + 1 })], SAMPLE_RATE) as BlobPart], s.name, { type: 'audio/wav' }));
  const totalSec = specs.reduce((n, s) => n + s.seconds, 0);
  const totalMb = files.reduce((n, f) => n + f.size, 0) / MB;

  const db = await openDb(`bench-import-${Date.now()}`);
  const deps = { db, audio: idbAudioStore(db) };
  const heapBefore = process.memoryUsage().heapUsed;
  const importStart = performance.now();
  const importCpu = process.cpuUsage();
  const ids: string[] = [];
  for (const file of files) {
    const result = await importFile(file, deps);
    if (result.status !== 'added') throw new Error(`bench import failed: ${result.status === 'failed' ? result.error : result.status}`);
    ids.push(result.track.id);
  }
  const importMs = performance.now() - importStart;
  const importCpuMs = cpuMs(process.cpuUsage(importCpu));
  const memory = process.memoryUsage();

  let analysisMs = 0;
  let analysisCpuMs = 0;
  let close = 0;
  for (const [i, id] of ids.entries()) {
    const audio = await deps.audio.getAudio(id);
    const { pcm, sampleRate } = decodeWav16(await audio!.arrayBuffer());
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = analyzeTrack(pcm, sampleRate);
    analysisMs += performance.now() - start;
    analysisCpuMs += cpuMs(process.cpuUsage(cpu));
    if (result.bpm !== null && Math.abs(result.bpm / specs[i].bpm - 1) <= 0.02) close++;
  }
  db.close();

  const perMinute = (ms: number) => ((count / ms) * 60_000).toFixed(0);
  return [
    `import: ${count} WAV tracks (${(totalSec / 60).toFixed(0)} min of audio, ${totalMb.toFixed(0)} MB) through tags + storage on fake-indexeddb: ` +
      `${(importMs / 1000).toFixed(1)} s = ${perMinute(importMs)} tracks/min (by CPU time: ${perMinute(importCpuMs)} tracks/min)`,
    `analysis: analyzeTrack on the stored tracks' PCM (${SAMPLE_RATE} Hz mono, one core): ${(analysisMs / 1000).toFixed(1)} s = ${perMinute(analysisMs)} tracks/min (by CPU time: ${perMinute(analysisCpuMs)}) ` +
      `(${(analysisMs / totalSec).toFixed(1)} ms per second of audio); tempo within 2 %: ${close}/${count}`,
    `memory after import: heap ${(memory.heapUsed / MB).toFixed(0)} MB (${((memory.heapUsed - heapBefore) / MB).toFixed(0)} MB change during import), ` +
      `rss ${(memory.rss / MB).toFixed(0)} MB, external + array buffers ${((memory.external + memory.arrayBuffers) / MB).toFixed(0)} MB`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchImport(Number(process.argv[2] ?? 200))) console.log(line);
}
