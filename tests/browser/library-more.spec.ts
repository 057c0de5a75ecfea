import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { drumGroove, encodeWav } from '../helpers/signals';
import { withId3Tags } from '../helpers/id3';
import { TAP_RESET_MS } from '../../src/core/tap-tempo';

// The library beyond import: corrections that survive a reload, the beat-click preview, hostile files,
// 10,000 rows, and cancelling analysis.

const BAD = resolve(import.meta.dirname, '../fixtures/bad');
const groove = (bpm: number, name: string, seconds = 12) => ({
  name,
  mimeType: 'audio/wav',
  buffer: Buffer.from(encodeWav([drumGroove({ bpm, seconds, sampleRate: 22050, accentDownbeats: true })], 22050)),
});
const rows = (page: Page) => page.getByTestId('track-row');
const rowOf = (page: Page, title: string) => rows(page).filter({ hasText: title });
// A stored track with its beat grid's fields alongside (bpm null: no beat).
const trackOf = (page: Page, title: string) =>
  page.evaluate((t) => {
    const x = (window as any).montage.store.getState().tracks.find((r: any) => r.title === t);
    return x && { ...x, bpm: x.grid?.bpm ?? null, firstBeatSec: x.grid?.firstBeatSec, firstDownbeatSec: x.grid?.firstDownbeatSec, beatsPerBar: x.grid?.beatsPerBar };
  }, title);

async function openLibrary(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Library' }).click();
}

async function importGrooves(page: Page, files: ReturnType<typeof groove>[]) {
  await page.getByLabel('Import music').setInputFiles(files);
  await expect(page.getByText(`Import finished: ${files.length} of ${files.length}`)).toBeVisible({ timeout: 60_000 });
}

test('tap tempo, phase nudges, the downbeat and the metre are saved and survive a reload', async ({ page }) => {
  await openLibrary(page);
  await importGrooves(page, [groove(120, 'groove-120.wav')]);
  await page.getByRole('button', { name: 'Details of groove-120' }).click();
  const details = page.getByTestId('track-details');
  await expect(details).toBeVisible();

  // The T key taps; then eight key-downs 600 ms apart, timed in the page: 100 BPM from the median interval.
  await page.keyboard.press('t');
  await expect(details.getByText('3 more taps…')).toBeVisible();
  await page.waitForTimeout(TAP_RESET_MS);
  await page.evaluate(async () => {
    for (let i = 0; i < 8; i++) {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 't', bubbles: true }));
      await new Promise((r) => setTimeout(r, 600));
    }
  });
  await expect(details.getByText(/Tapped \d+(\.\d)? BPM — saved/)).toBeVisible();
  const tapped = await trackOf(page, 'groove-120');
  expect(Math.abs(tapped.bpm - 100)).toBeLessThan(3);
  expect(tapped.corrected).toBe(true);
  // The confidence no longer claims the analysis' figure: the grid is the user's now.
  await expect(details.getByTestId('details-bpm')).toContainText('beat grid set by you');
  await expect(page.getByTestId('track-row').filter({ hasText: 'groove-120' }).getByText('set by you')).toBeVisible();

  await details.getByRole('button', { name: 'Beats 10 ms later' }).click();
  await details.getByRole('button', { name: 'Beats 10 ms later' }).click();
  await details.getByRole('button', { name: 'Beats 1/8 beat later' }).click();
  await details.getByRole('button', { name: 'The one is a beat later' }).click();
  await details.getByRole('button', { name: '3 beats per bar' }).click();
  await expect(details.getByRole('button', { name: '3 beats per bar' })).toHaveAttribute('aria-pressed', 'true');
  const corrected = await trackOf(page, 'groove-120');
  const period = 60 / tapped.bpm;
  expect(corrected.firstBeatSec).toBeCloseTo(tapped.firstBeatSec + 0.02 + period / 8, 4);
  // The one moved one beat later, on the beat grid.
  expect((corrected.firstDownbeatSec - corrected.firstBeatSec) / period).toBeCloseTo(Math.round((corrected.firstDownbeatSec - corrected.firstBeatSec) / period), 4);
  expect(corrected.beatsPerBar).toBe(3);
  const summary = await details.getByTestId('grid-summary').textContent();
  expect(summary).toContain('corrected by hand');

  await page.reload();
  await page.getByRole('button', { name: 'Library' }).click();
  // The library loads from IndexedDB after the screen opens: wait for it.
  await expect.poll(() => trackOf(page, 'groove-120')).toEqual(corrected);
  await page.getByRole('button', { name: 'Details of groove-120' }).click();
  await expect(page.getByTestId('grid-summary')).toHaveText(summary!);
  // Escape closes the panel and gives the focus back to the row.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('track-details')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Details of groove-120' })).toBeFocused();
});

test('preview plays from the first downbeat with a click on every beat of the stored grid, and stops', async ({ page }) => {
  await openLibrary(page);
  await importGrooves(page, [groove(120, 'groove-120.wav', 20), groove(140, 'groove-140.wav', 20)]);
  const track = await trackOf(page, 'groove-120');

  await page.getByRole('button', { name: 'Preview groove-120' }).click();
  await expect(page.getByRole('button', { name: 'Stop preview of groove-120' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).montage.lastPreview()?.clicks.length ?? 0), { timeout: 10_000 }).toBeGreaterThan(4);
  const preview = await page.evaluate(() => (window as any).montage.lastPreview());
  expect(preview).toMatchObject({ trackId: track.id, status: 'playing', fromSec: track.firstDownbeatSec });
  const period = 60 / track.bpm;
  expect(preview.clicks[0].trackSec).toBeCloseTo(track.firstDownbeatSec, 6);
  for (const [i, click] of preview.clicks.entries()) {
    const beats = (click.trackSec - track.firstBeatSec) / period;
    expect(beats).toBeCloseTo(Math.round(beats), 6); // on a beat of the stored grid
    expect(click.ctxTime - preview.startCtxTime).toBeCloseTo(click.trackSec - preview.fromSec, 6); // at its exact audio time
    expect(click.accent).toBe(i % track.beatsPerBar === 0); // the first click is a downbeat
  }
  // The audio clock runs past the first clicks: the preview really plays.
  await expect.poll(() => page.evaluate(() => (window as any).montage.lastPreview().clicks.length), { timeout: 5_000 }).toBeGreaterThan(preview.clicks.length);

  // Another preview stops this one; a second press stops that.
  await page.getByRole('button', { name: 'Preview groove-140' }).click();
  await expect(page.getByRole('button', { name: 'Preview groove-120' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).montage.lastPreview()?.trackId)).not.toBe(track.id);
  await page.getByRole('button', { name: 'Stop preview of groove-140' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).montage.lastPreview().status)).toBe('stopped');
  expect(await page.evaluate(() => (window as any).montage.store.getState().preview)).toBeNull();

  // From a chosen position in the details panel.
  await page.getByRole('button', { name: 'Details of groove-120' }).click();
  await page.getByLabel('Preview from (seconds)').fill('5');
  await page.getByTestId('track-details').getByRole('button', { name: 'Preview', exact: true }).click();
  await expect.poll(() => page.evaluate(() => (window as any).montage.lastPreview()?.fromSec)).toBe(5);
  await expect.poll(() => page.evaluate(() => (window as any).montage.lastPreview().clicks.length)).toBeGreaterThan(0);
  const later = await page.evaluate(() => (window as any).montage.lastPreview());
  expect(later.clicks[0].trackSec).toBeGreaterThanOrEqual(5);
  expect(later.clicks[0].trackSec - 5).toBeLessThan(period);
  await page.getByTestId('track-details').getByRole('button', { name: 'Stop preview' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).montage.lastPreview().status)).toBe('stopped');
});

test('every broken or hostile audio file gets its catalogued behaviour, without a hang', async ({ page }) => {
  const names = readdirSync(BAD).filter((n) => /\.(mp3|m4a|wav|flac|ogg)$/.test(n));
  const longTitle = `Long ${'W'.repeat(600)} end`;
  const files = [
    ...names.map((name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(resolve(BAD, name)) })),
    { name: 'a-long-tags.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from(withId3Tags(readFileSync(resolve(BAD, 'a-tbpm-abc.mp3')), { TIT2: longTitle, TPE1: 'ab '.repeat(300).trim() })) },
  ];
  await openLibrary(page);
  await page.getByLabel('Import music').setInputFiles(files);
  await expect(page.getByText(`Import finished: ${files.length} of ${files.length}`)).toBeVisible({ timeout: 90_000 });

  // Errors name the file.
  await expect(page.getByText('a-empty.mp3: empty file')).toBeVisible();
  await expect(page.getByText(/a-random-bytes\.mp3: not an audio file/)).toBeVisible();
  await expect(page.getByText(/a-text-renamed\.m4a: not an audio file/)).toBeVisible();
  // Silence is imported, never given a tempo.
  await expect(rowOf(page, 'a-silence').getByTestId('track-bpm')).toHaveText('no beat found');
  expect((await trackOf(page, 'a-silence')).bpm).toBeNull();
  // Nonsense BPM tags are ignored: the analysed tempo is used.
  for (const title of ['a-tbpm--5', 'a-tbpm-99999', 'a-tbpm-abc']) {
    const t = await trackOf(page, title);
    expect(t.tagBpm).toBeNull();
    expect(t.status).toBe('ready');
    expect(t.bpm).toBeGreaterThan(40);
    expect(t.bpm).toBeLessThan(250);
  }
  // HTML in tags is text.
  await expect(rowOf(page, '<img src=x onerror="window.__pwned=1">')).toHaveCount(1);
  await expect(page.getByText('<script>window.__pwned=1</script>').filter({ visible: true })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  // Unicode (RTL override, emoji, Arabic) is shown and the row keeps its height.
  const unicodeRow = rows(page).filter({ hasText: '🏃' });
  await expect(unicodeRow).toHaveCount(1);
  await expect(unicodeRow).toContainText('محمد');
  // No SVG anywhere in the library: covers are raster (or the raster placeholder).
  await expect(page.locator('.library svg')).toHaveCount(0);
  const coverSources = await page.locator('img.cover').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
  expect(coverSources.every((src) => src.startsWith('data:image/png') || src.startsWith('blob:'))).toBe(true);
  expect((await trackOf(page, 'a-svg-cover')).coverId).toBeNull();

  // A long title is cut with an ellipsis in the table, the layout holds, and the details show it whole.
  const longRow = rows(page).filter({ hasText: 'Long WWW' });
  const cell = longRow.locator('.col-title .title-line');
  expect(await cell.evaluate((e) => [getComputedStyle(e).textOverflow, e.scrollWidth > e.clientWidth])).toEqual(['ellipsis', true]);
  for (const row of [longRow, unicodeRow]) expect((await row.boundingBox())!.height).toBeLessThan(60);
  const tableWidth = (await page.locator('.track-table').boundingBox())!.width;
  expect((await longRow.boundingBox())!.width).toBeLessThanOrEqual(tableWidth + 1);
  await page.getByRole('button', { name: /^Details of Long WWW/ }).click();
  await expect(page.getByTestId('details-title')).toHaveText(longTitle);
  await expect(page.getByTestId('details-status')).toHaveText('ready');
  await page.keyboard.press('Escape');

  // Everything else either imported or failed with a message naming it.
  for (const name of names) {
    const title = name.replace(/\.[^.]+$/, '');
    const listed = (await rowOf(page, title).count()) > 0 || (await page.locator('.failures li', { hasText: name }).count()) > 0;
    const tagged = name === 'a-html-tags.mp3' || name === 'a-unicode-tags.mp3';
    expect(listed || tagged, name).toBe(true);
  }
});

test('10,000 tracks: the table holds only a window of rows and scrolls to the last one', async ({ page }) => {
  await openLibrary(page);
  await expect(page.getByText('No tracks yet')).toBeVisible();
  const ms = await page.evaluate(async () => {
    const tracks = Array.from({ length: 10_000 }, (_, i) => ({
      id: `fake-${i}`, fileName: `track-${i}.mp3`, title: `Track ${String(i).padStart(5, '0')}`, artist: `Artist ${i % 97}`, album: '',
      durationSec: 180 + (i % 120), sizeBytes: 1, mimeType: 'audio/mpeg',
      grid: { bpm: 90 + (i % 90), firstBeatSec: 0.1, firstDownbeatSec: 0.1, beatsPerBar: 4, beats: null }, alternatives: [], confidence: 0.8, status: 'ready', corrected: false, tagBpm: null, gainDb: null, coverId: null, addedAt: i, source: 'user',
    }));
    const start = performance.now();
    (window as any).montage.store.setState({ tracks });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - start;
  });
  test.info().annotations.push({ type: 'render 10,000 rows (ms)', description: ms.toFixed(0) });
  console.log(`10,000-track table rendered in ${ms.toFixed(0)} ms`);
  await expect(page.getByText(/^10000 tracks/)).toBeVisible();
  expect(await rows(page).count()).toBeLessThan(100);

  const scrollMs = await page.locator('.track-scroll').evaluate(async (e) => {
    const start = performance.now();
    for (let i = 1; i <= 20; i++) {
      e.scrollTop = (e.scrollHeight * i) / 20;
      await new Promise((r) => requestAnimationFrame(r));
    }
    return (performance.now() - start) / 20;
  });
  test.info().annotations.push({ type: 'scroll frame with 10,000 rows (ms)', description: scrollMs.toFixed(1) });
  console.log(`10,000-track table: ${scrollMs.toFixed(1)} ms per scrolled frame`);
  await expect(rowOf(page, 'Track 09999')).toBeVisible();
  expect(await rows(page).count()).toBeLessThan(100);
});

test('on a 390 px phone a row shows the title and the artist on two lines, readable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLibrary(page);
  await page.evaluate(() => {
    const tracks = ['Blinding Lights', 'Lose Yourself to Dance'].map((title, i) => ({
      id: `phone-${i}`, fileName: `b-track-${i}.mp3`, title, artist: i ? 'Daft Punk' : 'The Weeknd', album: '',
      durationSec: 200, sizeBytes: 1, mimeType: 'audio/mpeg',
      grid: { bpm: 171, firstBeatSec: 0.1, firstDownbeatSec: 0.1, beatsPerBar: 4, beats: null }, alternatives: [], confidence: 0.9, status: 'ready', corrected: false, tagBpm: null, gainDb: null, coverId: null, addedAt: i, source: 'user',
    }));
    (window as any).montage.store.setState({ tracks });
  });
  const row = rowOf(page, 'Blinding Lights');
  const title = row.locator('.title-line');
  const artist = row.locator('.artist-line');
  await expect(title).toBeVisible();
  await expect(artist).toHaveText('The Weeknd');
  // Both lines whole (not "b-tr…"), the artist below the title, and the row within the screen.
  expect(await title.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  expect(await artist.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  const [t, a, r] = [await title.boundingBox(), await artist.boundingBox(), await row.boundingBox()];
  expect(a!.y).toBeGreaterThanOrEqual(t!.y + t!.height - 1);
  expect(t!.width).toBeGreaterThan(120);
  expect(r!.x + r!.width).toBeLessThanOrEqual(391);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('analysis can be cancelled: tracks wait as queued, and resume', async ({ page }) => {
  await openLibrary(page);
  const files = [100, 110, 120, 130, 140, 150, 160, 170].map((bpm) => groove(bpm, `long-${bpm}.wav`, 40));
  await page.getByLabel('Import music').setInputFiles(files);
  await page.getByRole('button', { name: 'Cancel analysis' }).click();
  await expect(page.getByText(/Analysis cancelled: \d+ of 8/)).toBeVisible();
  await expect(rows(page)).toHaveCount(8, { timeout: 30_000 });
  // Running analyses stop; whatever was not finished is queued, nothing stays "analyzing".
  await expect(page.locator('[data-testid="track-row"][data-status="analyzing"]')).toHaveCount(0, { timeout: 30_000 });
  const queued = await page.locator('[data-testid="track-row"][data-status="queued"]').count();
  expect(queued).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(await page.locator('[data-testid="track-row"][data-status="queued"]').count()).toBe(queued);

  await page.getByRole('button', { name: 'Resume analysis' }).click();
  await expect(page.getByText('Import finished: 8 of 8')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-testid="track-row"][data-status="ready"]')).toHaveCount(8);
});
