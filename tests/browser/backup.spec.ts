import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { grooveFile, importTracks } from '../helpers/pwa-page';

// The Library's Backup panel: export, full backup, and restoring (bad files named, nothing stored lost).

async function download(page: Page, button: string) {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), json: JSON.parse(readFileSync((await file.path())!, 'utf8')) };
}

test('export, full backup and restore: bad files are named, a new browser gets the data back, nothing stored is lost', async ({ page, browser }) => {
  const track = grooveFile(126, 'backup-126.wav');
  await page.goto('/');
  await importTracks(page, [track]);
  const row = page.getByTestId('track-row').filter({ hasText: 'backup-126' });
  await expect(row.getByTestId('track-bpm')).toHaveText(/^12[5-7]/);
  await expect(page.getByTestId('persist-status')).toContainText(/browser/);

  const exported = await download(page, 'Export library');
  expect(exported.name).toMatch(/^montage-library-\d{4}-\d\d-\d\d\.json$/);
  expect(Object.keys(exported.json).sort()).toEqual(['exportedAt', 'tracks', 'version']);
  expect(exported.json.version).toBe(2);
  expect(exported.json.tracks).toHaveLength(1);
  expect(exported.json.tracks[0]).toMatchObject({ fileName: 'backup-126.wav', status: 'ready' });

  const full = await download(page, 'Full backup');
  expect(full.name).toMatch(/^montage-backup-/);
  expect(full.json).toMatchObject({ version: 2, tracks: [{ fileName: 'backup-126.wav' }] });
  for (const key of ['workouts', 'playlists', 'log']) expect(Array.isArray(full.json[key])).toBe(true);

  // Broken and hostile files: a message that names the file; the library is untouched.
  const restore = page.getByLabel('Restore backup');
  await restore.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "tracks": [') });
  await expect(page.getByTestId('backup-message')).toHaveText(/^broken\.json: not valid JSON/);
  const deep = resolve(import.meta.dirname, '../fixtures/bad/a-deep-nesting.json');
  await restore.setInputFiles({ name: 'a-deep-nesting.json', mimeType: 'application/json', buffer: readFileSync(deep) });
  await expect(page.getByTestId('backup-message')).toHaveText(/^a-deep-nesting\.json: /);
  await expect(row).toHaveCount(1);

  // Restoring onto the same library changes nothing.
  await restore.setInputFiles({ name: full.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(full.json)) });
  await expect(page.getByTestId('backup-message')).toContainText(`Restored ${full.name}: 0 tracks added, 0 updated`);
  await expect(row.getByTestId('track-bpm')).toHaveText(/^12[5-7]/);

  // A fresh browser profile: the analysis comes back, the audio is asked for, and re-importing reattaches it.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'Library' }).click();
  await other.getByLabel('Restore backup').setInputFiles({ name: full.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(full.json)) });
  await expect(other.getByTestId('backup-message')).toContainText('1 tracks added');
  await expect(other.getByTestId('backup-message')).toContainText('Import these files again to play them: backup-126.wav');
  const restored = other.getByTestId('track-row').filter({ hasText: 'backup-126' });
  await expect(restored).toHaveAttribute('data-status', 'failed');
  await other.getByLabel('Import music').setInputFiles([track]);
  await expect(restored).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(restored.getByTestId('track-bpm')).toHaveText(/^12[5-7]/);
  await fresh.close();
});
