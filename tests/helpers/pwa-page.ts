/** Helpers shared by the PWA and security browser tests: generated tracks, the demo start, service-worker readiness. */
import { expect, type Page } from '@playwright/test';
import { drumGroove, encodeWav } from './signals';

/** Returns a generated drum groove as a file for `setInputFiles` (WAV, 22.05 kHz mono). */
export function grooveFile(bpm: number, name: string, seconds = 8) {
  return { name, mimeType: 'audio/wav', buffer: Buffer.from(encodeWav([drumGroove({ bpm, seconds, sampleRate: 22050 })], 22050)) };
}

/** Opens the Library and imports `files`, waiting until the batch is finished. */
export async function importTracks(page: Page, files: ReturnType<typeof grooveFile>[]) {
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Import music').setInputFiles(files);
  await expect(page.getByText(new RegExp(`Import finished: ${files.length} of ${files.length}`))).toBeVisible({ timeout: 45_000 });
}

/** Presses "Start workout" on the Player and waits for the running view. */
export async function startDemo(page: Page) {
  await page.getByRole('button', { name: 'Player' }).click();
  await page.getByRole('button', { name: 'Start workout' }).click();
  await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
}

/** Waits until the service worker is active, then reloads so that it controls the page. */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload({ timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
}

/** The player status in the page's store. */
export function playerStatus(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { montage: { store: { getState(): { player: { phase: { status: string } } } } } }).montage.store.getState().player.phase.status);
}
