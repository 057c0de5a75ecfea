/**
 * First-start benchmark: time from pressing Start to the first sound of the demo workout in real Chromium,
 * on a first visit (empty storage) and on later visits (reloads of the same profile), with the machine's load
 * noted. "First sound" is the audio-clock time the engine starts the workout at (the first count-in tick),
 * "music" the time the first music segment is started at, both read as page time after the click. The music
 * is due 1.4 s after the first sound (after the count-in): later than that means the start waited for a render.
 * Run alone with `npx tsx scripts/bench-start.ts` (builds the app into .dist-bench-start first), or
 * `npm run bench -- start`.
 */
import { loadavg, cpus } from 'node:os';
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { withPreview } from './bench-preview';
import { chromium, type Page } from '@playwright/test';

const ROUNDS = 3;
const DEMO_LOOPS = 3;

// True once the page's OPFS demo cache holds `count` loops (not counting the .crswap file Chromium writes into
// before a writer closes): the loops are kept, a reload will read them.
const KEPT_JS = `async (count) => {
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('demo', { create: true });
  let n = 0;
  for await (const handle of dir.values()) if (handle.name.endsWith('.pcm') && (await handle.getFile()).size > 0) n += 1;
  return n >= count;
}`;

// Resolves with a free TCP port on 127.0.0.1 (the machine is shared: never a fixed one).
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Page code is plain JavaScript text: tsx's helpers (e.g. __name) do not exist inside the page.
// Clicks Start; resolves once the music plays with when the first sound (the count-in) and the music are heard,
// page milliseconds after the click, and how many loops were rendered meanwhile. An audio-clock time is turned
// into page time by reading both clocks at once.
const PRESS_START_JS = `() => new Promise((resolve, reject) => {
  const m = window.montage;
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Start workout');
  if (!button) return reject(new Error('no Start workout button'));
  const rendersBefore = m.demoStats().rendered;
  const pageMsAt = (ctxTime) => performance.now() + (ctxTime - m.engine().now()) * 1000;
  let clickedAt = 0;
  let firstSoundMs = NaN;
  const waitForMusic = () => {
    const started = m.engine()?.musicStarts[0];
    if (!started) return setTimeout(waitForMusic, 20);
    resolve({ firstSoundMs, musicMs: pageMsAt(started.ctxTime) - clickedAt, renders: m.demoStats().rendered - rendersBefore });
  };
  const unsubscribe = m.store.subscribe((s) => {
    const phase = s.player.phase;
    if (phase.status === 'error') { unsubscribe(); reject(new Error(phase.message)); }
    if (phase.status !== 'countdown' && phase.status !== 'running') return;
    unsubscribe();
    firstSoundMs = pageMsAt(phase.startedAtCtx) - clickedAt;
    waitForMusic();
  });
  clickedAt = performance.now();
  button.click();
})`;

interface StartTiming { firstSoundMs: number; musicMs: number; renders: number }

async function pressStart(page: Page): Promise<StartTiming> {
  await page.getByRole('button', { name: 'Start workout' }).waitFor({ timeout: 60_000 });
  const timing = await page.evaluate(`(${PRESS_START_JS})()`) as StartTiming;
  await page.evaluate(() => (window as unknown as { montage: { store: { getState(): { stopWorkout(): void } } } }).montage.store.getState().stopWorkout());
  return timing;
}

// Waits (up to 2 minutes) until the page's OPFS demo cache holds every loop.
async function waitUntilKept(page: Page): Promise<void> {
  for (const until = Date.now() + 120_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
    if (await page.evaluate(`(${KEPT_JS})(${DEMO_LOOPS})`)) return;
  }
  throw new Error('the demo loops were not kept within 2 minutes');
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Returns the first-start benchmark's report lines. */
export async function benchStart(): Promise<string[]> {
  const outDir = process.env.MONTAGE_DIST ?? '.dist-bench-start';
  const port = await freePort();
  const lines: string[] = [];
  await withPreview({ port, outDir, build: !process.env.MONTAGE_DIST }, async (url) => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
    const loadBefore = load();
    // Each round: a first visit in a fresh profile, Start pressed as soon as it shows; then, once the loops are
    // kept (the other two render while that workout plays), a later visit (a reload).
    const first: StartTiming[] = [];
    const later: StartTiming[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      first.push(await pressStart(page));
      await waitUntilKept(page);
      await page.reload();
      later.push(await pressStart(page));
      await context.close();
    }
    await browser.close();
    const ms = (t: StartTiming) => `${(t.firstSoundMs / 1000).toFixed(2)} s, music at ${(t.musicMs / 1000).toFixed(2)} s (${t.renders} loop${t.renders === 1 ? '' : 's'} rendered meanwhile)`;
    lines.push(
      `machine: ${cpus().length} cores, load average ${loadBefore} before, ${load()} after (1, 5, 15 min)`,
      ...first.map((t, i) => `Start → first sound, first visit ${i + 1} (empty storage, Start pressed at once): ${ms(t)}`),
      ...later.map((t, i) => `Start → first sound, later visit ${i + 1} (reload, loops kept): ${ms(t)}`),
    );
  });
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchStart().then((lines) => console.log(lines.join('\n')), (e: unknown) => { console.error(e); process.exit(1); });
}
