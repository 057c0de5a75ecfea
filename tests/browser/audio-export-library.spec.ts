import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { drumGroove } from '../helpers/signals';
import { encodeMp3 } from '../helpers/mp3';
import { checkAudio, wavMono } from '../helpers/export-check';
import type { CueSheet } from '../../src/core/cue-sheet';

// Export with the user's own music: an MP3 imported through the file input is analysed, planned into a pasted
// workout and read for the export run by run (workers/track-file-reader.ts), never decoded whole.

const RATE = 44100;
const NAME = 'Own music run';

/** Drums over a held bass note, so the music never falls silent by itself (a gap in the file is the export's). */
const grooveMp3 = (seconds: number) =>
  encodeMp3(Array.from({ length: 2 }, () => drumGroove({ bpm: 150, seconds, sampleRate: RATE }).map((v, i) => v + 0.05 * Math.sin((2 * Math.PI * 110 * i) / RATE))), RATE);

/** Imports `file` through the Library's file input and waits for its analysis. */
async function importMp3(page: Page, name: string, mp3: Uint8Array) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Import music').setInputFiles([{ name, mimeType: 'audio/mpeg', buffer: Buffer.from(mp3) }]);
  await expect(page.getByText(/Import finished: 1 of 1/)).toBeVisible({ timeout: 60_000 });
}

/** Pastes the workout `text` as `name` on the Workouts screen. */
async function pasteWorkout(page: Page, text: string, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workouts' }).click();
  await page.getByLabel('Paste workout text').fill(text);
  await page.getByLabel('Name of the pasted workout').fill(name);
  await page.getByRole('button', { name: 'Add pasted workout' }).click();
}

/** Exports workout `name` as WAV without voice (and without cues unless `cues`); returns the file as mono and its cue sheet. */
async function exportWav(page: Page, name: string, cues: boolean): Promise<{ mono: Float32Array; sheet: CueSheet }> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workouts' }).click();
  await page.getByRole('button', { name: `Export audio of ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Export audio: ${name}` });
  await dialog.getByLabel('Format').selectOption({ label: 'WAV (uncompressed, 16-bit)' });
  await dialog.getByLabel('Include cues').setChecked(cues);
  await dialog.getByLabel('Include voice').setChecked(false);
  const file = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await file;
  const sheetDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download cue sheet' }).click();
  const sheet = JSON.parse(await readFile((await (await sheetDownload).path())!, 'utf8')) as CueSheet;
  return { mono: wavMono(new Uint8Array(await readFile((await download.path())!))), sheet };
}

/** The loudest sample of `mono` from `fromSec` to `toSec`. */
function peak(mono: Float32Array, fromSec: number, toSec: number): number {
  let loud = 0;
  for (let i = Math.round(fromSec * RATE); i < Math.round(toSec * RATE); i++) loud = Math.max(loud, Math.abs(mono[i]));
  return loud;
}

test('Export audio with an imported MP3: its music in the file, every step change on its downbeat', async ({ page }) => {
  test.setTimeout(240_000);
  await importMp3(page, 'groove-150.mp3', await grooveMp3(40));
  const bpm = Number(await page.getByTestId('track-row').filter({ hasText: 'groove-150' }).getByTestId('track-bpm').textContent());
  expect(Math.abs(bpm - 150)).toBeLessThan(2);
  await pasteWorkout(page, '20s warmup 150bpm; 30s run 150bpm; 20s cooldown 150bpm', NAME);
  const { mono, sheet } = await exportWav(page, NAME, true);

  // The plan plays the imported track (at its own tempo: no stretch), and the file holds it.
  expect(sheet.segments.length).toBeGreaterThan(0);
  for (const s of sheet.segments) expect(s).toMatchObject({ title: 'groove-150', playbackRate: 1 });
  checkAudio(mono, RATE, sheet, 3);
  // Its kicks: the groove's loudest moments, on its beats as heard in the file, every 0.4 s.
  expect(peak(mono, sheet.segments[0].startSec, sheet.segments[0].endSec)).toBeGreaterThan(0.2);
});

test('Export audio with an imported MP3 that runs out before the music ends: its last bar repeats, no gap', async ({ page }) => {
  test.setTimeout(240_000);
  // 31.5 s of the groove (a bar every 1.6 s; the last whole one ends at 30.4 s) for a 32 s step: it plays on to the
  // step's end rather than leave half a second to another track, then plays again.
  await importMp3(page, 'short-150.mp3', await grooveMp3(31.5));
  await pasteWorkout(page, '32s run 150bpm; 20s easy 150bpm', 'Short music');
  // The Music plan says so.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Playlists' }).click();
  await page.getByRole('button', { name: 'Music plan' }).click();
  await page.getByLabel('Workout', { exact: true }).selectOption({ label: 'Short music' });
  const parts = page.getByTestId('plan-segment');
  await expect(parts).toHaveCount(2);
  await expect(parts.first()).toContainText('0:00.0–0:32.0');
  await expect(parts.first()).toContainText('its last bar repeats to the end');
  await expect(parts.last()).not.toContainText('repeats');
  // Music only: a cue's ring would hide a gap in the music.
  const { mono, sheet } = await exportWav(page, 'Short music', false);

  // The track twice, the first time planned on past its audio.
  expect(sheet.segments).toHaveLength(2);
  const [{ startSec, endSec: firstEndSec }, { endSec }] = sheet.segments;
  expect(firstEndSec - startSec).toBeGreaterThan(31.9);
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
  expect(peak(mono, startSec + 31.55, firstEndSec)).toBeGreaterThan(0.5 * peak(mono, startSec + 25, startSec + 31));
});
