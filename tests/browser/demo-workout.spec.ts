import { test, expect, type Page } from '@playwright/test';

// The built-in demo: a new user presses one button and works out, cues on the beat.

async function startDemo(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Montage' })).toBeVisible();
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
}

test('the demo workout starts, shows the interval, music BPM and time left, and pauses, resumes and stops', async ({ page }) => {
  await startDemo(page);
  await expect(page.getByTestId('current-step')).toHaveText('Warm-up');
  // The first announcement is shown (and spoken) as the workout starts.
  await expect(page.locator('.announcement')).toHaveText('Warm up. Find the beat.');
  await expect(page.getByTestId('next-step')).toContainText('Next:');
  await expect(page.getByTestId('music-bpm')).toHaveText(/^\d{2,3} BPM$/);
  // The step is named for its kind: the screen says "Warm-up" once, in the name.
  await expect(page.getByTestId('step-kind')).not.toContainText('Warm-up');
  // The 10:00 demo's timeline says 10:00, though its step changes sit on the music's bars.
  await expect(page.getByRole('img', { name: 'Workout timeline, 14 steps, 10:00 in total' })).toBeVisible();
  // The 2:00 warm-up never shows more than 2:00, and the time left is named with its value.
  const timeLeft = page.getByTestId('time-left');
  const first = (await timeLeft.textContent())!;
  const [fm, fs] = first.split(':').map(Number);
  expect(fm * 60 + fs).toBeLessThanOrEqual(120);
  await expect.poll(async () => timeLeft.textContent(), { timeout: 5000 }).not.toBe(first);
  const shown = (await timeLeft.textContent())!;
  const label = (await timeLeft.getAttribute('aria-label'))!;
  expect(label).toMatch(/^Time left in step: \d+:\d\d$/);
  // Read a moment apart, the name and the text may differ by the second that just ticked.
  const [lm, ls] = label.replace('Time left in step: ', '').split(':').map(Number);
  const [sm, ss] = shown.split(':').map(Number);
  expect(Math.abs(lm * 60 + ls - (sm * 60 + ss))).toBeLessThanOrEqual(1);
  await expect(page.getByRole('timer', { name: /^Time left in step: \d+:\d\d$/ })).toBeVisible();

  // The audio clock is really running.
  const p1 = await page.evaluate(() => (window as any).montage.store.getState().positionNow());
  await page.waitForTimeout(600);
  const p2 = await page.evaluate(() => (window as any).montage.store.getState().positionNow());
  expect(p2 - p1).toBeGreaterThan(0.3);

  // Space pauses and resumes (even with a control focused).
  await page.getByRole('button', { name: 'Pause' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const paused = await page.evaluate(() => (window as any).montage.store.getState().positionNow());
  await page.waitForTimeout(500);
  const stillPaused = await page.evaluate(() => (window as any).montage.store.getState().positionNow());
  expect(Math.abs(stillPaused - paused)).toBeLessThan(0.01);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  // Skip to the first interval: the screen follows.
  await page.getByRole('button', { name: 'Skip step' }).click();
  await expect(page.getByTestId('current-step')).not.toHaveText('Warm-up');

  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
  // Stopped early: the summary says so, with the time really exercised (not the workout position) and the skip.
  await expect(page.getByRole('heading', { name: 'Workout stopped' })).toBeVisible();
  await expect(page.getByTestId('summary-steps')).toHaveText('0 of 14 (1 skipped)');
  const [m, sec] = (await page.getByTestId('summary-time').textContent())!.split(':').map(Number);
  expect(m * 60 + sec).toBeLessThan(30);
  await expect(page.getByTestId('summary-tracks')).toContainText('Neon Warm-up');

  // The summary is kept in the workout log, across a reload.
  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(page.getByRole('region', { name: 'Recent workouts' })).toContainText('30/30 HIIT');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Recent workouts' })).toContainText('30/30 HIIT');
});

test('Stop and Escape ask first; the workout plays on until the user ends it; the total time is shown; Pause stands out', async ({ page }) => {
  await startDemo(page);
  const position = () => page.evaluate(() => (window as any).montage.store.getState().positionNow() as number);
  // The whole workout's time, done and left, on the written 10:00.
  await expect(page.getByTestId('workout-elapsed')).toHaveText(/^Workout 0:0\d done · (10:00|9:\d\d) left$/);
  // Pause is the main control: it looks unlike the others.
  const pauseBg = await page.getByRole('button', { name: 'Pause' }).evaluate((e) => getComputedStyle(e).backgroundColor);
  const skipBg = await page.getByRole('button', { name: 'Skip step' }).evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(pauseBg).not.toBe(skipBg);

  await page.getByRole('button', { name: 'Stop' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'End the workout?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'End workout' })).toBeFocused();
  // Nothing ended: the clock runs on, nothing is logged.
  const p1 = await position();
  await expect.poll(position).toBeGreaterThan(p1 + 0.3);
  expect(await page.evaluate(() => (window as any).montage.store.getState().player.phase.status)).toMatch(/countdown|running/);
  await dialog.getByRole('button', { name: 'Keep going' }).click();
  await expect(dialog).toBeHidden();

  // Escape asks too, and Escape again keeps going.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-step')).toBeVisible();

  // Escape, then Enter on the focused "End workout": ended and logged.
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('button', { name: 'End workout' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Workout stopped' })).toBeVisible();
});

test('the cue of the first interval change is placed on a beat of the playing demo track', async ({ page }) => {
  await startDemo(page);
  // The live engine's own schedule: the step-2 cue's audio-clock time against the track's grid.
  const live = await page.evaluate(async () => {
    const m = (window as any).montage;
    const program = m.store.getState().player.program;
    return { stepStarts: program.stepStarts, segments: program.segments };
  });
  const change = live.stepStarts[1];
  const seg = live.segments.find((s: any) => s.startSec <= change - 0.001 && change - 0.001 < s.endSec);
  // The segment's grid is on the workout clock (the demo's tempo is steady).
  const beatsAtChange = ((change - seg.grid.firstBeatSec) * seg.grid.bpm) / 60;
  expect(Math.abs(beatsAtChange - Math.round(beatsAtChange))).toBeLessThan(1e-6);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'End workout' }).click();

  // To the sample: render the same program offline around the change, cues and music apart.
  const r = await page.evaluate(async ({ fromSec, change }) => {
    const m = (window as any).montage;
    const cues = await m.renderOffline('template-demo-3030', { fromSec, durationSec: 6, include: 'cues', startDelaySec: 0.1 });
    const music = await m.renderOffline('template-demo-3030', { fromSec, durationSec: 6, include: 'music', startDelaySec: 0.1 });
    const onset = (x: Float32Array, from: number) => {
      for (let i = from; i < x.length; i++) if (Math.abs(x[i]) > 0.01) return i;
      return -1;
    };
    const rms = (x: Float32Array, a: number, b: number) => {
      let s = 0;
      for (let i = Math.max(0, a); i < Math.min(x.length, b); i++) s += x[i] * x[i];
      return Math.sqrt(s / Math.max(1, b - a));
    };
    const sr = cues.sampleRate;
    const expected = Math.round((0.1 + (change - fromSec)) * sr);
    // Countdown ticks sound on the beats before the change; look just around the change itself.
    const cueOnset = onset(cues.samples, expected - Math.round(0.1 * sr));
    // Every cue the engine placed in the render is on the grid of the music (on a beat of the track).
    const placedOffGrid = cues.cues.filter((c: any) => Math.abs(c.ctxTime - (0.1 + c.timeSec - fromSec)) > 1e-9).length;
    const before = rms(music.samples, expected - Math.round(0.03 * sr), expected - Math.round(0.002 * sr));
    const after = rms(music.samples, expected, expected + Math.round(0.03 * sr));
    return { sr, expected, cueOnset, before, after, placedOffGrid, placed: cues.cues.length };
  }, { fromSec: change - 3, change });
  expect(r.placed).toBeGreaterThan(1);
  expect(r.placedOffGrid).toBe(0);
  expect(r.cueOnset).toBeGreaterThan(0);
  // Within 1 ms of the beat (the attack starts at the sample; allow the first quiet samples of the 2 ms ramp).
  expect(Math.abs(r.cueOnset - r.expected) / r.sr).toBeLessThan(0.001);
  // The music has its beat (a drum hit) right there.
  expect(r.after).toBeGreaterThan(r.before * 1.5);
});

test('the chosen workout is still chosen after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Player' }).click();
  const workout = page.locator('section.start select').first();
  expect(await workout.inputValue()).not.toBe('template-tabata');
  await workout.selectOption('template-tabata');
  await page.reload();
  await page.getByRole('button', { name: 'Player' }).click();
  await expect(page.locator('section.start select').first()).toHaveValue('template-tabata');
});

test('the music ducks for the words only while the voice is on: turned off mid-workout, it ducks under the chimes alone', async ({ page }) => {
  await startDemo(page);
  // What the engine's cues duck the music for, read as the next cue will read it (audio/cue-player.ts).
  const spokenKind = () => page.evaluate(() => {
    const spoken = (window as any).montage.engine().cues.spoken;
    return (typeof spoken === 'function' ? spoken() : spoken).kind as string;
  });
  expect(await spokenKind()).toBe('estimated');
  await page.evaluate(() => (window as any).montage.store.getState().changeSettings({ voice: false }));
  expect(await spokenKind()).toBe('none');
  await page.evaluate(() => (window as any).montage.store.getState().changeSettings({ voice: true }));
  expect(await spokenKind()).toBe('estimated');
});
