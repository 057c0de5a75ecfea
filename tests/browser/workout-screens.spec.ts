import { test, expect } from '@playwright/test';
import { nameOf, openWorkouts, step } from '../helpers/workout-page';

// The Workouts screen at phone width: pasted workouts' names, notices, templates opened, builds and heart-rate targets.

test.use({ viewport: { width: 360, height: 800 } });

test('a pasted workout is named by what it is, or by the name typed with it, and two pastes never share a name', async ({ page }) => {
  await page.goto('/');
  await openWorkouts(page);
  const paste = page.getByLabel('Paste workout text');
  const text = '5m warmup; 6x(30s sprint 175bpm, 30s easy 150bpm); 5m cooldown';
  await paste.fill(text);
  await page.getByRole('button', { name: 'Add pasted workout' }).click();
  // Typed at once, before the first save has finished: the box keeps it (it is cleared only of what was added).
  await paste.fill(text + ' ');
  await page.getByRole('button', { name: 'Add pasted workout' }).click();
  await expect(paste).toHaveValue('');
  await paste.fill('20m easy 150bpm');
  await page.getByLabel('Name of the pasted workout').fill('Recovery jog');
  await page.getByRole('button', { name: 'Add pasted workout' }).click();
  const mine = page.getByRole('list', { name: 'Your workouts' });
  await expect(mine.getByRole('heading', { name: 'warmup + 6× sprint/easy + cooldown', exact: true })).toBeVisible();
  await expect(mine.getByRole('heading', { name: 'warmup + 6× sprint/easy + cooldown (2)', exact: true })).toBeVisible();
  await expect(mine.getByRole('heading', { name: 'Recovery jog', exact: true })).toBeVisible();
  await expect(page.getByLabel('Name of the pasted workout')).toHaveValue('');
});

test('notices never pile up: the same one counts, only the newest three show, and all can be dismissed', async ({ page }) => {
  await page.goto('/');
  await openWorkouts(page);
  const paste = page.getByLabel('Paste workout text');
  const add = page.getByRole('button', { name: 'Add pasted workout' });
  const notices = page.getByRole('list', { name: 'Workout messages' }).getByRole('listitem');
  for (let i = 0; i < 4; i++) {
    await paste.fill('5m warmup @9');
    await add.click();
  }
  // Four times the same mistake: one line that says how often.
  await expect(notices).toHaveCount(1);
  await expect(notices.first()).toContainText('(×4)');
  for (const bad of ['5x(', '3m sprint 900bpm', 'hello', '10m easy @0']) {
    await paste.fill(bad);
    await add.click();
  }
  await expect(notices).toHaveCount(3);
  await page.getByRole('button', { name: '2 earlier messages' }).click();
  await expect(notices).toHaveCount(5);
  await page.getByRole('button', { name: 'Dismiss all' }).click();
  await expect(notices).toHaveCount(0);
});

test('a template opens to show its steps: each with its length, music tempo and effort, the repeats nested', async ({ page }) => {
  await page.goto('/');
  await openWorkouts(page);
  const card = page.getByRole('list', { name: 'Templates' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: '30/30 HIIT', exact: true }) });
  const toggle = card.getByRole('button', { name: 'Steps of 30/30 HIIT' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const steps = card.getByRole('list', { name: 'Steps of 30/30 HIIT' });
  await expect(steps).toBeVisible();
  const top = steps.locator(':scope > li');
  await expect(top).toHaveCount(3);
  await expect(top.nth(0)).toContainText('Warm-up · 2:00');
  await expect(top.nth(1)).toContainText('6 ×');
  const inner = top.nth(1).locator('ol > li');
  await expect(inner).toHaveCount(2);
  await expect(inner.nth(0)).toContainText('Hard');
  await expect(inner.nth(0)).toContainText('0:30 · 170–180 BPM');
  await expect(inner.nth(0)).toContainText('says “Hard! Run with the beat.”');
  await expect(top.nth(2)).toContainText('Cool-down');
  await toggle.click();
  await expect(steps).toBeHidden();
});

test('a step whose music builds and a heart-rate target, made in the builder; a build without a range is refused in words', async ({ page }) => {
  await page.goto('/');
  await openWorkouts(page);
  await page.getByRole('button', { name: 'New workout' }).click();
  const builder = page.getByRole('region', { name: 'Workout builder' });
  await builder.getByLabel('Workout name').fill('Build and zone');
  await builder.getByRole('button', { name: 'Add step', exact: true }).click();
  await nameOf(page, 1).fill('Climb');
  await step(page, 1).getByLabel('Duration').fill('3m');
  await step(page, 1).getByLabel('Any music').uncheck();
  await step(page, 1).getByLabel('Min BPM').fill('160');
  await step(page, 1).getByLabel('Max BPM').fill('160');
  await step(page, 1).getByLabel('Tempo across the step').selectOption('up');
  await expect(page.getByTestId('builder-problem')).toContainText('build needs a tempo range');
  await expect(builder.getByRole('button', { name: 'Save' })).toBeDisabled();
  await step(page, 1).getByLabel('Max BPM').fill('175');
  await step(page, 1).getByLabel('Heart rate').selectOption('z3');
  await builder.getByRole('button', { name: 'Save' }).click();

  const card = page.getByRole('list', { name: 'Your workouts' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Build and zone' }) });
  await card.getByRole('button', { name: 'Steps of Build and zone' }).click();
  await expect(card.getByRole('list', { name: 'Steps of Build and zone' })).toContainText('3:00 · building 160 → 175 BPM (or half/double time) · heart rate zone 3');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Build and zone' }).click();
  await downloading;
  await expect(page.getByLabel('Workout text of Build and zone')).toHaveValue('3m Climb build 160-175spm z3');
});
