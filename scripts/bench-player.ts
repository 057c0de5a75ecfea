/**
 * Player benchmarks: worst cue timing error over a 30-minute workout rendered offline in Chromium by the
 * real engine; peak decoded-audio memory over a simulated 2-hour workout (the engine's keep policy); and
 * the CPU cost of tempo matching (the stretcher) as a real-time factor against plain playback, in the same run.
 * Run alone with `npx tsx scripts/bench-player.ts` (builds the app into .dist-bench first).
 */
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { withPreview } from './bench-preview';
import { flattenWorkout } from '../src/core/workout-timeline';
import { planMusic } from '../src/core/music-plan';
import { steadyGrid } from '../src/core/beat-grid';
import { decodedBytes, segmentsToKeep } from '../src/core/music-memory';
import type { Workout, Step } from '../src/core/workout';

const PORT = 4199;
const step = (i: number, seconds: number, min: number, max: number): Step => ({
  type: 'step', id: `s${i}`, kind: i % 2 ? 'work' : 'recover', name: i % 2 ? 'Hard' : 'Easy',
  duration: { unit: 'seconds', value: seconds }, intensity: 3, tempo: { minBpm: min, maxBpm: max, allowHalfDouble: true }, build: null, hr: null, voice: null,
});
const alternating = (minutes: number, stepSec: number): Workout => ({
  id: 'bench', name: 'Bench', updatedAt: 0,
  nodes: Array.from({ length: Math.round((minutes * 60) / stepSec) }, (_, i) => (i % 2 ? step(i, stepSec, 168, 176) : step(i, stepSec, 125, 131))),
});

/** Peak decoded bytes under the engine's keep policy for a 2-hour workout planned from a 300-track library. */
function memoryLines(): string[] {
  const workout = alternating(120, 240);
  const steps = flattenWorkout(workout);
  const pool = Array.from({ length: 300 }, (_, i) => ({
    id: `t${i}`, title: `t${i}`, artist: 'a', durationSec: 150 + (i * 37) % 150,
    grid: steadyGrid(120 + (i * 13) % 60, 0.1, 0.1, 4), status: 'ready' as const,
  }));
  const plan = planMusic(steps, pool, { maxTempoChangePct: 10 });
  const bytes = (i: number) => decodedBytes(plan.segments[i].endSec - plan.segments[i].startSec, 44100, 2);
  let peak = 0;
  for (let t = 0; t <= 7200; t += 0.25) peak = Math.max(peak, segmentsToKeep(plan.segments, t, 8).reduce((s, i) => s + bytes(i), 0));
  const all = plan.segments.reduce((s, _, i) => s + bytes(i), 0);
  const mb = (b: number) => (b / 1e6).toFixed(1);
  return [`decoded audio over a 2-hour workout (${plan.segments.length} tracks, 44.1 kHz stereo): peak ${mb(peak)} MB held vs ${mb(all)} MB if all were decoded (ratio ${(peak / all).toFixed(3)})`];
}

async function browserLines(): Promise<string[]> {
  return withPreview({ port: PORT, outDir: '.dist-bench' }, async (url) => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
    const page = await browser.newPage();
    await page.goto(url);
    const timing = await page.evaluate(`(${CUE_TIMING_JS})(${JSON.stringify(alternating(30, 60))})`) as { cues: number; worstMs: number; meanMs: number; renderSec: number };
    const stretch = await page.evaluate(`(${STRETCH_COST_JS})(${JSON.stringify(alternating(1, 60))})`) as { plainRtf: number; stretchedRtf: number };
    await browser.close();
    return [
      `cue timing over a 30-minute rendered workout: ${timing.cues} cues, worst onset error ${timing.worstMs.toFixed(3)} ms, mean ${timing.meanMs.toFixed(3)} ms (render ${timing.renderSec.toFixed(1)} s)`,
      `tempo matching (signalsmith-stretch, rate 0.94) offline render: real-time factor ${stretch.stretchedRtf.toFixed(4)} vs plain playback ${stretch.plainRtf.toFixed(4)} (ratio ${(stretch.stretchedRtf / stretch.plainRtf).toFixed(2)})`,
    ];
  });
}

// Page code is plain JavaScript text: tsx's helpers (e.g. __name) do not exist inside the page.
// Renders the workout in 5-minute windows (cues only) and measures every cue's onset.
const CUE_TIMING_JS = `async (workout) => {
  const m = window.montage;
  const errors = [];
  const t0 = performance.now();
  for (let from = 0; from < 1800; from += 300) {
    const r = await m.renderOffline(workout, { fromSec: from, durationSec: 301, include: 'cues', sampleRate: 22050, startDelaySec: 0.1 });
    for (const c of r.cues) {
      const at = Math.round(c.ctxTime * r.sampleRate);
      if (at + 200 >= r.samples.length) continue;
      for (let i = at - 66; i < at + 66; i++) {
        if (Math.abs(r.samples[i]) > 0.01) { errors.push(((i - at) / r.sampleRate) * 1000); break; }
      }
    }
  }
  const abs = errors.map(Math.abs);
  return { cues: errors.length, worstMs: Math.max(...abs), meanMs: abs.reduce((a, b) => a + b, 0) / abs.length, renderSec: (performance.now() - t0) / 1000 };
}`;

// Renders a minute of music at rate 1 and tempo-matched, and times both.
const STRETCH_COST_JS = `async (workout) => {
  const m = window.montage;
  const time = async (w) => {
    const t0 = performance.now();
    await m.renderOffline(w, { fromSec: 0, durationSec: 60, include: 'music', maxTempoChangePct: 10 });
    return (performance.now() - t0) / 1000 / 60;
  };
  const withTempo = (min, max) => ({ ...workout, nodes: workout.nodes.map((n) => ({ ...n, tempo: { minBpm: min, maxBpm: max, allowHalfDouble: false } })) });
  await time(withTempo(127, 129));
  return { plainRtf: await time(withTempo(127, 129)), stretchedRtf: await time(withTempo(120, 121)) };
}`;

/** Returns the player benchmark's report lines. */
export async function benchPlayer(): Promise<string[]> {
  return [...memoryLines(), ...(await browserLines())];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPlayer().then((lines) => console.log(lines.join('\n')), (e: unknown) => { console.error(e); process.exit(1); });
}
