import { test, expect } from '@playwright/test';
import { attackErrorsMs } from '../helpers/beat-attacks';

// A step whose tempo builds, rendered offline in Chromium: the music's beats against the beats the plan ramps
// bar by bar (the stretcher follows the tempo map), and the cues on those beats.

const WORKOUT = {
  id: 'build-check', name: 'Build check', updatedAt: 0,
  nodes: [
    { type: 'step', id: 'a', kind: 'work', name: 'Build', duration: { unit: 'seconds', value: 40 }, intensity: 4,
      tempo: { minBpm: 150, maxBpm: 161, allowHalfDouble: false }, build: 'up', hr: null, voice: null },
    { type: 'step', id: 'b', kind: 'recover', name: 'Easy', duration: { unit: 'seconds', value: 12 }, intensity: 2,
      tempo: { minBpm: 160, maxBpm: 162, allowHalfDouble: false }, build: null, hr: null, voice: null },
  ],
};

test('a building tempo: the music speeds up bar by bar, its beats on the plan within 2 ms, cues on them', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const r = await page.evaluate(async (workout) => {
    const m = (window as any).montage;
    const opts = { fromSec: 0, durationSec: 54, startDelaySec: 0.1, maxTempoChangePct: 0 };
    const music = await m.renderOffline(workout, { ...opts, include: 'music' });
    const cues = await m.renderOffline(workout, { ...opts, include: 'cues' });
    const rate = music.sampleRate;
    const z = music.samples as Float32Array;
    const first = music.program.segments[0];
    // Each planned beat of the ramped segment (its grid lists them) against the attack found near it, as in engine-render.spec.ts.
    const beats: number[] = Array.from(first.grid.beats as Float64Array).filter((t: number) => t > 0.3 && t < first.endSec - 0.3);
    (window as any).attackQuery = { samples: z, sampleRate: rate, startSec: 0.1, beatsSec: beats };
    const gaps = beats.slice(1).map((t, i) => t - beats[i]);
    const cueOff = cues.cues.map((c: any) => {
      const list = Array.from((music.program.segments.find((s: any) => s.startSec <= c.timeSec + 1e-9 && c.timeSec < s.endSec)
        ?? music.program.segments.at(-1)).grid.beats ?? []) as number[];
      return list.length === 0 ? null : Math.min(...list.map((b) => Math.abs(b - c.timeSec)));
    });
    return { firstBpm: 60 / gaps[0], lastBpm: 60 / gaps[gaps.length - 1], mapped: first.tempoMap !== null, trackId: first.trackId, cueOff };
  }, WORKOUT);
  const errors = await page.evaluate(`(${attackErrorsMs.toString()})(window.attackQuery)`) as number[];

  expect(r.mapped).toBe(true);
  expect(r.trackId).toBe('demo-150');
  expect(r.firstBpm).toBeGreaterThan(149);
  expect(r.firstBpm).toBeLessThan(152);
  expect(r.lastBpm).toBeGreaterThan(159);
  const size = errors.map(Math.abs).sort((a: number, b: number) => a - b);
  if (process.env.DBG) console.log(r.firstBpm, r.lastBpm, JSON.stringify(errors.map((e: number) => Number(e.toFixed(2)))));
  expect(size.length).toBeGreaterThan(80);
  expect(size[Math.floor(size.length / 2)], 'median beat error, ms').toBeLessThan(1);
  expect(size[Math.floor(0.95 * (size.length - 1))], '95th percentile of the beat error, ms').toBeLessThan(2);
  expect(size[size.length - 1], 'largest beat error, ms').toBeLessThan(3);
  for (const off of r.cueOff) if (off !== null) expect(off).toBeLessThan(1e-6);
});
