/**
 * Stretcher benchmark: a generated drums + melody signal rendered offline in Chromium at 0.90×, 0.95×, 1.05×
 * and 1.10× through Tone.GrainPlayer (as the engine used it) and through signalsmith-stretch (the app's
 * adapter), with plain Tone.Player speed change as the reference that changes pitch. Reports onset timing
 * against the plan, attack sharpness and added echo at the drum hits, chroma kept on the melody notes, and
 * render time per second of stereo audio. Run alone with `npx tsx scripts/bench-stretch.ts`; to sweep the
 * stretcher's settings, `STRETCH_CONFIGS=120/30,60/15 npx tsx scripts/bench-stretch.ts` (blockMs/intervalMs,
 * work spread as the app spreads it) renders signalsmith once per setting instead of with the app's.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import type { StretchMethod, StretchRow } from './stretch-bench/page';
import { quantumCost } from './stretch-bench/worklet-in-node';
import { drumsAndMelody } from './stretch-bench/signal';
import { STRETCH_CONFIG, type StretchConfig } from '../src/audio/stretcher';

const RATES = [0.9, 0.95, 1.05, 1.1];
const ROUNDS = 3;
const root = resolve(import.meta.dirname, '..');
const SWEEP = process.env.STRETCH_CONFIGS;

/** Returns the signalsmith settings to measure, each with its label: the app's, or those of $STRETCH_CONFIGS. */
function configs(): { label: string; config: StretchConfig }[] {
  if (!SWEEP) return [{ label: 'signalsmith', config: STRETCH_CONFIG }];
  return SWEEP.split(',').map((text) => {
    const [blockMs, intervalMs] = text.split('/').map(Number);
    if (!(blockMs > 0 && intervalMs > 0)) throw new Error(`STRETCH_CONFIGS: "${text}" is not blockMs/intervalMs, e.g. 60/15.`);
    return { label: `ss ${blockMs}/${intervalMs}`, config: { blockMs, intervalMs, splitComputation: true } };
  });
}

/** Returns the page bundle: the bench's page code with Tone and the app's adapter, exposed as `window.stretchBench`. */
async function pageBundle(): Promise<string> {
  const out = await build({
    stdin: { contents: "import { benchRow } from './page'; Object.assign(window, { stretchBench: { benchRow } });", resolveDir: resolve(root, 'scripts/stretch-bench'), loader: 'ts' },
    bundle: true, format: 'esm', write: false, platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Serves the page, its bundle and the worklet module on a free loopback port until `close()`. */
async function serve(bundle: string): Promise<{ url: string; close: () => void }> {
  const worklet = readFileSync(resolve(root, 'node_modules/signalsmith-stretch/SignalsmithStretch.mjs'));
  const files: Record<string, [string, string | Buffer]> = {
    '/': ['text/html', '<!doctype html><script type="module" src="/bench.js"></script>'],
    '/bench.js': ['text/javascript', bundle],
    '/stretch.mjs': ['text/javascript', worklet],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    res.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? '');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

const fixed = (x: number, digits: number) => x.toFixed(digits).padStart(7);

/** Returns the lines of the per-quantum CPU of the stretcher, as the package sets it up and as the app does. */
async function quantumLines(): Promise<string[]> {
  const { samples } = drumsAndMelody(30, 44100);
  const costs = [await quantumCost('package default', null, samples, 0.9)];
  for (const { label, config } of configs()) costs.push(await quantumCost(SWEEP ? label : 'as the app sets it', config, samples, 0.9));
  return [
    'signalsmith-stretch per 128-frame quantum (budget 2.9 ms), its worklet processor run in Node, stereo at 0.90x, process CPU time:',
    ...costs.map((c) => `  ${c.label.padEnd(19)} latency ${(c.latencySec * 1000).toFixed(0)} ms, mean ${c.meanMsPerSec.toFixed(1)} ms/s, p99 ${c.p99Ms.toFixed(3)} ms, p99.9 ${c.p999Ms.toFixed(3)} ms, worst ${c.worstMs.toFixed(3)} ms`),
  ];
}

/** Returns the stretcher benchmark's report lines (a table, one row per method and rate, then the per-quantum cost). */
export async function benchStretch(): Promise<string[]> {
  return [...(await renderLines()), ...(await quantumLines())];
}

/** Returns the lines of the offline renders in Chromium. */
async function renderLines(): Promise<string[]> {
  const server = await serve(await pageBundle());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // A fresh page per row: in one page the stretcher stopped starting after some 125 renders with it (measured).
    const row = async (method: StretchMethod, rate: number, config?: StretchConfig): Promise<StretchRow> => {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => 'stretchBench' in window);
      const result = await page.evaluate(([m, r, n, c]) => (window as unknown as { stretchBench: { benchRow: (...a: unknown[]) => Promise<StretchRow> } }).stretchBench.benchRow(m, r, '/stretch.mjs', n, c), [method, rate, ROUNDS, config] as const);
      await page.close();
      return result;
    };
    const rows: (StretchRow & { label: string })[] = [];
    for (const rate of RATES) {
      for (const method of ['plain', 'grain'] as const) rows.push({ ...(await row(method, rate)), label: method });
      for (const { label, config } of configs()) rows.push({ ...(await row('signalsmith', rate, config)), label });
    }
    return [
      '12 s of 123 BPM drums + melody, stereo 44.1 kHz, rendered offline in Chromium; median over hits/notes (echo: worst hit); cost: median of 3 renders',
      'method       rate  timing ms  worst ms  sharpness    mean  echo +  chroma  cpu ms/s   (timing: median, + = late; sharpness: median, mean)',
      ...rows.map((r) => `${r.label.padEnd(11)} ${r.rate.toFixed(2)}  ${fixed(r.medianTimingMs, 2)}  ${fixed(r.worstTimingMs, 2)}   ${fixed(r.sharpness, 3)} ${fixed(r.meanSharpness, 3)}  ${fixed(r.echo, 3)} ${fixed(r.chroma, 3)}  ${fixed(r.cpuMsPerSec, 1)}`),
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchStretch().then((lines) => console.log(lines.join('\n')), (e: unknown) => { console.error(e); process.exit(1); });
}
