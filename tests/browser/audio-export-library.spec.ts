import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { drumGroove } from '../helpers/signals';
import { encodeMp3 } from '../helpers/mp3';
import { checkAudio, wavMono } from '../helpers/export-check';

// Export with the user's own music: an MP3 imported through the file input is analysed, planned into a pasted
// workout and read for the export run by run (workers/track-file-reader.ts), never decoded whole.

const RATE = 44100;
const NAME = 'Own music run';

test('Export audio with an imported MP3: its music in the file, every step change on its downbeat', async ({ page }) => {
  test.setTimeout(240_000);
  // Drums over a held bass note, so the music never falls silent by itself (a gap in the file is the export's).
  const groove = drumGroove({ bpm: 150, seconds: 40, sampleRate: RATE }).map((v, i) => v + 0.05 * Math.sin((2 * Math.PI * 110 * i) / RATE));
  const mp3 = await encodeMp3([groove, groove], RATE);
  await page.goto('/');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Import music').setInputFiles([{ name: 'groove-150.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from(mp3) }]);
  await expect(page.getByText(/Import finished: 1 of 1/)).toBeVisible({ timeout: 60_000 });
  const bpm = Number(await page.getByTestId('track-row').filter({ hasText: 'groove-150' }).getByTestId('track-bpm').textContent());
  expect(Math.abs(bpm - 150)).toBeLessThan(2);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workouts' }).click();
  await page.getByLabel('Paste workout text').fill('20s warmup 150bpm; 30s run 150bpm; 20s cooldown 150bpm');
  await page.getByLabel('Name of the pasted workout').fill(NAME);
  await page.getByRole('button', { name: 'Add pasted workout' }).click();
  await page.getByRole('button', { name: `Export audio of ${NAME}` }).click();
  const dialog = page.getByRole('dialog', { name: `Export audio: ${NAME}` });
  await dialog.getByLabel('Format').selectOption({ label: 'WAV (uncompressed, 16-bit)' });
  await dialog.getByLabel('Include voice').setChecked(false);
  const file = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await file;
  const sheetDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download cue sheet' }).click();
  const sheet = JSON.parse(await readFile((await (await sheetDownload).path())!, 'utf8'));

  // The plan plays the imported track (at its own tempo: no stretch), and the file holds it.
  expect(sheet.segments.length).toBeGreaterThan(0);
  for (const s of sheet.segments) expect(s).toMatchObject({ title: 'groove-150', playbackRate: 1 });
  const mono = wavMono(new Uint8Array(await readFile((await download.path())!)));
  checkAudio(mono, RATE, sheet, 3);
  // Its kicks: the groove's loudest moments, on its beats as heard in the file, every 0.4 s.
  const seg = sheet.segments[0];
  let loud = 0;
  for (let i = Math.round(seg.startSec * RATE); i < Math.round(seg.endSec * RATE); i++) loud = Math.max(loud, Math.abs(mono[i]));
  expect(loud).toBeGreaterThan(0.2);
});

test('Export audio with an imported MP3 that runs out before the music ends: its last bar repeats, no gap', async ({ page }) => {
  test.setTimeout(240_000);
  // 31.5 s of a 150 BPM groove (a bar every 1.6 s; the last whole one ends at 30.4 s) for a 32 s step: it plays on
  // to the step's end rather than leave half a second to another track, then plays again.
  const groove = drumGroove({ bpm: 150, seconds: 31.5, sampleRate: RATE }).map((v, i) => v + 0.05 * Math.sin((2 * Math.PI * 110 * i) / RATE));
  const mp3 = await encodeMp3([groove, groove], RATE);
  await page.goto('/');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Import music').setInputFiles([{ name: 'short-150.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from(mp3) }]);
  await expect(page.getByText(/Import finished: 1 of 1/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workouts' }).click();
  await page.getByLabel('Paste workout text').fill('32s run 150bpm; 20s easy 150bpm');
  await page.getByLabel('Name of the pasted workout').fill('Short music');
  await page.getByRole('button', { name: 'Add pasted workout' }).click();
  // The Music plan says so.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Playlists' }).click();
  await page.getByRole('button', { name: 'Music plan' }).click();
  await page.getByLabel('Workout', { exact: true }).selectOption({ label: 'Short music' });
  const parts = page.getByTestId('plan-segment');
  await expect(parts).toHaveCount(2);
  await expect(parts.first()).toContainText('0:00.0–0:32.0');
  await expect(parts.first()).toContainText('its last bar repeats to the end');
  await expect(parts.last()).not.toContainText('repeats');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workouts' }).click();
  await page.getByRole('button', { name: 'Export audio of Short music' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export audio: Short music' });
  await dialog.getByLabel('Format').selectOption({ label: 'WAV (uncompressed, 16-bit)' });
  // Music only: a cue's ring would hide a gap in the music.
  await dialog.getByLabel('Include cues').setChecked(false);
  await dialog.getByLabel('Include voice').setChecked(false);
  const file = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await file;
  const sheetDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download cue sheet' }).click();
  const sheet = JSON.parse(await readFile((await (await sheetDownload).path())!, 'utf8'));

  // The track twice, the first time planned on past its audio.
  expect(sheet.segments).toHaveLength(2);
  const [{ startSec, endSec: firstEndSec }, { endSec }] = sheet.segments;
  expect(firstEndSec - startSec).toBeGreaterThan(31.9);
  const mono = wavMono(new Uint8Array(await readFile((await download.path())!)));
  expect(Math.abs(mono.length / RATE - sheet.durationSec)).toBeLessThan(0.03);
  // Sound all the way to the end of the music: no 50 ms without it.
  let quiet = 0;
  let longest = 0;
  for (let i = Math.round(startSec * RATE); i < Math.round((endSec - 0.1) * RATE); i++) {
    quiet = Math.abs(mono[i]) < 1e-4 ? quiet + 1 : 0;
    longest = Math.max(longest, quiet);
  }
  expect(longest / RATE).toBeLessThan(0.05);
  // And what plays after the track's end (in the first part) is its music: kicks as loud as before.
  const peak = (fromSec: number, toSec: number) => {
    let loud = 0;
    for (let i = Math.round(fromSec * RATE); i < Math.round(toSec * RATE); i++) loud = Math.max(loud, Math.abs(mono[i]));
    return loud;
  };
  expect(peak(startSec + 31.55, firstEndSec)).toBeGreaterThan(0.5 * peak(startSec + 25, startSec + 31));
});
