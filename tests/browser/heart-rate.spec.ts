import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { openProgress } from '../helpers/progress-page';

// Heart rate with the simulated sensor: the live readout, the zone status of each step, and the log's average and
// maximum on the Progress screen and in the TCX export. Where Web Bluetooth is missing, the strap says so.

const XSD = readFileSync(new URL('../fixtures/tcx/TrainingCenterDatabasev2.xsd', import.meta.url), 'utf8');

// Three 40-second steps with heart-rate targets (set on the step objects until the workout model has `Step.hr`):
// a range, a zone of the user's maximum heart rate, and a range out of reach.
const step = (id: string, name: string, hr: object) => ({
  type: 'step', id, kind: 'work', name, duration: { unit: 'seconds', value: 40 }, intensity: 3, tempo: null, voice: null, hr,
});
const ZONES_WORKOUT = {
  id: 'hr-zones', name: 'Heart-rate zones', updatedAt: 0,
  nodes: [
    step('s1', 'Easy', { type: 'range', min: 100, max: 120 }),
    step('s2', 'Steady', { type: 'zone', zone: 3 }),
    step('s3', 'Hard', { type: 'range', min: 170, max: 180 }),
  ],
};

const setRate = (page: Page, bpm: number) =>
  page.evaluate((b) => (window as any).montage.setSimulatedHeartRate({ points: [{ fromSec: 0, bpm: b }] }), bpm);
const position = (page: Page) => page.evaluate(() => (window as any).montage.store.getState().positionNow() as number);

async function waitSeconds(page: Page, sec: number) {
  const from = await position(page);
  await expect.poll(async () => (await position(page)) - from, { timeout: 20_000 }).toBeGreaterThan(sec);
}

test('the simulated sensor: live bpm with its zone status per step, then average and maximum on Progress and in the TCX', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => (window as any).montage?.store.getState().workoutsStatus), { timeout: 30_000 }).toBe('ready');

  // The maximum heart rate, typed: a wrong value is refused with a message, a right one gives the zones.
  await page.getByText('Heart-rate settings').click();
  const maxHr = page.getByLabel('Maximum heart rate (bpm)');
  await maxHr.fill('300');
  await expect(page.getByRole('alert')).toHaveText('The maximum heart rate must be from 100 to 240 bpm.');
  await maxHr.fill('200');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Your heart-rate zones' })).toContainText('Zone 3: 140–159 bpm');

  await page.evaluate((w) => {
    const store = (window as any).montage.store;
    store.setState((s: any) => ({ workouts: [...s.workouts, w] }));
    store.getState().selectWorkout(w.id);
  }, ZONES_WORKOUT);

  await page.getByRole('button', { name: 'Use simulated heart rate' }).click();
  await expect(page.getByTestId('heart-rate-status')).toContainText('Simulated heart rate: connected');
  await expect(page.getByTestId('heart-rate-status').getByText('Simulated', { exact: true })).toBeVisible();
  await setRate(page, 150);

  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByTestId('current-step')).toHaveText('Easy', { timeout: 30_000 });
  const readout = page.getByRole('img', { name: 'Heart rate: 150 beats per minute (simulated)' });
  await expect(readout).toBeVisible();
  await expect(readout).toContainText('♥ 150 bpm');
  await expect(page.getByTestId('heart-rate').getByText('Simulated', { exact: true })).toBeVisible();
  await expect(page.getByTestId('zone-status')).toHaveText('above zone (target: 100–120 bpm)');
  await waitSeconds(page, 4);

  await page.getByRole('button', { name: 'Skip step' }).click();
  await expect(page.getByTestId('current-step')).toHaveText('Steady');
  await expect(page.getByTestId('zone-status')).toHaveText('in zone (zone 3: 140–159 bpm)');
  await waitSeconds(page, 4);

  await page.getByRole('button', { name: 'Skip step' }).click();
  await expect(page.getByTestId('current-step')).toHaveText('Hard');
  await expect(page.getByTestId('zone-status')).toHaveText('below zone (target: 170–180 bpm)');
  await setRate(page, 176);
  await expect(page.getByTestId('zone-status')).toHaveText('in zone (target: 170–180 bpm)');
  await expect(page.getByRole('img', { name: 'Heart rate: 176 beats per minute (simulated)' })).toBeVisible();
  await waitSeconds(page, 3);

  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
  await expect(page.getByRole('heading', { name: 'Workout stopped' })).toBeVisible();
  await expect(page.getByTestId('summary-heart-rate')).toHaveText(/^1[5-7]\d avg · 176 max bpm$/);
  await page.getByRole('button', { name: 'Back to start' }).click();

  // On Progress: the workout's average and maximum, and each step's.
  await openProgress(page);
  const list = page.getByRole('list', { name: 'Workouts' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByLabel(/^Heart rate 1[5-7]\d average, 176 maximum$/)).toBeVisible();
  await list.getByRole('listitem').locator('summary').click();
  await expect(list.getByTestId('log-heart-rate')).toHaveText(/^Heart rate: 1[5-7]\d avg · 176 max bpm$/);
  const perStep = list.getByTestId('step-heart-rate');
  await expect(perStep).toHaveCount(3);
  await expect(perStep.nth(0)).toHaveText('150 avg · 150 max bpm');
  await expect(perStep.nth(1)).toHaveText('150 avg · 150 max bpm');
  await expect(perStep.nth(2)).toHaveText(/^1[5-7]\d avg · 176 max bpm$/);

  // The export: each lap with its heart rate, valid against the TCX schema.
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export TCX' }).click();
  const tcx = readFileSync((await (await waiting).path())!, 'utf8');
  const checked = await validateXML({ xml: [{ fileName: 'export.tcx', contents: tcx }], schema: [{ fileName: 'TrainingCenterDatabasev2.xsd', contents: XSD }] });
  expect(checked.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(tcx.match(/<AverageHeartRateBpm><Value>150<\/Value><\/AverageHeartRateBpm>/g)).toHaveLength(2);
  expect(tcx).toContain('<MaximumHeartRateBpm><Value>176</Value></MaximumHeartRateBpm>');

  // Only summaries are stored: the log entry holds no list of readings.
  const stored = await page.evaluate(() => JSON.stringify((window as any).montage.store.getState().history[0]));
  expect(stored.length).toBeLessThan(2000);
});

test('where the browser has no Web Bluetooth, the strap button says so and names the browsers that have it', async ({ page }) => {
  await page.goto('/');
  const hasBluetooth = await page.evaluate(() => 'bluetooth' in navigator);
  test.skip(hasBluetooth, 'this Chromium has Web Bluetooth turned on');
  await expect(page.getByText('This browser has no Web Bluetooth')).toBeVisible();
  await page.getByRole('button', { name: 'Connect heart-rate strap' }).click();
  await expect(page.getByTestId('heart-rate-message')).toContainText('This browser cannot connect to a heart-rate strap');
  await expect(page.getByTestId('heart-rate-message')).toContainText('Chrome or Edge on Android and on a computer');
  await expect(page.getByTestId('heart-rate-message')).toHaveAttribute('role', 'alert');
});
