import { test, expect } from '@playwright/test';
import { drumGroove, encodeWav } from '../helpers/signals';

// Playlists on real imported tracks: manual and smart playlists, the music plan with a swapped (pinned) track, and a reload.

const groove = (bpm: number) => ({
  name: `groove-${bpm}.wav`,
  mimeType: 'audio/wav',
  buffer: Buffer.from(encodeWav([drumGroove({ bpm, seconds: 12, sampleRate: 22050 })], 22050)),
});

test('makes manual and smart playlists, plans a workout, swaps a track, and finds it all after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Import music').setInputFiles([groove(120), groove(128), groove(150), groove(170)]);
  await expect(page.getByText(/Import finished: 4 of 4/)).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('[data-testid="track-row"][data-status="ready"]')).toHaveCount(4, { timeout: 30_000 });

  // A manual playlist: two tracks picked from the library, then sorted by BPM, fastest first.
  await page.getByRole('button', { name: 'Playlists', exact: true }).first().click();
  await page.getByLabel('New playlist name').fill('My run');
  await page.getByRole('button', { name: 'New playlist', exact: true }).click();
  await page.getByLabel('Pick groove-120').check();
  await page.getByLabel('Pick groove-150').check();
  await page.getByRole('button', { name: 'Add 2 selected' }).click();
  const tracks = page.getByTestId('playlist-track');
  await expect(tracks).toHaveCount(2);
  await page.getByRole('button', { name: 'Sort by BPM ↓' }).click();
  await expect(tracks.first()).toContainText('groove-150');
  await page.getByRole('button', { name: 'Move groove-120 up' }).click();
  await expect(tracks.first()).toContainText('groove-120');

  // A smart playlist: 145–175 BPM without half/double time holds the 150 and 170 grooves.
  await page.getByLabel('New playlist name').fill('Fast');
  await page.getByRole('button', { name: 'New smart playlist' }).click();
  await page.getByLabel('BPM from').fill('145');
  await page.getByLabel('BPM to').fill('175');
  await page.getByLabel(/count half and double time/).uncheck();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(tracks).toHaveCount(2);
  await expect(tracks.nth(0)).toContainText('groove-150');
  await expect(tracks.nth(1)).toContainText('groove-170');

  // The music plan of the 30/30 HIIT: swap the first part's track for another that fits the warm-up.
  await page.getByRole('button', { name: 'Music plan' }).click();
  await page.getByLabel('Workout', { exact: true }).selectOption('template-demo-3030');
  const segments = page.getByTestId('plan-segment');
  await expect(segments.first()).toBeVisible();
  const before = (await segments.first().getByTestId('plan-segment-title').textContent())!.trim();
  const swap = page.getByLabel('Swap the track of part 1', { exact: true });
  const option = swap.locator('option').nth(1);
  const swapTo = (await option.textContent())!.split(' · ')[0];
  expect(swapTo).not.toBe(before);
  await swap.selectOption({ index: 1 });
  await expect(segments.first()).toHaveAttribute('data-locked', 'true');
  await expect(segments.first().getByTestId('plan-segment-title')).toContainText(swapTo);

  // After a reload: both playlists, the smart playlist's tracks, and the pinned track are still there.
  await page.reload();
  await page.getByRole('button', { name: 'Playlists', exact: true }).first().click();
  const list = page.getByRole('list', { name: 'Your playlists' });
  await expect(list.getByRole('button')).toHaveCount(2);
  await list.getByRole('button', { name: /Fast/ }).click();
  await expect(tracks).toHaveCount(2);
  await expect(tracks.nth(1)).toContainText('groove-170');
  await list.getByRole('button', { name: /My run/ }).click();
  await expect(tracks.first()).toContainText('groove-120');
  await page.getByRole('button', { name: 'Music plan' }).click();
  await page.getByLabel('Workout', { exact: true }).selectOption('template-demo-3030');
  await expect(segments.first()).toHaveAttribute('data-locked', 'true');
  await expect(segments.first().getByTestId('plan-segment-title')).toContainText(swapTo);
  await page.getByRole('button', { name: 'Unlock part 1', exact: true }).click();
  await expect(segments.first()).not.toHaveAttribute('data-locked', 'true');
});

test('playlist names stay unique: a taken name gets "(2)", a rename to a taken name is refused and says why', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Playlists', exact: true }).first().click();
  const name = page.getByRole('textbox', { name: 'Playlist name', exact: true });
  await page.getByLabel('New playlist name').fill('Long run');
  await page.getByRole('button', { name: 'New playlist', exact: true }).click();
  await expect(name).toHaveValue('Long run');
  await page.getByLabel('New playlist name').fill('Long run');
  await page.getByRole('button', { name: 'New playlist', exact: true }).click();
  await expect(name).toHaveValue('Long run (2)');
  await name.fill('long run');
  await name.press('Enter');
  await expect(page.getByText('There is already a playlist named "long run": choose another name.')).toBeVisible();
  await expect(name).toHaveValue('Long run (2)');
  await page.reload();
  await page.getByRole('button', { name: 'Playlists', exact: true }).first().click();
  await expect(page.getByRole('button', { name: /^Long run \(2\)/ })).toBeVisible();
});
