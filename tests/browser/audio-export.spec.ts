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
    // Joins: every 16 s of the file, unless moved onto a track change. Found by where the pieces' renders differ most.
    const joins: number[] = [];
    for (let at = 0, n = 0; n < 40 && at < b.length; n++) at += 16 * sr, joins.push(at);
    const w = Math.round(0.02 * sr);
    // Level in 20 ms windows over the whole file: pieces against one render (a dip or swell at a join shows here).
    let worstDb = 0;
    let worstAt = 0;
    const bad: string[] = [];
    for (let i = w; i + w < a.length; i += w) {
      const la = rms(a, i, i + w);
      if (la < 0.02) continue;
      const db = Math.abs(20 * Math.log10(rms(b, i, i + w) / la));
      if (db > 1.5) bad.push(`${(i / sr).toFixed(2)}:${db.toFixed(1)}`);
      if (db > worstDb) { worstDb = db; worstAt = i / sr; }
    }
    // Clicks: the biggest sample-to-sample step of the pieces' render against that of the one render.
    let stepA = 0;
    let stepB = 0;
    for (let i = 1; i < a.length; i++) {
      stepA = Math.max(stepA, Math.abs(a[i] - a[i - 1]));
      stepB = Math.max(stepB, Math.abs(b[i] - b[i - 1]));
    }
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
      worstDb, worstAt, bad: bad.slice(0, 40), nBad: bad.length, segs: whole.program.segments.map((s: any) => [s.startSec + lead, s.endSec + lead, s.playbackRate]), stepA, stepB, stretched, joins: joins.length,
      beatErrMax: Math.max(...beatErr.map(Math.abs)), beats: beats.length,
      onsetErrMax: Math.max(...onsetErr), cueCount: cues.cues.length, planCues: cues.program.cues.length,
      placedOff: Math.max(...cues.cues.map((c: any) => Math.abs(c.placedSec - c.plannedSec))),
    };
  }, { workout: WORKOUT, finder: attackErrorsMs.toString() });
  console.log(JSON.stringify(r));
  expect(r.frames.every((f) => f === r.expectedFrames)).toBe(true);
  expect(r.stretched).toBeGreaterThan(0);
  expect(r.worstDb).toBeLessThan(1.5);
  expect(r.stepB).toBeLessThan(r.stepA * 1.25 + 0.01);
  expect(r.beats).toBeGreaterThan(20);
  expect(r.beatErrMax).toBeLessThan(2);
  expect(r.cueCount).toBe(r.planCues);
  expect(r.placedOff).toBeLessThan(1e-6);
  expect(r.onsetErrMax).toBeLessThan(1);
});
