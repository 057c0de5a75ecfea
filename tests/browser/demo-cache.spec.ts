import { test, expect, type Page } from '@playwright/test';

// The demo loops are rendered once and kept in OPFS: a later visit reads them back instead of rendering, a
// damaged file is rendered again, and a browser without OPFS still starts (it renders every time).

const stats = (page: Page) => page.evaluate(() => (window as any).montage.demoStats() as { rendered: number; fromCache: number; notKept: number });

// The names and sizes of the kept loops (Chromium's .crswap files of writes under way left out).
const keptLoops = (page: Page) => page.evaluate(async () => {
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('demo', { create: true });
  const kept: { name: string; size: number }[] = [];
  for await (const handle of (dir as any).values()) {
    if (handle.name.endsWith('.pcm')) kept.push({ name: handle.name, size: (await handle.getFile()).size });
  }
  return kept.filter((f) => f.size > 0).sort((a, b) => a.name.localeCompare(b.name));
});

// Presses Start and waits until the first demo track is really playing.
async function startAndHearMusic(page: Page) {
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => (window as any).montage.engine()?.musicStarts[0]?.trackId ?? null), { timeout: 60_000 }).toBe('demo-128');
}

async function stop(page: Page) {
  await page.evaluate(() => (window as any).montage.store.getState().stopWorkout());
}

// A first visit: nothing is rendered before Start; the workout renders its first loop, then the two others
// while it plays, and keeps all three.
async function firstVisit(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start workout' })).toBeVisible();
  expect(await stats(page)).toEqual({ rendered: 0, fromCache: 0, notKept: 0 });
  await startAndHearMusic(page);
  await expect.poll(async () => (await keptLoops(page)).length, { timeout: 90_000 }).toBe(3);
  expect(await stats(page)).toEqual({ rendered: 3, fromCache: 0, notKept: 0 });
  await stop(page);
}

test('a later visit starts from the kept loops without rendering and plays them; loops of an older renderer are removed', async ({ page }) => {
  test.setTimeout(180_000);
  await firstVisit(page);
  const first = await keptLoops(page);
  expect(first.map((f) => f.name)).toEqual([expect.stringMatching(/^demo-128-r\d+-[0-9a-f]{8}\.pcm$/), expect.stringMatching(/^demo-150-/), expect.stringMatching(/^demo-172-/)]);
  // 15 s of stereo 32-bit audio at 44.1 kHz, its header and checksum.
  expect(first[0].size).toBe(32 + 20 + 2 * 4 * Math.round(15 * 44100));
  // A loop kept by an older renderer: never read, removed on the next use of the demo.
  await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('demo');
    const writable = await (await dir.getFileHandle('demo-128-r1-00000000.pcm', { create: true })).createWritable();
    await writable.write(new Uint8Array(4096).fill(7));
    await writable.close();
  });

  await page.reload();
  await startAndHearMusic(page);
  // Every demo loop of this workout comes from the cache once loaded; none was rendered.
  await expect.poll(async () => (await stats(page)).fromCache, { timeout: 30_000 }).toBe(3);
  expect((await stats(page)).rendered).toBe(0);
  const played = await page.evaluate(() => {
    const engine = (window as any).montage.engine();
    return { firstTrack: engine.playing.segments[0].trackId, musicStarts: engine.musicStarts.length };
  });
  expect(played).toEqual({ firstTrack: 'demo-128', musicStarts: 1 });
  await stop(page);
  await expect.poll(() => keptLoops(page), { timeout: 15_000 }).toEqual(first);
  // The kept loop is real music: the engine rendered offline on it is loud, and nothing was rendered anew.
  const rms = await page.evaluate(async () => {
    const m = (window as any).montage;
    const render = await m.renderOffline(m.store.getState().selectedWorkoutId, { fromSec: 0, durationSec: 2, include: 'music' });
    const samples: Float32Array = render.samples;
    return Math.sqrt(samples.reduce((sum: number, x: number) => sum + x * x, 0) / samples.length);
  });
  expect(rms).toBeGreaterThan(0.02);
  expect((await stats(page)).rendered).toBe(0);
});

test('a damaged kept loop is rendered again, kept again, and read back on the next visit', async ({ page }) => {
  test.setTimeout(240_000);
  await firstVisit(page);
  const first = await keptLoops(page);
  const damaged = first.find((f) => f.name.startsWith('demo-128-'))!.name;
  // Flip bytes in the middle of the samples: the file keeps its size, its checksum no longer matches.
  await page.evaluate(async (name) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('demo');
    const handle = await dir.getFileHandle(name);
    const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
    for (let i = 1_000_000; i < 1_000_064; i++) bytes[i] ^= 0xff;
    const writable = await handle.createWritable();
    await writable.write(bytes);
    await writable.close();
  }, damaged);

  await page.reload();
  await startAndHearMusic(page);
  // The damaged loop was rendered (the start still played it); the two others were read.
  await expect.poll(async () => stats(page), { timeout: 60_000 }).toEqual({ rendered: 1, fromCache: 2, notKept: 0 });
  await stop(page);
  await expect.poll(async () => (await keptLoops(page)).map((f) => f.size), { timeout: 30_000 }).toEqual(first.map((f) => f.size));

  await page.reload();
  await startAndHearMusic(page);
  await expect.poll(async () => (await stats(page)).fromCache, { timeout: 30_000 }).toBe(3);
  expect((await stats(page)).rendered).toBe(0);
  await stop(page);
});

test('without OPFS the demo still starts: its loops are rendered', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    Object.defineProperty(StorageManager.prototype, 'getDirectory', { value: () => Promise.reject(new DOMException('no OPFS here', 'SecurityError')) });
  });
  await page.goto('/');
  await startAndHearMusic(page);
  const s = await stats(page);
  expect(s.rendered).toBeGreaterThanOrEqual(1);
  expect(s.fromCache).toBe(0);
  await stop(page);
});

test('with storage full the demo still starts: the loops it could not keep are rendered and counted', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    Object.defineProperty(FileSystemWritableFileStream.prototype, 'write', { value: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) });
  });
  await page.goto('/');
  await startAndHearMusic(page);
  await expect.poll(async () => (await stats(page)).notKept, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  expect(await keptLoops(page)).toEqual([]);
  await stop(page);
});

test('the count-in does not wait for the music: a loop rendered late joins the workout on its beat', async ({ page }) => {
  test.setTimeout(120_000);
  // Every render longer than a second of audio (the demo loops, not Tone's start-up checks) waits for the test.
  await page.addInitScript(() => {
    const render = OfflineAudioContext.prototype.startRendering;
    let release = () => {};
    const released = new Promise<void>((resolve) => { release = resolve; });
    Object.assign(window, { releaseRenders: () => release() });
    OfflineAudioContext.prototype.startRendering = function (this: OfflineAudioContext) {
      return this.length > this.sampleRate ? released.then(() => render.call(this)) : render.call(this);
    };
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Start workout' }).click();
  // The count-in runs and the first step begins with no loop rendered.
  await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => (window as any).montage.store.getState().positionNow() as number), { timeout: 30_000 }).toBeGreaterThan(0.5);
  expect(await page.evaluate(() => (window as any).montage.engine().musicStarts.length)).toBe(0);
  expect((await stats(page)).rendered).toBe(0);

  await page.evaluate(() => (window as any).releaseRenders());
  await expect.poll(() => page.evaluate(() => (window as any).montage.engine().musicStarts.length as number), { timeout: 60_000 }).toBeGreaterThan(0);
  const late = await page.evaluate(() => {
    const m = (window as any).montage;
    const phase = m.store.getState().player.phase;
    const engine = m.engine();
    const started = engine.musicStarts[0];
    const segment = engine.playing.segments[0];
    // The workout position it starts at, and the second of the loop that belongs there.
    const positionSec = phase.offsetSec + (started.ctxTime - phase.startedAtCtx);
    const loopSec = (8 * 4 * 60) / 128;
    const expectedSec = ((positionSec - segment.startSec) * segment.playbackRate + segment.trackOffsetSec) % loopSec;
    return { trackId: started.trackId, positionSec, offsetSec: started.offsetSec, expectedSec, rate: segment.playbackRate };
  });
  expect(late.trackId).toBe('demo-128');
  expect(late.positionSec).toBeGreaterThan(0.5);
  expect(Math.abs(late.offsetSec - late.expectedSec)).toBeLessThan(0.001);
  await stop(page);
});
