/** Browser-test steps for the Progress screen: seeding the workout log as a user's past sessions, and opening the screen. */
import { expect, type Page } from '@playwright/test';
import type { WorkoutLogEntry } from '../../src/core/workout-log';

/**
 * Stores `entries` in the page's workout log (IndexedDB "montage", store "log"), as earlier sessions would have.
 * Waits until the app has opened (and so created and migrated) the database first.
 */
export async function seedLog(page: Page, entries: WorkoutLogEntry[]): Promise<void> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { montage?: { store: { getState(): { workoutsStatus: string } } } }).montage?.store.getState().workoutsStatus), { timeout: 30_000 }).toBe('ready');
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('montage');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const tx = db.transaction('log', 'readwrite');
      for (const row of rows) tx.objectStore('log').put(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }, entries);
}

/** Opens the Progress screen from the main navigation. */
export async function openProgress(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { name: 'Progress', level: 2 })).toBeVisible();
}
