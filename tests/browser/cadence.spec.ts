import { test, expect } from '@playwright/test';

// Follow my cadence with the simulated motion sensor: devicemotion events through the real sensor path, the
// steps/min readout, and the music that follows once the cadence settles — spliced in without stopping.

test('follow a simulated cadence: steps/min shown, the music moves to that tempo and keeps playing', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => (window as any).montage?.store.getState().workoutsStatus), { timeout: 30_000 }).toBe('ready');
  await page.evaluate(() => {
    const m = (window as any).montage;
    m.store.setState((s: any) => ({ workouts: [...s.workouts, {
      id: 'cadence-run', name: 'Cadence run', updatedAt: 0,
      nodes: [{ type: 'step', id: 'r', kind: 'work', name: 'Run', duration: { unit: 'seconds', value: 600 }, intensity: 3,
        tempo: { minBpm: 150, maxBpm: 152, allowHalfDouble: false }, build: null, hr: null, voice: null }],
    }] }));
    m.store.getState().selectWorkout('cadence-run');
    m.setSimulatedCadence([{ fromSec: 0, spm: 164 }]);
  });
  await page.getByLabel('Music tempo').selectOption('simulated');
  const readout = page.getByTestId('cadence-readout');
  await expect(readout.getByText('Simulated', { exact: true })).toBeVisible();
  await expect(readout).toContainText(/16[2-6] steps\/min/, { timeout: 20_000 });

  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByTestId('current-step')).toHaveText('Run', { timeout: 30_000 });
  await expect(page.getByTestId('cadence-readout')).toContainText(/music follows at 16[2-6] BPM/, { timeout: 30_000 });
  const heard = await page.evaluate(() => {
    const m = (window as any).montage;
    const { program } = m.store.getState().player;
    const pos = m.store.getState().positionNow();
    const seg = program.segments.find((s: any) => s.startSec <= pos + 4 && pos + 4 < s.endSec);
    const rate = seg.tempoMap ? seg.tempoMap[seg.tempoMap.length - 1].rate : seg.playbackRate;
    return { bpm: (seg.musicBpm / seg.playbackRate) * rate, followed: m.store.getState().cadence.followedBpm };
  });
  expect(Math.abs(heard.bpm - heard.followed)).toBeLessThan(0.5);
  // The music goes on: the followed tempo starts on its downbeat (a second start) and the workout keeps running.
  // (On a busy machine the readout can say so before the first start has been placed: both are waited for.)
  await expect.poll(() => page.evaluate(() => (window as any).montage.engine()?.musicStarts.length), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.evaluate(() => (window as any).montage.store.getState().player.phase.status)).toBe('running');

  await page.getByLabel('Music tempo').selectOption('fixed');
  await expect(page.getByTestId('cadence-readout')).toHaveCount(0);
});
