import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { nameOf, openWorkouts, step } from '../helpers/workout-page';

// Building a workout from scratch at phone width, saving, reloading, exporting, deleting, re-importing and starting it;
// hostile files named in their errors; share links offered, never saved unasked.

test.use({ viewport: { width: 360, height: 800 } });

const badFixture = (name: string) => resolve(import.meta.dirname, '../fixtures/bad', name);

test('builds, saves, reloads, exports, deletes, re-imports and starts a workout; hostile files are named', async ({ page }, testInfo) => {
  await page.goto('/');
  await openWorkouts(page);
  await page.getByRole('button', { name: 'New workout' }).click();
  const builder = page.getByRole('region', { name: 'Workout builder' });
  await builder.getByLabel('Workout name').fill('Hill repeats');
  await expect(page.getByTestId('builder-problem')).toHaveText('The workout has no steps.');
  await expect(builder.getByRole('button', { name: 'Save' })).toBeDisabled();

  // A warm-up by mouse.
  await builder.getByRole('button', { name: 'Add step', exact: true }).click();
  await nameOf(page, 1).fill('Warm up jog');
  await step(page, 1).getByLabel('Kind').selectOption('warmup');
  await step(page, 1).getByLabel('Duration').fill('120');

  // A repeat block with two steps, its first one with a tempo range.
  await builder.getByRole('button', { name: 'Add repeat block' }).click();
  await builder.getByRole('button', { name: 'Add step to repeat block 1' }).click();
  await page.getByRole('group', { name: 'Repeat block 1' }).getByLabel('Times').fill('3');
  await nameOf(page, 2).fill('Hill sprint');
  await step(page, 2).getByLabel('Duration').fill('20');
  await step(page, 2).getByLabel('Any music').uncheck();
  await step(page, 2).getByLabel('Min BPM').fill('160');
  await step(page, 2).getByLabel('Max BPM').fill('180');
  await expect(step(page, 2).getByLabel('Half/double time OK')).toBeChecked();
  await expect(nameOf(page, 3)).toHaveValue('Recover');
  await step(page, 3).getByLabel('Voice').fill('Jog back down');

  // A last step by keyboard, moved up above the block with Alt+ArrowUp.
  await builder.getByRole('button', { name: 'Add step', exact: true }).focus();
  await page.keyboard.press('Enter');
  await nameOf(page, 4).fill('Strides');
  await nameOf(page, 4).press('Alt+ArrowUp');
  await expect(nameOf(page, 2)).toHaveValue('Strides');
  await expect(nameOf(page, 2)).toBeFocused();
  await expect(page.getByTestId('workout-total')).toHaveText('Total 5:00');

  // Undo and redo, by keyboard and by button.
  await page.keyboard.press('Control+z');
  await expect(nameOf(page, 4)).toHaveValue('Strides');
  await page.keyboard.press('Control+Shift+z');
  await expect(nameOf(page, 2)).toHaveValue('Strides');
  await builder.getByRole('button', { name: 'Undo' }).click();
  await expect(nameOf(page, 2)).toHaveValue('Hill sprint');
  await builder.getByRole('button', { name: 'Redo' }).click();
  await expect(nameOf(page, 2)).toHaveValue('Strides');

  // A wrong duration is named inline and blocks saving until fixed.
  await step(page, 1).getByLabel('Duration').fill('0');
  await expect(page.getByTestId('builder-problem')).toHaveText('Step 1 "Warm up jog": duration must be from 1 to 21600 seconds (it is 0).');
  await expect(step(page, 1).getByText('duration must be from 1')).toBeVisible();
  await expect(builder.getByRole('button', { name: 'Save' })).toBeDisabled();
  await step(page, 1).getByLabel('Duration').fill('120');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await builder.getByRole('button', { name: 'Save' }).click();

  // Saved, and still there after a reload.
  const mine = page.getByRole('list', { name: 'Your workouts' });
  await expect(mine.getByRole('heading', { name: 'Hill repeats' })).toBeVisible();
  await page.reload();
  await openWorkouts(page);
  await expect(mine.getByRole('heading', { name: 'Hill repeats' })).toBeVisible();
  await expect(mine.getByTestId('workout-total')).toHaveText('Total 5:00');

  // Export: a Montage file download plus the text syntax.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Hill repeats' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hill-repeats.json');
  const file = testInfo.outputPath('hill-repeats.json');
  await download.saveAs(file);
  await expect(page.getByLabel('Workout text of Hill repeats')).toHaveValue(
    '2m Warm up jog #warmup; 30s Strides; 3x(20s Hill sprint 160-180spm, 30s Recover "Jog back down")',
  );

  // Delete it, then bring it back from the exported file.
  await page.getByRole('button', { name: 'Delete Hill repeats' }).click();
  await page.getByRole('button', { name: 'Confirm delete Hill repeats' }).click();
  await expect(page.getByText('No saved workouts yet')).toBeVisible();
  await page.getByLabel('Import workout').setInputFiles(file);
  await expect(page.getByText('Added "Hill repeats" from hill-repeats.json.')).toBeVisible();
  await expect(mine.getByRole('heading', { name: 'Hill repeats' })).toBeVisible();

  // Hostile files: refused, each message naming the file.
  await page.getByLabel('Import workout').setInputFiles(badFixture('a-negative-duration.json'));
  await expect(page.getByText('a-negative-duration.json: step 1 "Work": duration must be from 1 to 21600 seconds (it is -30)')).toBeVisible();
  await page.getByLabel('Import workout').setInputFiles(badFixture('a-billion-laughs.zwo'));
  await expect(page.getByText(/^a-billion-laughs\.zwo: contains a DOCTYPE or ENTITY declaration/)).toBeVisible();
  await expect(mine.getByRole('listitem')).toHaveCount(1);

  // Start it: the player shows the first step.
  await page.getByRole('button', { name: 'Start Hill repeats' }).click();
  await expect(page.getByTestId('current-step')).toHaveText('Warm up jog', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
});

test('reorders by drag and drop and by the move buttons, duplicates and deletes steps', async ({ page }) => {
  await page.goto('/');
  await openWorkouts(page);
  await page.getByRole('button', { name: 'New workout' }).click();
  const builder = page.getByRole('region', { name: 'Workout builder' });
  for (const name of ['One', 'Two', 'Three']) {
    await builder.getByRole('button', { name: 'Add step', exact: true }).click();
    await page.getByRole('group', { name: /^Step \d$/ }).last().getByLabel('Name', { exact: true }).fill(name);
  }
  // Real mouse moves in several steps: Chromium starts an HTML5 drag only once the pointer has travelled.
  await step(page, 3).locator('.drag-handle').hover();
  await page.mouse.down();
  await page.mouse.move(40, 200, { steps: 8 });
  await step(page, 1).getByLabel('Kind').hover();
  await page.mouse.up();
  await expect(nameOf(page, 1)).toHaveValue('Three');
  await expect(nameOf(page, 2)).toHaveValue('One');
  await builder.getByRole('button', { name: 'Move step 1 down' }).click();
  await expect(nameOf(page, 1)).toHaveValue('One');
  await builder.getByRole('button', { name: 'Duplicate step 3' }).click();
  await expect(nameOf(page, 4)).toHaveValue('Two');
  await builder.getByRole('button', { name: 'Delete step 1' }).click();
  await expect(builder.getByRole('group', { name: /^Step \d$/ })).toHaveCount(3);
  await expect(nameOf(page, 1)).toHaveValue('Three');
  await builder.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No saved workouts yet')).toBeVisible();
});

test('a share link offers the workout, which is saved only when the user adds it', async ({ page }) => {
  await page.goto('/');
  await openWorkouts(page);
  await page.getByRole('button', { name: 'Share Tabata' }).click();
  const link = await page.getByLabel('Share link for Tabata').inputValue();
  expect(link).toMatch(/#w=[A-Za-z0-9_-]+$/);

  await page.goto(link);
  await page.reload();
  const offer = page.getByRole('complementary', { name: 'Shared workout' });
  await expect(offer.getByRole('heading', { name: 'Tabata' })).toBeVisible();
  await expect(page.getByText('No saved workouts yet')).toBeVisible();
  await offer.getByRole('button', { name: 'Add shared workout' }).click();
  await expect(page.getByRole('list', { name: 'Your workouts' }).getByRole('heading', { name: 'Tabata' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');

  await page.goto('/#w=not-a-workout');
  await page.reload();
  await expect(page.getByText(/^shared link: is damaged/)).toBeVisible();
});

test('durations are written as people write them: 5:00, 5m, 90s, 8 bars; what cannot be read is marked, not taken', async ({ page }) => {
  await page.goto('/');
  await openWorkouts(page);
  await page.getByRole('button', { name: 'New workout' }).click();
  const builder = page.getByRole('region', { name: 'Workout builder' });
  await builder.getByRole('button', { name: 'Add step', exact: true }).click();
  const duration = step(page, 1).getByLabel('Duration');
  const total = page.getByTestId('workout-total');
  for (const [typed, want] of [['5:00', 'Total 5:00'], ['90s', 'Total 1:30'], ['2m30s', 'Total 2:30'], ['10 min', 'Total 10:00'], ['45', 'Total 0:45']]) {
    await duration.fill(typed);
    await expect(total, typed).toHaveText(want);
  }
  await duration.fill('abc');
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  await expect(total).toHaveText('Total 0:45');
  await duration.fill('8 bars');
  await expect(duration).not.toHaveAttribute('aria-invalid', 'true');
  await expect(step(page, 1).getByLabel('Unit')).toHaveValue('bars');
  // A bare number counts in the chosen unit.
  await duration.fill('16');
  await expect(step(page, 1).getByLabel('Unit')).toHaveValue('bars');
  // Leaving the field shows the duration as the text syntax writes it.
  await step(page, 1).getByLabel('Unit').selectOption('seconds');
  await duration.fill('300');
  await duration.blur();
  await expect(duration).toHaveValue('5m');
});

test('a repeat block nests inside another by button and by keyboard, and the workout says so', async ({ page }) => {
  await page.goto('/');
  await openWorkouts(page);
  await page.getByRole('button', { name: 'New workout' }).click();
  const builder = page.getByRole('region', { name: 'Workout builder' });
  await builder.getByLabel('Workout name').fill('Nested');
  await builder.getByRole('button', { name: 'Add repeat block' }).click();
  // By keyboard: focus the button and press Enter.
  await builder.getByRole('button', { name: 'Add repeat block to repeat block 1' }).focus();
  await page.keyboard.press('Enter');
  const inner = page.getByRole('group', { name: 'Repeat block 2' });
  await expect(inner).toBeVisible();
  await expect(page.getByRole('group', { name: 'Repeat block 1' }).getByRole('group', { name: 'Repeat block 2' })).toHaveCount(1);
  await inner.getByRole('button', { name: 'Add step to repeat block 2' }).click();
  // 4 × (30 s + 2 × (30 s + 30 s)) = 10:00
  await expect(page.getByTestId('workout-total')).toHaveText('Total 10:00');
  await builder.getByRole('button', { name: 'Save' }).click();
  const mine = page.getByRole('list', { name: 'Your workouts' });
  await expect(mine.getByRole('heading', { name: 'Nested' })).toBeVisible();
  await expect(mine.getByTestId('workout-total')).toHaveText('Total 10:00');
  // The saved workout's text shows the inner block inside the outer one.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Nested' }).click();
  await downloading;
  await expect(page.getByLabel('Workout text of Nested')).toHaveValue(/^\d+x\([^()]*2x\([^()]+\)\)$/);
});
