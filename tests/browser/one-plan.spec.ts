import { test, expect, type Page } from '@playwright/test';
import { grooveFile, importTracks, startDemo } from '../helpers/pwa-page';

// One plan: what the Music plan shows is what the engine plays; the screen follows the audio clock,
// so the count-in and the first words are shown on every start, even while the page is busy.

const seconds = (clock: string) => {
  const [m, s] = clock.split(':');
  return Number(m) * 60 + Number(s);
};

// Every text the step heading and the announcement ever show, from before the start.
async function watchScreen(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as any).__seen = seen;
    new MutationObserver(() => {
      for (const el of Array.from(document.querySelectorAll('[data-testid="current-step"], .announcement'))) {
        const t = el.textContent ?? '';
        if (seen[seen.length - 1] !== t) seen.push(t);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('the Music plan shows the track changes the engine plays, to the tenth of a second', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Playlists' }).click();
  await page.getByRole('button', { name: 'Music plan' }).click();
  await page.getByLabel('Workout', { exact: true }).selectOption('template-demo-3030');
  const rows = page.getByTestId('plan-segment-when');
  await expect(rows.first()).toBeVisible();
  const shown = (await rows.allTextContents()).map((t) => t.split('–').map((c) => seconds(c.trim())));
  const shownWarnings = await page.getByRole('list', { name: 'Planner warnings' }).getByRole('listitem').allTextContents().catch(() => []);

  await page.getByRole('button', { name: 'Player' }).click();
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
  const played = await page.evaluate(() => {
    const m = (window as any).montage;
    const program = m.engine().playing;
    return {
      same: program === m.store.getState().player.program,
      // The music of the last part runs on past the finish; the plan shows it up to the end of the workout.
      segments: program.segments.map((s: any) => [s.startSec, Math.min(s.endSec, program.endSec)]),
      warnings: program.warnings,
    };
  });
  expect(played.same).toBe(true);
  expect(played.segments.length).toBe(shown.length);
  for (const [i, [start, end]] of played.segments.entries()) {
    expect(Math.abs(shown[i][0] - start), `part ${i + 1} starts`).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(shown[i][1] - end), `part ${i + 1} ends`).toBeLessThanOrEqual(0.05 + 1e-9);
  }
  expect(played.warnings).toEqual(shownWarnings);
});

test('the count-in and the first announcement are shown on every start, even with a busy main thread', async ({ page }) => {
  await page.goto('/');
  for (let run = 0; run < 3; run++) {
    await watchScreen(page);
    // Long tasks on the main thread while the workout starts: frames are late, none of the screen is lost.
    await page.evaluate(() => {
      const until = performance.now() + 4000;
      const hog = () => {
        const end = performance.now() + 120;
        while (performance.now() < end);
        if (performance.now() < until) setTimeout(hog, 10);
      };
      setTimeout(hog, 0);
    });
    await page.getByRole('button', { name: 'Start workout' }).click();
    await expect(page.getByTestId('current-step')).toHaveText('Warm-up', { timeout: 30_000 });
    await expect(page.locator('.announcement')).toHaveText('Warm up. Find the beat.');
    const seen: string[] = await page.evaluate(() => (window as any).__seen);
    expect(seen.some((t) => /^Starting in [123]$/.test(t)), `count-in shown (run ${run + 1}: ${seen.join(' | ')})`).toBe(true);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'End workout' }).click();
    await page.getByRole('button', { name: 'Back to start' }).click();
  }
});

test('skipping steps and tracks with the user\'s own, tempo-matched music schedules everything with its time (no Tone warning)', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  await page.goto('/');
  await importTracks(page, [grooveFile(166, 'own-166.wav', 12), grooveFile(148, 'own-148.wav', 12), grooveFile(126, 'own-126.wav', 12)]);
  // Let the player change the music's speed, so tracks are tempo-matched to the steps.
  await page.evaluate(() => (window as any).montage.store.getState().setMusicChoice('template-demo-3030', { maxTempoChangePct: 8 }));
  await startDemo(page);
  const stretched = await page.evaluate(() => (window as any).montage.store.getState().player.program.segments.some((s: any) => Math.abs(s.playbackRate - 1) > 1e-3));
  expect(stretched, 'the plan tempo-matches some of the music').toBe(true);
  await expect(page.getByTestId('current-step')).toHaveText('Warm-up', { timeout: 30_000 });
  for (let i = 0; i < 4; i++) {
    const before = await page.getByTestId('current-step').textContent();
    await page.getByRole('button', { name: 'Skip step' }).click();
    await expect.poll(async () => (await page.evaluate(() => (window as any).montage.store.getState().player.phase.status))).toMatch(/running|countdown/);
    if (i < 3) await expect(page.getByTestId('current-step')).not.toHaveText(before!);
    await page.waitForTimeout(700);
  }
  await page.getByRole('button', { name: 'Skip track' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
  await expect(page.getByRole('heading', { name: 'Workout stopped' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to start' }).click();

  // A short workout played to its end: the finish (which frees the engine from the audio clock's tick) too.
  await page.evaluate(async () => {
    const s = (window as any).montage.store.getState();
    await s.addWorkoutText('8s work 160bpm; 8s easy 150bpm', 'Short one');
    const w = (window as any).montage.store.getState().workouts.find((x: any) => x.name === 'Short one');
    (window as any).montage.store.getState().selectWorkout(w.id);
  });
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByRole('heading', { name: 'Workout done' })).toBeVisible({ timeout: 60_000 });
  expect(warnings.filter((w) => /Schedulable methods/.test(w))).toEqual([]);
});
