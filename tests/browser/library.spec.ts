import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { drumGroove, encodeWav } from '../helpers/signals';

// Importing real files through the real file input: tags, storage, analysis in the worker pool, and a reload.

const groove = (bpm: number, name: string) => ({
  name,
  mimeType: 'audio/wav',
  buffer: Buffer.from(encodeWav([drumGroove({ bpm, seconds: 12, sampleRate: 22050 })], 22050)),
});
const fixture = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(resolve(import.meta.dirname, '../fixtures/bad', name)) });

test('imports generated tracks and broken files, analyses them, and finds the same library after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Import music').setInputFiles([
    groove(120, 'groove-120.wav'),
    groove(150, 'groove-150.wav'),
    fixture('a-empty.mp3'),
    fixture('a-text-renamed.m4a'),
    fixture('a-html-tags.mp3'),
  ]);
  await expect(page.getByText(/Import finished: 5 of 5/)).toBeVisible({ timeout: 45_000 });
  // Broken files are named with their problem; the rest carry on.
  await expect(page.getByText('a-empty.mp3: empty file')).toBeVisible();
  await expect(page.getByText(/a-text-renamed\.m4a: not an audio file/)).toBeVisible();
  const rows = page.getByTestId('track-row');
  await expect(rows).toHaveCount(3);
  const bpmOf = async (title: string) => rows.filter({ hasText: title }).getByTestId('track-bpm').textContent();
  expect(Math.abs(Number(await bpmOf('groove-120')) - 120)).toBeLessThan(2);
  expect(Math.abs(Number(await bpmOf('groove-150')) - 150)).toBeLessThan(3);
  // Tag text is shown literally, never as HTML.
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();

  // Halve a tempo by hand: the correction is saved.
  await page.getByRole('button', { name: 'Halve the BPM of groove-150' }).click();
  await expect(rows.filter({ hasText: 'groove-150' }).getByTestId('track-bpm')).toHaveText('75');

  await page.reload();
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'groove-150' }).getByTestId('track-bpm')).toHaveText('75');
  expect(Math.abs(Number(await bpmOf('groove-120')) - 120)).toBeLessThan(2);

  // Importing the same file again is recognised as a duplicate, not stored twice.
  await page.getByLabel('Import music').setInputFiles([groove(120, 'groove-120.wav')]);
  await expect(page.getByText('Import finished: 1 of 1 — already in the library, nothing new added')).toBeVisible({ timeout: 20_000 });
  await expect(rows).toHaveCount(3);

  // ✕ takes the track off at once and offers Undo: it comes back where it was, its analysis kept.
  await page.getByRole('button', { name: 'Delete groove-120' }).click();
  await expect(rows).toHaveCount(2);
  const undo = page.getByRole('status').filter({ hasText: 'Deleted “groove-120”.' });
  await expect(undo).toBeVisible();
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(3);
  await expect(undo).toBeHidden();
  expect(Math.abs(Number(await bpmOf('groove-120')) - 120)).toBeLessThan(2);
  // Undone, nothing was removed: it is still there after a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(rows).toHaveCount(3);

  // Deleting and letting the undo pass frees the track for good.
  await page.getByRole('button', { name: 'Delete groove-120' }).click();
  await expect(rows).toHaveCount(2);
  await expect(undo).toBeHidden({ timeout: 20_000 });
  await page.reload();
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(rows).toHaveCount(2);
});
