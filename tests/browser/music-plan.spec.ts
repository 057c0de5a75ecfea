import { test, expect, type Page } from '@playwright/test';
import { grooveFile, importTracks } from '../helpers/pwa-page';

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

// Adds a workout from its text and returns its id.
async function addWorkout(page: Page, text: string, name: string): Promise<string> {
  return page.evaluate(async ([t, n]) => {
    const store = (window as any).montage.store;
    await store.getState().addWorkoutText(t, n);
    return store.getState().workouts.find((w: any) => w.name === n).id as string;
  }, [text, name]);
}

// Each Music plan row's "m:ss.s–m:ss.s", as seconds, with the text itself.
async function rowTimes(page: Page) {
  const texts = await page.getByTestId('plan-segment-when').allTextContents();
  const sec = (c: string) => c.trim().split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return texts.map((text) => {
    const [from, to] = text.split('–');
    return { text, from: from.trim(), to: to.trim(), startSec: sec(from), endSec: sec(to) };
  });
}

test('warnings and rows write BPM one way: "at 120 BPM" for a one-tempo step, "128 BPM" not "128.0 BPM"', async ({ page }) => {
  await page.goto('/');
  const id = await addWorkout(page, '5m 120bpm; 1m 150-150bpm', 'Steady 120');
  await openPlan(page, id);
  const warnings = page.getByRole('list', { name: 'Planner warnings' }).getByRole('listitem');
  await expect(warnings.first()).toHaveText('Step 1 "Work": no tracks at 120 BPM: closest is 128');
  await expect(warnings).not.toContainText([/between (\d+) and \1 BPM/]);
  const bpmTexts = await page.locator('[data-testid="plan-segment"] .bpm').allTextContents();
  expect(bpmTexts.length).toBeGreaterThan(0);
  for (const t of bpmTexts) expect(t, t).toMatch(/^\d+(\.[1-9])? BPM/);
  expect(bpmTexts.join(' ')).not.toMatch(/\.0 BPM/);
});

test('a track that runs out just before a step ends plays on: no "0:10.0–0:10.0" row of another track', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await importTracks(page, [grooveFile(120, 'groove-120.wav', 12), grooveFile(165, 'groove-165.wav', 40)]);
  // Where the 120 groove's whole bars end, from its analysed grid: the step is made 0.04 s longer than that.
  const availSec = await page.evaluate(() => {
    const t = (window as any).montage.store.getState().tracks.find((x: any) => x.grid && x.grid.bpm < 140);
    const g = t.grid;
    const bar = (60 / g.bpm) * g.beatsPerBar;
    const first = ((g.firstDownbeatSec % bar) + bar) % bar;
    return g.beats === null ? Math.floor((t.durationSec - first + 1e-6) / bar) * bar : null;
  });
  expect(availSec, 'a steady grid from the analysis').not.toBeNull();
  const stepSec = Math.round((availSec! + 0.04) * 100) / 100;
  const id = await addWorkout(page, `${stepSec}s 110-130bpm; 20s 160-170bpm`, 'Near miss');
  await openPlan(page, id);
  const rows = await rowTimes(page);
  for (const r of rows) {
    expect(r.to, `row ${r.text}`).not.toBe(r.from);
    expect(r.endSec - r.startSec, `row ${r.text}`).toBeGreaterThanOrEqual(2);
  }
  // The 120 groove plays the whole first step (past its last bar), then the 165 groove: two rows.
  expect(rows.length).toBe(2);
  expect(Math.abs(rows[0].endSec - stepSec)).toBeLessThanOrEqual(0.05 + 1e-9);
  await expect(page.getByTestId('plan-segment-title').nth(0)).toHaveText(/120/);
});

test('an "any music" cool-down plays every track in turn, not one track over and over', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await importTracks(page, [100, 112, 124, 136].map((bpm) => grooveFile(bpm, `groove-${bpm}.wav`, 12)));
  const id = await addWorkout(page, '8s 118-130bpm; 3m cooldown', 'Long cool-down');
  await openPlan(page, id);
  const titles = await page.getByTestId('plan-segment-title').allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(8);
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  expect(counts.size, titles.join(' | ')).toBe(4);
  expect(Math.max(...counts.values()) - Math.min(...counts.values()), titles.join(' | ')).toBeLessThanOrEqual(1);
  for (let i = 1; i < titles.length; i += 1) expect(titles[i], `row ${i + 1} repeats row ${i}`).not.toBe(titles[i - 1]);
});
