import { test, expect, type Page } from '@playwright/test';

// The Music plan as a new user meets it: a chart they can read on a phone, warnings in plain words,
// rows that never read "10:30.0–10:30.0", and a cool-down that plays the whole pool instead of one track.

async function openPlan(page: Page, workoutId: string) {
  await page.getByRole('button', { name: 'Playlists' }).click();
  await page.getByRole('button', { name: 'Music plan' }).click();
  await page.getByLabel('Workout', { exact: true }).selectOption(workoutId);
  await expect(page.getByTestId('plan-segment').first()).toBeVisible();
}

interface Box { text: string; x: number; y: number; w: number; h: number; fontPx: number }

// Every piece of text in the chart with its box on screen and its computed font size.
async function chartTexts(page: Page): Promise<Box[]> {
  return page.locator('figure.plan-chart').evaluate((fig) => {
    const out: Box[] = [];
    const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent?.trim() || el.closest('details:not([open]) > :not(summary)') || el.closest('svg')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      out.push({ text: n.textContent.trim(), x: r.x, y: r.y, w: r.width, h: r.height, fontPx: parseFloat(getComputedStyle(el).fontSize) });
    }
    return out;
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

for (const colorScheme of ['dark', 'light'] as const) {
  test(`the Music plan chart reads on a 390 px phone (${colorScheme}): axis titles, legend, no cut or overlapping labels, no sideways scroll`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto('/');
    await openPlan(page, 'template-demo-3030');
    const chart = page.getByRole('figure', { name: 'Tempo over the workout' });
    await expect(chart).toBeVisible();
    await expect(chart.getByRole('img')).toHaveAccessibleName(/^Target tempo and music tempo over 10:00: 14 steps, \d+ music parts/);
    await expect(chart.getByText('BPM', { exact: true })).toBeVisible();
    await expect(chart.getByText('Time into the workout (min:s)')).toBeVisible();
    const legend = chart.getByRole('list', { name: 'Legend' }).getByRole('listitem');
    await expect(legend).toHaveText(['Target range of a step (colour: its kind)', 'Music tempo, as it counts for the step', 'Music that misses the target']);

    const box = (await chart.boundingBox())!;
    const texts = await chartTexts(page);
    expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(['0:00', '2:00', '4:00', '6:00', '8:00', '10:00']));
    for (const t of texts) {
      expect(t.fontPx, `"${t.text}" font size`).toBeGreaterThanOrEqual(10);
      // Inside the chart and the screen: nothing cut off.
      expect(t.x, `"${t.text}" left edge`).toBeGreaterThanOrEqual(Math.max(0, box.x) - 0.5);
      expect(t.x + t.w, `"${t.text}" right edge`).toBeLessThanOrEqual(Math.min(390, box.x + box.width) + 0.5);
    }
    for (let i = 0; i < texts.length; i += 1) {
      for (let j = i + 1; j < texts.length; j += 1) expect(overlap(texts[i], texts[j]), `"${texts[i].text}" overlaps "${texts[j].text}"`).toBe(false);
    }
    // The plot itself is as wide as the chart allows, not a shrunken picture.
    const plot = (await chart.locator('svg.plot').boundingBox())!;
    expect(plot.width).toBeGreaterThan(250);
    expect(plot.height).toBeGreaterThan(120);
    const scroll = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll.width, 'no sideways scroll').toBeLessThanOrEqual(scroll.client);

    // The same data as a table: one row per step, with its target and the music heard.
    await chart.getByText('Show the chart as a table').click();
    const rows = chart.getByRole('table', { name: 'Target and music tempo per step' }).locator('tbody tr');
    await expect(rows).toHaveCount(14);
    await expect(rows.first()).toContainText('1. Warm-up');
    await expect(rows.first()).toContainText('120–140 BPM');
    await expect(rows.last()).toContainText('100–120 BPM');
    await expect(rows.nth(1)).toContainText(/17\d BPM|8\d(\.\d)? BPM/);
    const opened = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(opened.width, 'no sideways scroll with the table open').toBeLessThanOrEqual(opened.client);
    await chart.screenshot({ path: test.info().outputPath(`plan-chart-${colorScheme}.png`) });
    await context.close();
  });
}
