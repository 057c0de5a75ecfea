import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startDemo } from '../helpers/pwa-page';
import { openProgress, seedLog } from '../helpers/progress-page';
import { DAY_MS, intervalSteps, logEntry } from '../helpers/log-entries';

// Progress stays true: across two tabs, through a backup restored in a fresh browser, on a 360 px phone in the
// dark theme, and from the manifest shortcut. Every wait is for a real state.

const position = (page: Page) => page.evaluate(() => (window as any).montage.store.getState().positionNow() as number);
const items = (page: Page) => page.getByRole('list', { name: 'Workouts' }).getByRole('listitem');
const item = (page: Page, id: string) => page.locator(`li[data-entry-id="${id}"]`);

test('two tabs: a workout logged and rated in one shows on the other tab\'s Progress screen without a reload, and back', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/');
  await b.goto('/');
  await openProgress(b);
  await expect(b.getByText('No workouts yet')).toBeVisible();
  // Set on B's window: a reload of B would lose it.
  await b.evaluate(() => Object.assign(window, { notReloaded: true }));

  await startDemo(a);
  await expect.poll(() => position(a), { timeout: 20_000 }).toBeGreaterThan(3);
  await a.getByRole('button', { name: 'Stop' }).click();
  await a.getByRole('button', { name: 'End workout' }).click();
  await expect(a.getByRole('heading', { name: 'Workout stopped' })).toBeVisible();
  const time = (await a.getByTestId('summary-time').textContent())!;

  await expect(items(b)).toHaveCount(1);
  await expect(items(b).getByTestId('log-time')).toHaveText(time);
  await expect(items(b).getByTestId('log-effort')).toHaveText('effort not rated');
  await expect(b.getByTestId('week-workouts')).toHaveText('1');

  // Rated in A: B shows the effort, and its own picker says it is saved.
  await a.getByRole('radiogroup', { name: 'Effort' }).getByRole('radio', { name: /^6\b/ }).check();
  await a.getByRole('button', { name: 'Save' }).click();
  await expect(a.getByText('Saved: effort 6 of 10 (Harder).')).toBeVisible();
  await expect(items(b).getByTestId('log-effort')).toHaveText('effort 6 · Harder');
  await items(b).locator('summary').click();
  await expect(items(b).getByText('Saved: effort 6 of 10 (Harder).')).toBeVisible();
  await expect(items(b).getByRole('radio', { name: /^6\b/ })).toBeChecked();

  // Changed in B: A's Progress screen and its summary follow.
  await items(b).getByRole('radio', { name: /^4\b/ }).check();
  await items(b).getByRole('button', { name: 'Save' }).click();
  await expect(items(b).getByTestId('log-effort')).toHaveText('effort 4 · Somewhat hard');
  await expect(a.getByText('Saved: effort 4 of 10 (Somewhat hard).')).toBeVisible();
  await openProgress(a);
  await expect(items(a).getByTestId('log-effort')).toHaveText('effort 4 · Somewhat hard');
  expect(await b.evaluate(() => (window as any).notReloaded)).toBe(true);
});

test('backup → restore in a fresh browser: the log comes back with its efforts, merged with what is there, in its other tab too, and stays after a reload', async ({ page, browser }) => {
  const now = Date.now();
  const shared = logEntry({ id: 'shared', workoutName: 'Hill repeats', startedAt: now - 2 * DAY_MS, steps: intervalSteps(150), effort: 7 });
  const onlyBackup = logEntry({ id: 'only-backup', workoutName: 'Tempo run', startedAt: now - 3 * DAY_MS, steps: intervalSteps(140), effort: 5 });
  await page.goto('/');
  await seedLog(page, [shared, onlyBackup]);
  await page.getByRole('button', { name: 'Library' }).click();
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Full backup' }).click();
  const backup = await waiting;
  const text = readFileSync((await backup.path())!, 'utf8');
  const log = JSON.parse(text).log as { id: string; effort: number | null; steps: unknown[] }[];
  expect(log.map((e) => [e.id, e.effort, e.steps.length]).sort()).toEqual([['only-backup', 5, 4], ['shared', 7, 4]]);

  // The fresh browser has its own workout, and the shared one unrated (as if rated only on the first device).
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  const own = logEntry({ id: 'own', workoutName: 'Sprints', startedAt: now - DAY_MS, steps: intervalSteps(160), effort: 8 });
  await seedLog(other, [own, { ...shared, effort: null }]);
  await openProgress(other);
  await expect(items(other)).toHaveCount(2);
  await expect(item(other, 'shared').getByTestId('log-effort')).toHaveText('effort not rated');
  // A second tab of the fresh browser watches its Progress screen during the restore.
  const watcher = await fresh.newPage();
  await watcher.goto('/');
  await openProgress(watcher);
  await expect(items(watcher)).toHaveCount(2);

  await other.getByRole('button', { name: 'Library' }).click();
  await other.getByLabel('Restore backup').setInputFiles({ name: backup.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(other.getByTestId('backup-message')).toContainText('2 log entries');
  await expect(other.getByTestId('backup-message')).toContainText('Nothing already stored was lost.');
  // The store read the log again with the restore, before any screen asked for it.
  expect(await other.evaluate(() => (window as any).montage.store.getState().history.map((h: { id: string; effort: number | null }) => [h.id, h.effort])))
    .toEqual([['own', 8], ['shared', 7], ['only-backup', 5]]);

  const check = async () => {
    await openProgress(other);
    await expect(items(other)).toHaveCount(3);
    await expect(item(other, 'own').getByTestId('log-effort')).toHaveText('effort 8 · Very, very hard');
    await expect(item(other, 'shared').getByTestId('log-effort')).toHaveText('effort 7 · Very hard');
    await expect(item(other, 'only-backup').getByTestId('log-effort')).toHaveText('effort 5 · Hard');
    await expect(item(other, 'only-backup').getByTestId('log-time')).toHaveText('10:00');
  };
  await check();
  await expect(items(watcher)).toHaveCount(3);
  await expect(item(watcher, 'shared').getByTestId('log-effort')).toHaveText('effort 7 · Very hard');
  await other.reload();
  await check();
  await fresh.close();
});

test('at 360×740 in the dark theme the charts fit and are readable: no sideways scrolling, axis labels present and apart', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  const now = Date.now();
  await seedLog(page, Array.from({ length: 24 }, (_, i) => logEntry({
    id: `e${i}`, startedAt: now - i * 3.5 * DAY_MS, activeSec: 600 + 300 * (i % 7), steps: intervalSteps(120 + 3 * (i % 9)), effort: 3 + (i % 6),
  })));
  await openProgress(page);
  await expect(items(page)).toHaveCount(24);
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);

  const layout = await page.evaluate(() => {
    const box = (el: Element) => el.getBoundingClientRect();
    const chart = document.querySelector('[data-testid="minutes-chart"]')!;
    // The chart is drawn 360 units wide: a label's size on screen is its font size scaled to the chart's width.
    const scale = box(chart).width / 360;
    const labels = Array.from(chart.querySelectorAll('text.axis')).map((t) => ({ text: t.textContent ?? '', box: box(t), fill: getComputedStyle(t).fill, fontPx: parseFloat(getComputedStyle(t).fontSize) * scale }));
    const card = chart.closest('.progress-card')!;
    return {
      pageWidth: document.documentElement.scrollWidth,
      viewWidth: document.documentElement.clientWidth,
      chart: box(chart),
      labels,
      cardBackground: getComputedStyle(card).backgroundColor,
      calendar: box(document.querySelector('table.calendar')!),
      calendarScroll: box(document.querySelector('.calendar-scroll')!),
      calendarWeeks: Array.from(document.querySelectorAll('th.calendar-week')).filter((th) => th.textContent).map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return { text: th.textContent ?? '', box: range.getBoundingClientRect() };
      }),
    };
  });
  expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewWidth);
  expect(layout.chart.left).toBeGreaterThanOrEqual(0);
  expect(layout.chart.right).toBeLessThanOrEqual(360);
  // Three values up the side and a date every third week along the bottom.
  const values = layout.labels.filter((l) => /^\d+$/.test(l.text));
  const dates = layout.labels.filter((l) => !/^\d+$/.test(l.text));
  expect(values).toHaveLength(3);
  expect(dates).toHaveLength(4);
  for (const l of layout.labels) {
    expect(l.text.trim()).not.toBe('');
    expect(l.box.left).toBeGreaterThanOrEqual(layout.chart.left - 1);
    expect(l.box.right).toBeLessThanOrEqual(layout.chart.right + 1);
    // Large enough to read on a phone.
    expect(l.fontPx).toBeGreaterThanOrEqual(10);
  }
  for (let i = 1; i < dates.length; i++) expect(dates[i].box.left).toBeGreaterThan(dates[i - 1].box.right);
  // Light labels on a dark card: enough contrast to read (WCAG AA for text, 4.5:1).
  expect(contrast(layout.labels[0].fill, layout.cardBackground)).toBeGreaterThanOrEqual(4.5);
  // The calendar fits the card (no scrolling inside it either), and its week dates are not cut off at its edge.
  expect(layout.calendar.right).toBeLessThanOrEqual(layout.calendarScroll.right + 1);
  expect(layout.calendarWeeks.length).toBeGreaterThanOrEqual(3);
  for (const w of layout.calendarWeeks) expect(w.box.right).toBeLessThanOrEqual(layout.calendarScroll.right + 1);

  // The numbers behind the chart are there as a table too.
  await page.getByText('Minutes per week as a table').click();
  await expect(page.locator('.chart-table tbody tr')).toHaveCount(12);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await context.close();
});

test('the manifest\'s Progress shortcut opens the Progress screen', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(href!)).json();
  const shortcut = manifest.shortcuts.find((s: { name: string }) => s.name === 'Progress');
  expect(shortcut).toMatchObject({ short_name: 'Progress', url: '/?screen=progress' });
  await page.goto(shortcut.url);
  await expect(page.getByRole('heading', { name: 'Progress', level: 2 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' })).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => new URL(page.url()).search).toBe('');
});

test('the Progress screen and its charts load only when opened: not part of the first load', async ({ page }) => {
  const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start workout' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect((await scripts()).join(' ')).not.toMatch(/ProgressScreen/);
  await openProgress(page);
  await expect.poll(async () => (await scripts()).join(' ')).toMatch(/ProgressScreen/);
});

/** The WCAG contrast ratio of two CSS `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
