import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { grooveFile, importTracks, startDemo } from '../helpers/pwa-page';

// Headers, CSP, no third-party requests, full storage, and hostile audio files through the real import input.

const BAD = resolve(import.meta.dirname, '../fixtures/bad');

/** Collects CSP violations in the page from its very first script. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('the server sends a strict CSP and the other security headers, and public/_headers says the same', async ({ page, request }) => {
  const response = (await page.goto('/'))!;
  const headers = response.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toContain("default-src 'self'");
  // Scripts from this origin only; WebAssembly may compile (the tempo stretcher), JavaScript may not be evaluated.
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  // The same policy in the page itself, for hosts that cannot send headers.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval/);
  const script = await page.locator('script[type="module"]').first().getAttribute('src');
  expect((await request.get(script!)).headers()['content-type']).toMatch(/javascript/);

  const file = readFileSync(resolve(import.meta.dirname, '../../public/_headers'), 'utf8');
  for (const [name, value] of Object.entries(headers).filter(([n]) => /^(content-security-policy|x-content-type-options|referrer-policy|permissions-policy|cross-origin-opener-policy)$/.test(n))) {
    expect(file.toLowerCase()).toContain(`${name}: ${value}`.toLowerCase());
  }
});

test('a whole journey runs under the CSP with no violation and no request off this host', async ({ page }) => {
  await watchCsp(page);
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto('/');
  await startDemo(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: 'Skip step' }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
  await expect(page.getByRole('heading', { name: 'Workout stopped' })).toBeVisible();
  await importTracks(page, [grooveFile(124, 'csp-124.wav')]);
  await expect(page.getByTestId('track-row').filter({ hasText: 'csp-124' }).getByTestId('track-bpm')).toHaveText(/^\d+/);
  await page.getByRole('button', { name: 'Preview csp-124' }).click();
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Stop preview of csp-124' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Full backup' }).click();
  await download;
  await page.getByRole('button', { name: 'Workouts' }).click();
  await page.getByRole('button', { name: 'Playlists' }).click();

  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  const origin = new URL(page.url()).origin;
  expect(urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
});

test('storage running full while importing: the message names the file and the earlier tracks stay', async ({ page }) => {
  const doomed = grooveFile(100, 'too-big.wav', 9);
  // The write of exactly this file's bytes fails as a full disk would (OPFS, and IndexedDB where OPFS is missing).
  await page.addInitScript((size: number) => {
    const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const write = FileSystemWritableFileStream.prototype.write;
    FileSystemWritableFileStream.prototype.write = function (data: any) {
      if (data instanceof Blob && data.size === size) return Promise.reject(full());
      return write.call(this, data);
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value: any, key?: IDBValidKey) {
      if (value instanceof Blob && value.size === size) throw full();
      return put.call(this, value, key);
    };
  }, doomed.buffer.length);
  await page.goto('/');
  await importTracks(page, [grooveFile(120, 'kept-120.wav')]);
  await page.getByLabel('Import music').setInputFiles([doomed, grooveFile(132, 'after-132.wav')]);
  await expect(page.getByText('storage is full: too-big.wav was not saved')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Import finished: 2 of 2, 1 failed/)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await page.getByRole('button', { name: 'Library' }).click();
  const rows = page.getByTestId('track-row');
  await expect(rows.filter({ hasText: 'kept-120' })).toBeVisible();
  await expect(rows.filter({ hasText: 'after-132' })).toBeVisible();
  await expect(rows.filter({ hasText: 'too-big' })).toHaveCount(0);
});

// What each hostile audio file must lead to (from the shared corpus catalogue, corpus/bad/catalogue.json).
const EXPECT: Record<string, 'error' | 'import' | 'import-nobeat' | 'either'> = {
  'a-empty.mp3': 'error', 'a-random-bytes.mp3': 'error', 'a-text-renamed.m4a': 'error',
  'a-cut-mid.mp3': 'import', 'a-html-tags.mp3': 'import', 'a-unicode-tags.mp3': 'import', 'a-svg-cover.mp3': 'import',
  'a-tbpm--5.mp3': 'import', 'a-tbpm-abc.mp3': 'import', 'a-tbpm-99999.mp3': 'import',
  'a-silence.mp3': 'import-nobeat', 'a-long-20min.mp3': 'import',
  'a-header-only.mp3': 'either', 'a-id3-huge-size.mp3': 'either', 'a-lying-size.wav': 'either',
  'a-truncated.flac': 'either', 'a-truncated.ogg': 'either', 'a-one-sample.wav': 'either',
};

test('every hostile audio file gets a clear outcome that names it, without a hang', async ({ page }) => {
  const names = readdirSync(BAD).filter((n) => /\.(mp3|m4a|wav|flac|ogg)$/.test(n));
  expect(names.sort()).toEqual(Object.keys(EXPECT).sort());
  await page.goto('/');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Import music').setInputFiles(names.map((name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(resolve(BAD, name)) })));
  await expect(page.getByText(new RegExp(`Import finished: ${names.length} of ${names.length}`))).toBeVisible({ timeout: 90_000 });
  const outcome = await page.evaluate(() => {
    const s = (window as any).montage.store.getState();
    return { failed: s.batch.failed, tracks: s.tracks.map((t: any) => ({ fileName: t.fileName, status: t.status, bpm: t.grid ? t.grid.bpm : null, error: t.error ?? '' })) };
  });
  for (const name of names) {
    const failure = outcome.failed.find((f: any) => f.fileName === name);
    const track = outcome.tracks.find((t: any) => t.fileName === name);
    const want = EXPECT[name];
    expect(Boolean(failure) !== Boolean(track), `${name}: exactly one outcome`).toBe(true);
    if (failure) {
      expect(want === 'error' || want === 'either', `${name} was refused: ${failure.error}`).toBe(true);
      expect(failure.error).toContain(name);
      await expect(page.getByText(failure.error, { exact: true })).toBeVisible();
    } else {
      expect(want, `${name} was imported (${track.status} ${track.error})`).not.toBe('error');
      expect(['ready', 'failed']).toContain(track.status);
      if (want === 'import-nobeat') expect(track.bpm).toBeNull();
      if (name === 'a-long-20min.mp3') expect(track.status, '20 minutes are analysed, not refused').toBe('ready');
      if (track.status === 'failed') expect(track.error.length).toBeGreaterThan(3);
    }
  }
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});
