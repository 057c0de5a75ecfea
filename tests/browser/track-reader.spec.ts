import { test, expect } from '@playwright/test';
import { encodeMp3 } from '../helpers/mp3';

// The export reads a stored MP3 run by run (workers/track-file-reader.ts), never decoding it whole: every stretch it
// reads must be the browser's own whole-file decode of the same file, run boundaries included.

const RATE = 44100;

/** 40 s of stereo music-like sound (a chord, clicks on the beat, noise off it) encoded by LAME at 192 kbit/s. */
async function mp3Bytes(): Promise<Uint8Array> {
  const n = 40 * RATE;
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  let seed = 1;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const beat = (t * 2) % 1;
    seed = (seed * 16807) % 2147483647;
    const hit = Math.exp(-beat * 30) * Math.sin(2 * Math.PI * 60 * t) * 0.5;
    const hat = (beat > 0.5 && beat < 0.55 ? 0.1 : 0) * (seed / 1073741823 - 1);
    l[i] = 0.2 * Math.sin(2 * Math.PI * 220 * t) + hit + hat;
    r[i] = 0.2 * Math.sin(2 * Math.PI * 277 * t) + hit - hat;
  }
  return encodeMp3([l, r], RATE);
}

test('an MP3 read run by run for the export is the whole-file decode, sample for sample', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const bytes = await mp3Bytes();
  const r = await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const whole = await new OfflineAudioContext(2, 1, 44100).decodeAudioData(data.slice().buffer);
    const reader = await (window as any).montage.openTrackFile(new Blob([data], { type: 'audio/mpeg' }));
    // Stretches as the export's pieces read them: across the 10-s runs, starting a little back, to the end.
    const ranges = [[0, 1000], [0, 500_000], [400_000, 1_000_000], [441_000, 441_100], [900_000, reader.length]];
    let worst = 0;
    for (const [from, to] of ranges) {
      const got = await reader.read(from, to);
      for (let c = 0; c < 2; c++) {
        const want = whole.getChannelData(c).subarray(from, to);
        if (got[c].length !== want.length) return { error: `read(${from}, ${to}) gave ${got[c].length} frames, the decode ${want.length}` };
        for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[c][i] - want[i]));
      }
    }
    return { worst, length: reader.length, wholeLength: whole.length, rate: reader.sampleRate, channels: reader.channels };
  }, Buffer.from(bytes).toString('base64'));
  console.log(JSON.stringify(r));
  expect(r.error).toBeUndefined();
  expect(r.rate).toBe(44100);
  expect(r.channels).toBe(2);
  expect(Math.abs(r.length! - r.wholeLength!)).toBeLessThan(1152);
  expect(r.worst).toBeLessThan(1e-6);
});
