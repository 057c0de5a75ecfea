/** The Workouts screen and its builder, as the browser specs reach them. */
import { expect, type Page } from '@playwright/test';

/** Step `n` (from 1) of the workout being built. */
export const step = (page: Page, n: number) => page.getByRole('group', { name: `Step ${n}`, exact: true });
/** The name field of step `n`. */
export const nameOf = (page: Page, n: number) => step(page, n).getByLabel('Name', { exact: true });

/** Opens the Workouts screen from the navigation. */
export async function openWorkouts(page: Page) {
  await page.getByRole('button', { name: 'Workouts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Workouts', level: 2 })).toBeVisible();
}
