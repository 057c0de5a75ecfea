import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import decode from 'audio-decode';
import { parseBuffer } from 'music-metadata';
import { checkAudio, wavMono } from '../helpers/export-check';

// Export audio from the Workouts screen, end to end: a pasted workout, the dialog, the file downloaded and
// analysed here (not by the app), its cue sheet, MP3 chapters, and Cancel leaving nothing behind.

const TEXT = '30s warmup 128bpm; 2x(20s sprint 160bpm, 20s easy 150bpm); 20s cooldown 130bpm';
const NAME = 'Export run';

async function pasteWorkout(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workouts' }).click();
  await page.getByLabel('Paste workout text').fill(TEXT);
  await page.getByLabel('Name of the pasted workout').fill(NAME);
  await page.getByRole('button', { name: 'Add pasted workout' }).click();
  await expect(page.getByRole('list', { name: 'Your workouts' }).getByRole('heading', { name: NAME, exact: true })).toBeVisible();
}

const LABELS = { WAV: 'WAV (uncompressed, 16-bit)', MP3: 'MP3 (192 kbit/s, with chapters)', Opus: 'Opus (160 kbit/s, smaller, with chapters)' };

async function exportAs(page: Page, format: 'WAV' | 'MP3' | 'Opus', voice: boolean) {
  await page.getByRole('button', { name: `Export audio of ${NAME}` }).click();
  const dialog = page.getByRole('dialog', { name: `Export audio: ${NAME}` });
  await dialog.getByLabel('Format').selectOption({ label: LABELS[format] });
  await expect(dialog.getByLabel('Include cues')).toBeChecked();
  // The offline voice ships, and the dialog says whose voice it is.
  await expect(dialog.getByText("Montage's own voice (eSpeak NG)")).toBeVisible();
  await dialog.getByLabel('Include voice').setChecked(voice);
  const file = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await file;
  const sheetDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download cue sheet' }).click();
  const sheet = await sheetDownload;
  const result = {
    name: download.suggestedFilename(), bytes: new Uint8Array(await readFile((await download.path())!)),
    sheetName: sheet.suggestedFilename(), sheet: JSON.parse(await readFile((await sheet.path())!, 'utf8')),
  };
  await dialog.getByRole('button', { name: 'Close' }).click();
  return result;
}


/**
 * The words in the file: the same export with and without voice differs only where the cue sheet's words go —
 * from just after each spoken cue's chime to before the next cue — and there by audible speech.
 */
function checkWords(withVoice: Float32Array, without: Float32Array, rate: number, sheet: any) {
  expect(withVoice.length).toBe(without.length);
  const cues = sheet.cues.filter((c: any) => c.kind !== 'metronome');
  const spoken = cues.map((c: any, i: number) => ({ c, next: cues[i + 1] })).filter(({ c }: any) => c.text && (c.kind === 'step-start' || c.kind === 'finish'));
  expect(spoken.length).toBe(7);
  const inWords = new Uint8Array(withVoice.length);
  for (const { c, next } of spoken) {
    const from = Math.round((c.timeSec + 0.29) * rate);
    const to = Math.min(withVoice.length, Math.round(((next?.timeSec ?? c.timeSec + 6.3) - 0.04) * rate));
    inWords.fill(1, from, to);
    let energy = 0;
    for (let i = from; i < Math.min(to, from + Math.round(0.4 * rate)); i++) energy += (withVoice[i] - without[i]) ** 2;
    expect(Math.sqrt(energy / (0.4 * rate)), `words of "${c.text}" at ${c.timeSec} s`).toBeGreaterThan(0.02);
  }
  let stray = 0;
  for (let i = 0; i < withVoice.length; i++) if (!inWords[i]) stray = Math.max(stray, Math.abs(withVoice[i] - without[i]));
  expect(stray, 'the files differ only where words are').toBeLessThan(2e-4);
}

test('Export audio: a WAV of a pasted workout, its cue sheet, each step change on its downbeat and the words in the file', async ({ page }) => {
  test.setTimeout(300_000);
  await pasteWorkout(page);
  await page.getByRole('button', { name: `Export audio of ${NAME}` }).click();
  await expect(page.getByRole('dialog').getByLabel('Include voice'), 'voice is on by default').toBeChecked();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  const out = await exportAs(page, 'WAV', true);
  expect(out.name).toBe(`${NAME}.wav`);
  expect(out.sheetName).toBe(`${NAME}.cues.json`);
  expect(out.sheet).toMatchObject({ workout: NAME, sampleRate: 44100 });
  for (const s of out.sheet.segments) expect(Object.keys(s).sort()).toEqual(['bpm', 'endSec', 'playbackRate', 'startSec', 'title']);
  const mono = wavMono(out.bytes);
  checkAudio(mono, 44100, out.sheet);
  const silent = await exportAs(page, 'WAV', false);
  expect(silent.sheet).toEqual(out.sheet);
  checkWords(mono, wavMono(silent.bytes), 44100, out.sheet);
});

test('Export audio: an MP3 with a chapter per step, the cue sheet giving times as the MP3 decodes', async ({ page }) => {
  test.setTimeout(240_000);
  await pasteWorkout(page);
  const out = await exportAs(page, 'MP3', true);
  expect(out.name).toBe(`${NAME}.mp3`);
  const meta = await parseBuffer(out.bytes, { mimeType: 'audio/mpeg' }, { duration: false, includeChapters: true });
  expect(meta.common.title).toBe(NAME);
  expect(meta.format.chapters?.map((c) => c.title)).toEqual(['warmup', 'sprint 1/2', 'easy 1/2', 'sprint 2/2', 'easy 2/2', 'cooldown']);
  const decoded = await decode(out.bytes);
  const [l, r] = decoded.channelData;
  const mono = l.map((v: number, i: number) => (v + r[i]) / 2);
  checkAudio(mono, decoded.sampleRate, out.sheet);
});

test('Export audio: an Opus file (WebCodecs, in Ogg) with chapters, decoded by the browser, each step change on its downbeat', async ({ page }) => {
  test.setTimeout(240_000);
  await pasteWorkout(page);
  const out = await exportAs(page, 'Opus', false);
  expect(out.name).toBe(`${NAME}.opus`);
  expect(String.fromCharCode(...out.bytes.subarray(0, 4))).toBe('OggS');
  const meta = await parseBuffer(out.bytes, { mimeType: 'audio/ogg' }, { duration: false });
  expect(meta.format.codec).toMatch(/opus/i);
  expect(meta.common.title).toBe(NAME);
  const comments = Object.fromEntries((meta.native.vorbis ?? []).map((t) => [t.id, t.value]));
  expect(comments.CHAPTER001).toBe('00:00:00.000');
  expect([2, 3, 4, 5, 6].map((n) => comments[`CHAPTER00${n}NAME`])).toEqual(['sprint 1/2', 'easy 1/2', 'sprint 2/2', 'easy 2/2', 'cooldown']);
  // Decoded by the browser's own Opus decoder (pre-skip dropped), at 44.1 kHz.
  const decoded = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const buffer = await new OfflineAudioContext(2, 1, 44100).decodeAudioData(bytes.buffer);
    const [l, r] = [buffer.getChannelData(0), buffer.getChannelData(1)];
    const mono = new Uint8Array(Float32Array.from(l, (v, i) => (v + r[i]) / 2).buffer);
    let text = '';
    for (let i = 0; i < mono.length; i += 0x8000) text += String.fromCharCode(...mono.subarray(i, i + 0x8000));
    return btoa(text);
  }, Buffer.from(out.bytes).toString('base64'));
  const raw = Buffer.from(decoded, 'base64');
  const mono = new Float32Array(new Uint8Array(raw).buffer);
  checkAudio(mono, 44100, out.sheet);
});

test('Export audio: Cancel stops at once and leaves no file behind', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workouts' }).click();
  await page.getByRole('button', { name: 'Export audio of Tabata' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export audio: Tabata' });
  await dialog.getByLabel('Format').selectOption({ label: 'WAV (uncompressed, 16-bit)' });
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
  // The half-written file is gone at once, and stays gone once the piece that was rendering has finished.
  const files = () => page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('exports', { create: true });
    const names: string[] = [];
    for await (const name of (dir as any).keys()) names.push(name);
    return names;
  });
  await expect.poll(files).toEqual([]);
  await page.waitForTimeout(5000);
  expect(await files()).toEqual([]);
  expect(downloads).toBe(0);
});
