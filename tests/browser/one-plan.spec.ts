import { test, expect, type Page } from '@playwright/test';

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
    await page.getByRole('button', { name: 'Back to start' }).click();
  }
});
