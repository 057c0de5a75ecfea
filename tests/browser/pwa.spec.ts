import { test, expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { grooveFile, importTracks, playerStatus, startDemo, waitForServiceWorker } from '../helpers/pwa-page';

// Install, offline, updates, the launch shortcut and two tabs: the app as an installed PWA (built app only).
// Reloads and service-worker updates are slow on a busy machine: every wait is for a real state, with room to spare.
test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 60_000 };
const updateOffered = (page: Page) => page.waitForFunction(() => (window as any).montage.store.getState().update !== null, null, SLOW);

test('the manifest is valid, its icons are real PNGs, and the service worker activates (installable)', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest).toMatchObject({
    name: 'Montage', short_name: 'Montage', display: 'standalone', start_url: '/', scope: '/',
    theme_color: '#14121f', background_color: '#14121f',
  });
  expect(manifest.description.length).toBeGreaterThan(10);
  expect(manifest.shortcuts.map((s: any) => [s.name, s.url])).toContainEqual(['Start last workout', '/?start=last']);
  const sizes = await page.evaluate(async (icons: any[]) => Promise.all(icons.map(async (icon) => {
    const blob = await (await fetch(icon.src)).blob();
    const bitmap = await createImageBitmap(blob);
    return { sizes: icon.sizes, purpose: icon.purpose, type: blob.type, actual: `${bitmap.width}x${bitmap.height}` };
  })), manifest.icons);
  for (const size of ['192x192', '512x512']) expect(sizes).toContainEqual({ sizes: size, purpose: 'any', type: 'image/png', actual: size });
  expect(sizes).toContainEqual({ sizes: '512x512', purpose: 'maskable', type: 'image/png', actual: '512x512' });

  await waitForServiceWorker(page);
  const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  expect(state).toBe('activated');
  // Chromium's own installability check (the one behind the install button).
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright contexts are incognito-like; that is the test's doing, not the app's.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('offline after the first visit: the app starts, the imported track is listed, its audio reads back and a workout plays it', async ({ page, context }) => {
  await page.goto('/');
  await importTracks(page, [grooveFile(128, 'offline-128.wav')]);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Montage' })).toBeVisible(SLOW);
  // Really offline: anything not precached fails.
  expect(await page.evaluate(() => fetch(`/not-cached-${Date.now()}`).then(() => 'online', () => 'offline'))).toBe('offline');

  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByTestId('track-row').filter({ hasText: 'offline-128' })).toBeVisible(SLOW);
  const decoded = await page.evaluate(async () => {
    const m = (window as any).montage;
    const track = m.store.getState().tracks.find((t: any) => t.fileName === 'offline-128.wav');
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('tracks');
    const file = await (await dir.getFileHandle(track.id)).getFile();
    const buffer = await new OfflineAudioContext(1, 1, 22050).decodeAudioData(await file.arrayBuffer());
    return { bytes: file.size, seconds: buffer.duration };
  });
  expect(decoded.bytes).toBeGreaterThan(100_000);
  expect(Math.abs(decoded.seconds - 8)).toBeLessThan(0.05);

  // Tone.js arrives lazily on Start: it was precached, so a workout runs offline too — and its music is
  // the stored track (the library's ready tracks come before the demo loops), playing on the audio clock.
  await startDemo(page);
  await expect(page.getByTestId('music-bpm')).toHaveText(/BPM/, SLOW);
  await expect(page.locator('.track-title')).toHaveText('offline-128');
  const p1 = await page.evaluate(() => (window as any).montage.store.getState().positionNow());
  await expect.poll(() => page.evaluate(() => (window as any).montage.store.getState().positionNow()), SLOW).toBeGreaterThan(p1 + 0.2);
  expect(await page.evaluate(() => (window as any).montage.engine()?.scheduled.length ?? 0)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
  await context.setOffline(false);
});

test('an update that arrives during a workout is offered only once the workout ends, and applied only on Reload', async ({ page }) => {
  await page.goto('/');
  const prompt = page.getByText('Update available');
  const offer = () => page.evaluate(() => (window as any).montage.offerUpdate(() => ((window as any).__updateApplied = true)));

  await startDemo(page);
  await offer();
  await updateOffered(page);
  await expect(prompt).toBeHidden();
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await playerStatus(page)).toBe('paused');
  await expect(prompt).toBeHidden();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(prompt).toBeHidden();

  await page.getByRole('button', { name: 'Stop' }).click();

  await page.getByRole('button', { name: 'End workout' }).click();
  await expect(page.getByRole('heading', { name: 'Workout stopped' })).toBeVisible(SLOW);
  await expect(prompt).toBeVisible(SLOW);
  expect(await page.evaluate(() => (window as any).__updateApplied)).toBeUndefined();
  await page.getByRole('button', { name: 'Reload' }).click();
  expect(await page.evaluate(() => (window as any).__updateApplied)).toBe(true);
});

test('a real new version found during a workout waits, is offered after it, and takes over on Reload', async ({ page }) => {
  // The served build (see playwright.config.ts): its sw.js changes on disk, as after a deploy.
  const swPath = resolve(process.env.MONTAGE_DIST ?? 'dist', 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  try {
    await page.goto('/');
    await waitForServiceWorker(page);
    await startDemo(page);
    writeFileSync(swPath, `${original}\n// next version ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting)), SLOW).toBe(true);
    await updateOffered(page);
    await expect(page.getByText('Update available')).toBeHidden();
    expect(await playerStatus(page)).toMatch(/^(countdown|running)$/); // playing (the count-in included)

    await page.getByRole('button', { name: 'Stop' }).click();

    await page.getByRole('button', { name: 'End workout' }).click();
    await expect(page.getByText('Update available')).toBeVisible(SLOW);
    await page.evaluate(() => ((window as any).__beforeUpdate = true));
    await page.getByRole('button', { name: 'Reload' }).click();
    // The new version took over once the page is a new document (the marker is gone) run by the new worker.
    await page.waitForFunction(() => (window as any).__beforeUpdate === undefined && (window as any).montage !== undefined, null, SLOW);
    await expect(page.getByRole('button', { name: 'Start workout' })).toBeVisible(SLOW);
    await expect.poll(() => page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(r?.waiting), controlled: navigator.serviceWorker.controller !== null };
    }), SLOW).toEqual({ waiting: false, controlled: true });
  } finally {
    writeFileSync(swPath, original);
  }
});

test('the "Start last workout" shortcut opens the player with the last started workout, ready but not playing', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Player' }).click();
  const select = page.locator('section.start select').first();
  const options = await select.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  const other = options.find((v) => v !== 'template-demo-3030')!;
  await select.selectOption(other);
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();

  // The workout chosen last is kept across a reload; the shortcut opens the one started last.
  await page.goto('/');
  await page.getByRole('button', { name: 'Player' }).click();
  await page.locator('section.start select').first().selectOption('template-demo-3030');
  await page.reload();
  await page.getByRole('button', { name: 'Player' }).click();
  await expect(page.locator('section.start select').first()).toHaveValue('template-demo-3030');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.goto('/?start=last');
  await expect(page.getByRole('button', { name: 'Start workout' })).toBeVisible();
  await expect(page.locator('section.start select').first()).toHaveValue(other);
  expect(await playerStatus(page)).toBe('idle');
  expect(new URL(page.url()).search).toBe('');
  // The other shortcut opens a screen.
  await page.goto('/?screen=library');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
});

test('two tabs: starting a workout in one stops the other, and a library import shows up in both', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/');
  await b.goto('/');
  await startDemo(a);
  await startDemo(b);
  await expect(a.getByText(/Playing in another tab/)).toBeVisible();
  expect(await playerStatus(a)).toBe('error');
  expect(await a.evaluate(() => (window as any).montage.store.getState().positionNow())).toBeNull();
  expect(await playerStatus(b)).toMatch(/^(countdown|running)$/);
  // A takes it back: B stops.
  await a.getByRole('button', { name: 'Start workout' }).click();
  await expect(b.getByText(/Playing in another tab/)).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => playerStatus(a)).toMatch(/^(countdown|running)$/);
  await a.getByRole('button', { name: 'Stop' }).click();
  await a.getByRole('button', { name: 'End workout' }).click();

  await b.getByRole('button', { name: 'Library' }).click();
  await importTracks(a, [grooveFile(140, 'shared-140.wav')]);
  await expect(b.getByTestId('track-row').filter({ hasText: 'shared-140' })).toBeVisible({ timeout: 10_000 });
  await a.getByRole('button', { name: 'Delete shared-140' }).click();
  // Dismissing the undo removes it from storage now (else after the undo time).
  await a.getByRole('button', { name: 'Dismiss: deleted shared-140' }).click();
  await expect(b.getByTestId('track-row').filter({ hasText: 'shared-140' })).toHaveCount(0, { timeout: 10_000 });
});

test('the first load fetches at most 200 KB of gzipped JavaScript, without Tone.js or the analyser', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start workout' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => e.name).filter((url) => /\.m?js(\?|$)/.test(new URL(url).pathname)));
  const { gzipSync } = await import('node:zlib');
  let total = 0;
  for (const url of scripts) {
    const body = await (await request.get(url)).body();
    expect(body.toString('latin1'), `${url} is Tone.js`).not.toContain('Tone.js');
    total += gzipSync(body).length;
  }
  expect(scripts.join(' ')).not.toMatch(/analysis\.worker|player-service|engine-|demo-music/);
  console.log(`first-load JavaScript: ${scripts.length} files, ${(total / 1024).toFixed(1)} KB gzip`);
  expect(total).toBeLessThanOrEqual(200 * 1024);
});
