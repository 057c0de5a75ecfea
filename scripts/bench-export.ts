/**
 * Audio export benchmark (issue 15): a 60-minute interval workout planned from 24 generated tracks of 3–5 minutes
 * (MP3 files, read as stored tracks are; each tempo-matched by up to 8 %: every segment is stretched), exported in Chromium through the app's own
 * export service — the chunked render on the live engine, the encoder worker, the file in OPFS — as WAV and as
 * MP3. Reported: × real time, the renderer process's peak memory (VmHWM) against its level before, the longest
 * main-thread task meanwhile, the file size, and the worst cue onset found in the exported WAV against the cue
 * sheet (the WAV less the same export without cues leaves the cues as the file has them). Run alone with
 * `npx tsx scripts/bench-export.ts`; `MONTAGE_EXPORT_STEPS=4` exports the first 10 minutes only; `MONTAGE_DIST=<folder>`
 * serves an app built there before instead of building it.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { withPreview } from './bench-preview';
import { benchTrackMp3 } from './bench-export-tracks';
import { planWorkout } from '../src/core/program';
import { steadyGrid } from '../src/core/beat-grid';
import type { Workout, Step } from '../src/core/workout';
import type { PoolTrack } from '../src/core/music-pool';
import { memoryDump } from './memory-dump';

const PORT = 4198;
/** `MONTAGE_EXPORT_FORMATS=wav` measures one format only. */
const FORMATS = (process.env.MONTAGE_EXPORT_FORMATS ?? 'wav,mp3,opus').split(',') as ('wav' | 'mp3' | 'opus')[];
const RATE = 44100;
const step = (i: number, seconds: number, min: number, max: number, name: string): Step => ({
  type: 'step', id: `s${i}`, kind: name === 'Hard' ? 'work' : 'recover', name,
  duration: { unit: 'seconds', value: seconds }, intensity: 3, tempo: { minBpm: min, maxBpm: max, allowHalfDouble: false }, build: null, hr: null, voice: null,
});
// 60 minutes: 3 min easy, 2 min hard, twelve times.
const WORKOUT: Workout = {
  id: 'bench-export', name: 'Export bench', updatedAt: 0,
  nodes: Array.from({ length: Number(process.env.MONTAGE_EXPORT_STEPS ?? 24) }, (_, i) => (i % 2 ? step(i, 120, 168, 172, 'Hard') : step(i, 180, 148, 152, 'Easy'))),
};
// Tempos that never fit a target as they are: 4–7 % off, so every track is stretched.
const TRACKS: PoolTrack[] = Array.from({ length: 24 }, (_, i) => {
  const target = i % 2 ? 170 : 150;
  const bpm = Math.round(target * (1 + (i % 4 < 2 ? 1 : -1) * (0.04 + (i % 3) * 0.01)) * 10) / 10;
  return { id: `g${i}`, title: `Generated ${i}`, artist: 'Bench', durationSec: 180 + (i * 41) % 120, status: 'ready', grid: steadyGrid(bpm, 0.25, 0.25, 4) };
});

// Page code is plain JavaScript text (tsx's helpers do not exist in the page). The tracks are MP3 files served to
// the page (scripts/bench-export-tracks.ts), opened by the app's own reader of stored tracks.
const EXPORT_JS = `async ({ program, format, includeCues }) => {
  const m = window.montage;
  const openTrack = async (id) => m.openTrackFile(await (await fetch('/bench-tracks/' + id + '.mp3')).blob());
  let longest = 0;
  const tasks = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) { longest = Math.max(longest, e.duration); tasks.push(Math.round(e.duration) + '@' + Math.round(performance.now() - t0)); } });
  const t0 = performance.now();
  obs.observe({ type: 'longtask', buffered: false });
  const out = await m.audioExport.exportAudio(program, openTrack, { format, includeCues, includeVoice: false }, new AbortController().signal, (f) => { if (window.__debug) console.log('progress ' + Math.round(performance.now() - t0) + ' ms ' + JSON.stringify(f)); });
  const wallSec = (performance.now() - t0) / 1000;
  obs.disconnect();
  if (window.__debug) console.log(tasks.join(' '));
  return { wallSec, longestTaskMs: longest, bytes: out.file.size, sheet: out.cueSheet, joins: out.render.joins.length, joinSecs: out.render.joins.map((f) => f / 44100), rho: Math.min(...out.render.joinCorrelations), placedWorstMs: 1000 * Math.max(...out.render.cues.map((c) => Math.abs(c.placedSec - c.plannedSec))) };
}`;

// Returns the samples (first channel) of the exported WAV around each cue, from the OPFS file, as base64 PCM16.
const SLICES_JS = `async ({ cues, before, after }) => {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle('exports');
  let file = null;
  for await (const h of dir.values()) file = await h.getFile();
  const out = [];
  for (const c of cues) {
    const from = Math.max(0, Math.round(c.timeSec * 44100) - before);
    const bytes = new Uint8Array(await file.slice(44 + 4 * from, 44 + 4 * (from + before + after)).arrayBuffer());
    const view = new DataView(bytes.buffer);
    const mono = new Int16Array(bytes.length / 4);
    for (let i = 0; i < mono.length; i++) mono[i] = (view.getInt16(4 * i, true) + view.getInt16(4 * i + 2, true)) >> 1;
    let s = '';
    const u8 = new Uint8Array(mono.buffer);
    for (let i = 0; i < u8.length; i += 8192) s += String.fromCharCode(...u8.subarray(i, i + 8192));
    out.push({ from, b64: btoa(s) });
  }
  return out;
}`;

/** Peak and current resident memory (MB) of the page's renderer processes, from /proc (Linux). */
function rendererMemory(): { peakMb: number; nowMb: number } {
  const pids = execSync("pgrep -f -- '--type=renderer' || true").toString().trim().split(/\s+/).filter(Boolean);
  let peak = 0;
  let now = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      now = Math.max(now, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch { /* gone */ }
  }
  return { peakMb: peak, nowMb: now };
}

const CUE_KINDS = new Set(['step-start', 'countdown', 'finish']);
const BEFORE = Math.round(0.01 * RATE);
const AFTER = Math.round(0.3 * RATE);

/**
 * Where the cue in `x` (the file less the file without cues) begins, in frames from frame `at`: the first sample
 * above 1 % of its peak. (A matched filter is fooled here: a bell rings for many periods, and a start between two
 * frames makes a peak ten periods on match about as well.)
 */
function onsetLag(x: Float32Array, at: number): number {
  const peak = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return x.findIndex((v) => Math.abs(v) > 0.01 * peak) - at;
}

async function exportOnce(page: Page, format: 'wav' | 'mp3' | 'opus', includeCues = true) {
  const program = planWorkout(WORKOUT, { library: TRACKS, demo: [], maxTempoChangePct: Number(process.env.MONTAGE_EXPORT_MAXPCT ?? 8) }, { quantize: 'bar', countdownBeats: 3, metronome: false });
  const before = rendererMemory();
  const cdp = process.env.MONTAGE_EXPORT_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 500 }); await cdp.send('Profiler.start'); }
  const t0 = Date.now();
  const poll = process.env.MONTAGE_EXPORT_DEBUG ? setInterval(() => console.log(`mem ${((Date.now() - t0) / 1000).toFixed(0)} s: ${rendererMemory().nowMb.toFixed(0)} MB`), 1000) : null;
  const dumpAt = Number(process.env.MONTAGE_EXPORT_MEMDUMP ?? 0);
  if (process.env.MONTAGE_EXPORT_HEAPSNAP) setTimeout(async () => {
    const cdp = await page.context().newCDPSession(page);
    const parts: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => parts.push(e.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    writeFileSync(process.env.MONTAGE_EXPORT_HEAPSNAP!, parts.join(''));
    console.log('heap snapshot written');
  }, dumpAt * 1000);
  const dump = dumpAt > 0 ? setTimeout(() => void memoryDump(page.context().browser()!).then((l) => console.log(`memory dump at ${dumpAt} s:\n${l.join('\n')}`)), dumpAt * 1000) : null;
  const r = await page.evaluate(`(${EXPORT_JS})(${JSON.stringify({ program, format, includeCues })})`) as { wallSec: number; longestTaskMs: number; bytes: number; sheet: { durationSec: number; cues: { timeSec: number; kind: string }[] }; joins: number; joinSecs: number[]; rho: number; placedWorstMs: number };
  if (poll) clearInterval(poll);
  if (dump) clearTimeout(dump);
  if (cdp) { const { profile } = await cdp.send('Profiler.stop'); writeFileSync(process.env.MONTAGE_EXPORT_PROFILE!, JSON.stringify(profile)); }
  const after = rendererMemory();
  const stretched = program.segments.filter((s) => Math.abs(s.playbackRate - 1) > 1e-3).length;
  return { ...r, program, before, after, stretched };
}

async function browserLines(): Promise<string[]> {
  return withPreview({ port: PORT, outDir: process.env.MONTAGE_DIST ?? '.dist-bench', build: !process.env.MONTAGE_DIST }, async (url) => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', ...(process.env.MONTAGE_EXPORT_GC ? ['--js-flags=--expose-gc'] : [])] });
    const lines: string[] = [];
    // The MP3s are made (or found kept) before any export, so their encoding never competes with one.
    for (const track of TRACKS) await benchTrackMp3(track);
    for (const format of FORMATS) {
      // A fresh page (and renderer) per export, so its peak memory is this export's.
      const page = await browser.newPage();
      if (process.env.MONTAGE_EXPORT_DEBUG) {
        page.on('console', (m) => console.log('page:', m.text()));
        await page.addInitScript(() => { (window as unknown as { __debug: boolean }).__debug = true; });
      }
      await page.route('**/bench-tracks/*.mp3', async (route) => {
        const id = /bench-tracks\/(.+)\.mp3$/.exec(route.request().url())![1];
        await route.fulfill({ body: await benchTrackMp3(TRACKS.find((t) => t.id === id)!), contentType: 'audio/mpeg' });
      });
      await page.goto(url);
      await page.waitForFunction(() => 'montage' in window);
      const r = await exportOnce(page, format);
      const minutes = r.sheet.durationSec / 60;
      lines.push(`${format.toUpperCase()}: ${minutes.toFixed(1)} min (${r.program.segments.length} tracks, ${r.stretched} tempo-matched, ${r.joins} piece joins, least alike join ρ=${r.rho.toFixed(2)}) exported in ${r.wallSec.toFixed(1)} s = ${(r.sheet.durationSec / r.wallSec).toFixed(1)}× real time (render + encode + write; target ≥ 20× for WAV); ${(r.bytes / 1e6).toFixed(0)} MB; renderer peak ${r.after.peakMb.toFixed(0)} MB (${r.before.nowMb.toFixed(0)} MB before; target ≤ 300 MB); longest main-thread task ${r.longestTaskMs.toFixed(0)} ms`);
      if (format === 'wav') {
        const cues = r.sheet.cues.filter((c) => CUE_KINDS.has(c.kind));
        const slices = await page.evaluate(`(${SLICES_JS})(${JSON.stringify({ cues, before: BEFORE, after: AFTER })})`) as { from: number; b64: string }[];
        // The same export without cues, taken away from it, leaves the cues as they are in the file (and, under a
        // chime, the part of the music its duck took away): the filter then finds them and not the kicks and hats.
        await exportOnce(page, format, false);
        const music = await page.evaluate(`(${SLICES_JS})(${JSON.stringify({ cues, before: BEFORE, after: AFTER })})`) as { from: number; b64: string }[];
        const pcmOf = (b64: string) => new Int16Array(Uint8Array.from(Buffer.from(b64, 'base64')).buffer);
        const errors = cues.map((c, k) => {
          const pcm = pcmOf(slices[k].b64);
          const without = pcmOf(music[k].b64);
          const x = Float32Array.from(pcm, (v, i) => (v - without[i]) / 32768);
          const at = Math.round(c.timeSec * RATE) - slices[k].from;
          return onsetLag(x, at) / RATE * 1000;
        });
        if (process.env.MONTAGE_EXPORT_DEBUG) console.log(cues.map((c, k) => `${c.kind}@${c.timeSec.toFixed(3)}: ${errors[k].toFixed(3)}`).join('\n'), `engine placed worst ${r.placedWorstMs.toFixed(3)} ms`, r.joinSecs);
        errors.forEach((e, k) => { errors[k] = Math.abs(e); });
        lines.push(`cue onsets in the exported WAV against the cue sheet (where each begins in the file less the same export without cues, ${errors.length} cues: step starts, countdown ticks, the finish): worst ${Math.max(...errors).toFixed(3)} ms, mean ${(errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(3)} ms (target ≤ 1 ms)`);
      }
      await page.close();
    }
    await browser.close();
    return lines;
  });
}

/** Returns the export benchmark's report lines. */
export async function benchExport(): Promise<string[]> {
  return browserLines();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchExport().then((lines) => console.log(lines.join('\n')), (e: unknown) => { console.error(e); process.exit(1); });
}
