/**
 * Lighthouse audit of the built app: builds into `dist` (or $MONTAGE_DIST; `--no-build` skips that), serves it
 * with `vite preview` and its security headers, runs Lighthouse 12 in the system Chromium, and prints
 * performance, accessibility, best practices, Chromium's installability verdict and the first-load
 * JavaScript (gzip). Run: `npm run lighthouse` (port $MONTAGE_PORT, default 4199).
 * Lighthouse 12 has no PWA category any more: installability comes from `Page.getInstallabilityErrors`.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { gzipSync } from 'node:zlib';

const port = Number(process.env.MONTAGE_PORT ?? 4199);
const outDir = process.env.MONTAGE_DIST ?? 'dist';
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const url = `http://localhost:${port}/`;
/** Every score must reach this (0–100). */
const TARGET = 95;

if (!process.argv.includes('--no-build')) await build({ build: { outDir }, logLevel: 'warn' });
const server = await preview({ preview: { port, strictPort: true }, build: { outDir }, logLevel: 'warn' });
const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
let failed = false;
try {
  for (const formFactor of ['mobile', 'desktop'] as const) {
    const desktop = formFactor === 'desktop'
      ? { formFactor, screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } }
      : {};
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'], ...desktop,
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const line = Object.values(categories).map((c) => {
      const score = Math.round((c.score ?? 0) * 100);
      if (score < TARGET) failed = true;
      return `${c.title} ${score}`;
    });
    console.log(`${formFactor.padEnd(8)} ${line.join(' · ')}`);
    for (const c of Object.values(categories)) {
      for (const ref of c.auditRefs) {
        const audit = audits[ref.id];
        if (ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
        console.log(`  ${c.title}: ${audit.title} (${audit.displayValue ?? audit.score})`);
        const items = (audit.details as { items?: { description?: string; url?: string }[] } | undefined)?.items ?? [];
        for (const item of items.slice(0, 5)) console.log(`    ${item.description ?? ''} ${item.url ?? ''}`.trimEnd());
      }
    }
    console.log(`  LCP ${audits['largest-contentful-paint'].displayValue} · TBT ${audits['total-blocking-time'].displayValue} · CLS ${audits['cumulative-layout-shift'].displayValue}`);
  }

  // Installability and the first-load JavaScript, in the same browser over CDP.
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(url);
  await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => undefined),
    new Promise((_, reject) => setTimeout(() => reject(new Error('no active service worker after 15 s')), 15_000)),
  ]));
  await page.reload({ waitUntil: 'networkidle' });
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const errors = installabilityErrors.map((e) => e.errorId);
  console.log(`PWA installable: ${errors.length === 0 ? 'yes' : `no (${errors.join(', ')})`}`);
  if (errors.length > 0) failed = true;
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => new URL(u).pathname.endsWith('.js')));
  let gzip = 0;
  for (const script of scripts) gzip += gzipSync(Buffer.from(await (await fetch(script)).arrayBuffer())).length;
  console.log(`first-load JavaScript: ${scripts.length} files, ${(gzip / 1024).toFixed(1)} KB gzip (budget 200 KB)`);
  if (gzip > 200 * 1024) failed = true;
  await browser.close();
} finally {
  chrome.kill();
  await server.close();
}
process.exit(failed ? 1 : 0);
