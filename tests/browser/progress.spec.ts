import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { openProgress, seedLog } from '../helpers/progress-page';
import { DAY_MS, intervalSteps, logEntry } from '../helpers/log-entries';

// The Progress journey: stop the demo, rate it, find it on Progress, reload, export TCX (valid) and CSV.

const XSD = readFileSync(new URL('../fixtures/tcx/TrainingCenterDatabasev2.xsd', import.meta.url), 'utf8');
const position = (page: Page) => page.evaluate(() => (window as any).montage.store.getState().positionNow() as number);

async function download(page: Page, button: string) {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('stop the demo, rate it, find it on Progress with its time and effort, reload, export a valid TCX and a CSV row', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();
  await expect(page.getByText('No workouts yet')).toBeVisible();

  // Warm up a little, skip into the first work step, work a little, stop.
  await page.getByRole('button', { name: 'Player' }).click();
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => position(page), { timeout: 20_000 }).toBeGreaterThan(3);
  await page.getByRole('button', { name: 'Skip step' }).click();
  const workFrom = await position(page);
  await expect.poll(async () => (await position(page)) - workFrom, { timeout: 20_000 }).toBeGreaterThan(3);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
  await expect(page.getByRole('heading', { name: 'Workout stopped' })).toBeVisible();
  const time = (await page.getByTestId('summary-time').textContent())!;

  await expect(page.getByRole('heading', { name: 'How hard was it?' })).toBeVisible();
  const effort = page.getByRole('radiogroup', { name: 'Effort' });
  await expect(effort.getByRole('radio')).toHaveCount(11);
  await effort.getByRole('radio', { name: /^7\b/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved: effort 7 of 10 (Very hard).')).toBeVisible();
  await page.getByRole('button', { name: 'Back to start' }).click();

  const checkProgress = async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();
    const list = page.getByRole('list', { name: 'Workouts' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByTestId('log-time')).toHaveText(time);
    await expect(list.getByTestId('log-effort')).toHaveText('effort 7 · Very hard');
    await expect(page.getByTestId('week-workouts')).toHaveText('1');
    await expect(page.getByTestId('week-minutes')).not.toHaveText('0 min');
    await expect(page.getByTestId('streak')).toContainText('1 week in a row');
    const chart = page.getByRole('img', { name: /minutes exercised per week over the last 12 weeks/ });
    await expect(chart).toBeVisible();
    expect(Number(await chart.locator('rect.bar.current').getAttribute('data-minutes'))).toBeGreaterThan(0);
    await expect(page.getByTestId('tempo-verdict')).toContainText('Not enough workouts yet');
    await expect(page.getByTestId('tempo-verdict')).toContainText('Rate 5 more');
    // Opened: the steps done and skipped, the tracks heard.
    await list.getByRole('listitem').locator('summary').click();
    await expect(list.getByRole('table')).toContainText('skipped');
    await expect(list).toContainText('Tracks heard:');
  };
  await checkProgress();
  await page.reload();
  await checkProgress();

  const tcx = await download(page, 'Export TCX');
  expect(tcx.name).toMatch(/\.tcx$/);
  const checked = await validateXML({ xml: [{ fileName: 'export.tcx', contents: tcx.text }], schema: [{ fileName: 'TrainingCenterDatabasev2.xsd', contents: XSD }] });
  expect(checked.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(tcx.text.match(/<Activity /g)).toHaveLength(1);
  expect(tcx.text).toContain('effort 7/10');

  const csv = await download(page, 'Export CSV');
  const rows = csv.text.trim().split('\r\n');
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain('30/30 HIIT');
  expect(rows[1].split(',')[8]).toBe('7');
});

test('effort by music tempo: "not enough" says how many more, then the comparison says the averages, counts and difference truthfully', async ({ page }) => {
  const now = Date.now();
  // Work steps to faster music felt easier: efforts 5, 6, 4 at 140–150 BPM; 7, 8, 8 at 118–124 BPM.
  const session = (id: string, daysAgo: number, workBpm: number, effort: number | null) =>
    logEntry({ id, startedAt: now - daysAgo * DAY_MS, steps: intervalSteps(workBpm), effort });
  const first = [session('s1', 10, 118, 7), session('f1', 9, 140, 5), session('s2', 8, 120, 8), session('f2', 7, 144, 6)];
  // Not counted: one not rated, one logged before steps were kept.
  const ignored = [session('unrated', 6, 160, null), logEntry({ id: 'no-steps', startedAt: now - 5 * DAY_MS, effort: 9 })];
  await page.goto('/');
  await seedLog(page, [...first, ...ignored]);
  await openProgress(page);
  const verdict = page.getByTestId('tempo-verdict');
  await expect(verdict).toContainText('Not enough workouts yet to say anything: 4 rated workouts with music in their work steps so far.');
  await expect(verdict).toContainText('Rate 2 more');
  await expect(page.getByTestId('tempo-groups')).toHaveCount(0);

  await seedLog(page, [session('s3', 4, 124, 8), session('f3', 3, 150, 4)]);
  // Opening the screen again reads the log again.
  await page.getByRole('button', { name: 'Player' }).click();
  await openProgress(page);
  const groups = page.getByTestId('tempo-groups');
  // The middle tempo is (124 + 140) / 2 = 132; faster: mean effort 5 at 144.7 BPM; slower: 7.7 at 120.7 BPM.
  await expect(groups.locator('dt').nth(0)).toHaveText('Faster music (above 132 BPM)');
  await expect(groups.locator('dd').nth(0)).toHaveText('average effort 5 · 3 workouts · music 144.7 BPM on average');
  await expect(groups.locator('dt').nth(1)).toHaveText('Slower music (below 132 BPM)');
  await expect(groups.locator('dd').nth(1)).toHaveText('average effort 7.7 · 3 workouts · music 120.7 BPM on average');
  await expect(verdict).toHaveText('With faster music your workouts felt 2.7 points easier (difference -2.7).');
  await expect(page.getByText(/Still few workouts \(3 and 3\)/)).toBeVisible();
  // The same workout done at other tempos, slowest music first.
  const same = page.getByTestId('same-workout');
  await expect(same.locator('tbody tr')).toHaveCount(6);
  await expect(same.locator('tbody tr').first()).toContainText('118 BPM');
  await expect(same.locator('tbody tr').first().locator('td').last()).toHaveText('7');
  await expect(same.locator('tbody tr').last()).toContainText('150 BPM');
  await expect(same.locator('tbody tr').last().locator('td').last()).toHaveText('4');

  // Every workout goes out: one TCX activity and one CSV row each, those logged before steps were kept too.
  const tcx = await download(page, 'Export TCX');
  const checked = await validateXML({ xml: [{ fileName: 'export.tcx', contents: tcx.text }], schema: [{ fileName: 'TrainingCenterDatabasev2.xsd', contents: XSD }] });
  expect(checked.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(tcx.text.match(/<Activity /g)).toHaveLength(8);
  const rows = (await download(page, 'Export CSV')).text.trim().split('\r\n');
  expect(rows).toHaveLength(9);
  expect(rows.slice(1).map((r) => r.split(',')[8]).sort()).toEqual(['', '4', '5', '6', '7', '8', '8', '9']);
});
