import { test, expect } from '@playwright/test';
import { attackErrorsMs } from '../helpers/beat-attacks';

// The audio export rendered in Chromium: the same workout rendered in pieces and in one go must sound the same,
// joins included, and every cue must sound where the cue sheet puts it.

const step = (id: string, kind: string, name: string, seconds: number, minBpm: number, maxBpm: number) => ({
  type: 'step', id, kind, name, duration: { unit: 'seconds', value: seconds }, intensity: 3,
  tempo: { minBpm, maxBpm, allowHalfDouble: false }, voice: null,
});
const WORKOUT = {
  id: 'export-check', name: 'Export check', updatedAt: 0,
  nodes: [step('a', 'warmup', 'Warm-up', 30, 125, 131), step('b', 'work', 'Sprint', 30, 160, 162), step('c', 'cooldown', 'Cool-down', 30, 148, 152)],
};

test('export in pieces: the same sound as one render, no click or dip at a join, every cue on its planned time', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  const r = await page.evaluate(async ({ workout, finder }) => {
    const m = (window as any).montage;
    const attackErrors = new Function(`return (${finder})`)() as (q: any) => number[];
    const whole = await m.renderExport(workout, { pieceSec: 1000, maxTempoChangePct: 10, include: 'music' });
    const pieces = await m.renderExport(workout, { pieceSec: 16, maxTempoChangePct: 10, include: 'music' });
    const cues = await m.renderExport(workout, { pieceSec: 16, maxTempoChangePct: 10, include: 'cues' });
    const sr = whole.sampleRate;
    const a = whole.samples as Float32Array;
    const b = pieces.samples as Float32Array;
    const rms = (x: Float32Array, from: number, to: number) => {
      let s = 0;
      for (let i = from; i < to; i++) s += x[i] * x[i];
      return Math.sqrt(s / (to - from));
    };
    const lead = -Math.min(0, -whole.program.leadInSec);
    const stretched = whole.program.segments.filter((s: any) => Math.abs(s.playbackRate - 1) > 1e-3).length;
    // Where no tempo-matched track sounds, the pieces are the one render, sample for sample (joins included).
    const isStretched = (f: number) => whole.program.segments.some((s: any) => Math.abs(s.playbackRate - 1) > 1e-3
      && f >= (s.startSec + lead - 3.2) * sr && f < (s.endSec + lead + 0.2) * sr);
    // Rate-1 music: the same samples, up to the linear interpolation of a start between two samples (a track
    // started inside a piece, at an offset that falls between samples): per second, correlation and level.
    let plainCorr = 1;
    let plainLevelDb = 0;
    let plainSeconds = 0;
    for (let t = 0; (t + 1) * sr <= a.length; t++) {
      const from = t * sr;
      const to = (t + 1) * sr;
      if (isStretched(from) || isStretched(to - 1)) continue;
      let ab = 0;
      let aa = 0;
      let bb = 0;
      for (let i = from; i < to; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
      if (aa < 1e-6) continue;
      plainCorr = Math.min(plainCorr, ab / Math.sqrt(aa * bb));
      plainLevelDb = Math.max(plainLevelDb, Math.abs(10 * Math.log10(bb / aa)));
      plainSeconds += 1;
    }
    const trackChanges = whole.program.segments.slice(1).map((s: any) => (s.startSec + lead) * sr);
    // At each join: the level over 200 ms around it against the one render's (a dip or a swell shows), and the
    // biggest sample-to-sample step within 50 ms of it against the one render's there (a click shows).
    const joins = (pieces.joins as number[]).map((j) => {
      const la = rms(a, j - 0.1 * sr, j + 0.1 * sr);
      const lb = rms(b, j - 0.1 * sr, j + 0.1 * sr);
      let stepA = 0;
      let stepB = 0;
      for (let i = j - 0.05 * sr; i < j + 0.05 * sr; i++) {
        stepA = Math.max(stepA, Math.abs(a[i] - a[i - 1]));
        stepB = Math.max(stepB, Math.abs(b[i] - b[i - 1]));
      }
      const atChange = trackChanges.some((c: number) => Math.abs(c - j) < 0.2 * sr);
      return { atSec: j / sr, stretched: isStretched(j), atChange, levelDb: la < 1e-4 ? 0 : 20 * Math.log10(lb / la), stepA, stepB };
    });
    // Beats of the music as heard in the pieces' render, against the plan (the start of every bar).
    const beats: number[] = [];
    for (const s of pieces.program.segments) {
      const g = s.grid;
      for (let t = g.firstDownbeatSec; t < s.endSec - 0.1; t += (60 / g.bpm) * g.beatsPerBar) if (t > s.startSec + 0.1) beats.push(t);
    }
    const beatErr = attackErrors({ samples: b, sampleRate: sr, startSec: lead, beatsSec: beats });
    // Cue onsets in the cue render against the cue sheet's times.
    const x = cues.samples as Float32Array;
    const onsetErr = cues.cues.map((c: any) => {
      const at = Math.round(c.plannedSec * sr);
      let found = -1;
      for (let i = at - Math.round(0.003 * sr); i < at + Math.round(0.003 * sr); i++) if (Math.abs(x[i]) > 0.01) { found = i; break; }
      return found < 0 ? 99 : Math.abs(found - at) / sr * 1000;
    });
    return {
      frames: [a.length, b.length, whole.frames, pieces.frames], expectedFrames: Math.round((lead + whole.program.endSec + 2) * sr),
      plainCorr, plainLevelDb, plainSeconds, rhos: pieces.joinCorrelations, joins, stretched,
      beatErrMax: Math.max(...beatErr.map(Math.abs)), beats: beats.length,
      onsetErrMax: Math.max(...onsetErr), cueCount: cues.cues.length, planCues: cues.program.cues.length,
      placedOff: Math.max(...cues.cues.map((c: any) => Math.abs(c.placedSec - c.plannedSec))),
    };
  }, { workout: WORKOUT, finder: attackErrorsMs.toString() });
  console.log(JSON.stringify(r));
  expect(r.frames.every((f) => f === r.expectedFrames)).toBe(true);
  expect(r.stretched).toBeGreaterThan(0);
  expect(r.plainSeconds).toBeGreaterThan(30);
  expect(r.plainCorr).toBeGreaterThan(0.98);
  expect(r.plainLevelDb).toBeLessThan(0.5);
  expect(r.joins.length).toBeGreaterThanOrEqual(5);
  expect(r.joins.some((j) => j.stretched)).toBe(true);
  // Both track changes are joins, one of them into a tempo-matched track.
  expect(r.joins.filter((j) => j.atChange).length).toBe(2);
  r.joins.forEach((j, k) => {
    const rho = r.rhos[k];
    // A join at a track change falls just past the outgoing track's fade-out, where the incoming track alone plays,
    // started on the same render quantum in both renders: they are the same sound. (The 200 ms around it still
    // hold the outgoing track's last beat, whose stretcher phases differ from the one render's: no level check.)
    if (j.atChange) expect(rho, `join at the track change at ${j.atSec} s`).toBeGreaterThan(0.99);
    else expect(Math.abs(j.levelDb)).toBeLessThan(1);
    // Inside a tempo-matched track both renders play the output of the one stretcher that plays the whole track
    // (core/prestretch.ts): alike too (a stretcher restarted for each piece gave ρ down to −0.9 here).
    expect(rho, `join at ${j.atSec} s`).toBeGreaterThan(0.98);
    // Renders out of phase are crossfaded with a gain that keeps the level (core/export-join.ts), up to √2 mid-join
    // where they would cancel: where the two are alike a sample there is that much bigger, which is not a click.
    const gain = 1 / Math.sqrt(Math.max(0.5, 0.5 + rho / 2));
    expect(j.stepB, `join at ${j.atSec} s (ρ ${rho})`).toBeLessThan(j.stepA * 1.25 * gain + 0.005);
  });
  expect(r.beats).toBeGreaterThan(20);
  // The attack finder reads a stretched kick to within about 2 ms (tests/helpers/beat-attacks.ts); the issue asks ±5 ms.
  expect(r.beatErrMax).toBeLessThan(2.5);
  expect(r.cueCount).toBe(r.planCues);
  expect(r.placedOff).toBeLessThan(1e-6);
  expect(r.onsetErrMax).toBeLessThan(1);
});
