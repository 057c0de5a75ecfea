import { test, expect } from '@playwright/test';
import { attackErrorsMs } from '../helpers/beat-attacks';

// The engine rendered offline in Chromium, sample-exact: three steps, two (here three) tracks of different
// BPM, one of them tempo-matched; cue onsets, the music's beats, downbeat track changes and gapless joins are measured.

const step = (id: string, kind: string, name: string, seconds: number, minBpm: number, maxBpm: number) => ({
  type: 'step', id, kind, name, duration: { unit: 'seconds', value: seconds }, intensity: 3,
  tempo: { minBpm, maxBpm, allowHalfDouble: false }, voice: null,
});
const WORKOUT = {
  id: 'render-check', name: 'Render check', updatedAt: 0,
  nodes: [
    step('a', 'warmup', 'Warm-up', 20, 125, 131),
    step('b', 'work', 'Sprint', 20, 160, 162),
    step('c', 'cooldown', 'Cool-down', 20, 148, 152),
  ],
};

test('rendered workout: cues within 1 ms of their beats, track changes on downbeats, no gaps between tracks', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const r = await page.evaluate(async (workout) => {
    const m = (window as any).montage;
    const opts = { fromSec: 0, durationSec: 64, startDelaySec: 0.1, maxTempoChangePct: 10 };
    const cues = await m.renderOffline(workout, { ...opts, include: 'cues' });
    const music = await m.renderOffline(workout, { ...opts, include: 'music' });
    const sr = cues.sampleRate;
    const x = cues.samples as Float32Array;
    const y = music.samples as Float32Array;
    const rms = (a: Float32Array, from: number, to: number) => {
      let s = 0;
      for (let i = Math.max(0, from); i < Math.min(a.length, to); i++) s += a[i] * a[i];
      return Math.sqrt(s / Math.max(1, to - from));
    };
    // Cue onsets: first sample over the threshold near where each cue was placed, after a quiet stretch.
    const onsets = cues.cues.map((c: any) => {
      const at = Math.round(c.ctxTime * sr);
      let found = -1;
      for (let i = at - Math.round(0.003 * sr); i < at + Math.round(0.003 * sr); i++) {
        if (Math.abs(x[i]) > 0.01) { found = i; break; }
      }
      const quietBefore = rms(x, at - Math.round(0.02 * sr), at - Math.round(0.001 * sr)) < 0.005;
      return { timeSec: c.timeSec, sound: c.sound, errorMs: found < 0 ? null : ((found - at) / sr) * 1000, quietBefore, stepIndex: c.stepIndex };
    });
    const segments = music.program.segments;
    // Where each cue sits on the grid of the music playing then (each segment's grid is on the workout clock; steady here).
    const gridPos = (t: number) => {
      const s = segments.find((g: any) => g.startSec <= t + 1e-9 && t < g.endSec - 1e-9) ?? segments[segments.length - 1];
      return { beat: ((t - s.grid.firstBeatSec) * s.grid.bpm) / 60, bar: ((t - s.grid.firstDownbeatSec) * s.grid.bpm) / 60 / s.grid.beatsPerBar };
    };
    const beatsOff = cues.cues.map((c: any) => {
      const { beat, bar } = gridPos(c.timeSec);
      return { sound: c.sound, beat: Math.abs(beat - Math.round(beat)), bar: Math.abs(bar - Math.round(bar)) };
    });
    // Joins between tracks: a hit right at the change, and no silence longer than 5 ms around it.
    const joins = segments.slice(1).map((s: any) => {
      const at = Math.round((0.1 + s.startSec) * sr);
      let run = 0;
      let longest = 0;
      // The join itself: from 30 ms before the change to 30 ms after (the tracks' own rests are not gaps).
      for (let i = at - Math.round(0.03 * sr); i < at + Math.round(0.03 * sr); i++) {
        run = Math.abs(y[i]) < 1e-4 ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      return {
        startSec: s.startSec,
        offsetBars: ((s.startSec - s.grid.firstDownbeatSec) * s.grid.bpm) / 60 / s.grid.beatsPerBar,
        longestSilenceMs: (longest / sr) * 1000,
        before: rms(y, at - Math.round(0.02 * sr), at - Math.round(0.001 * sr)),
        after: rms(y, at, at + Math.round(0.02 * sr)),
      };
    });
    // Beats of the music against the plan (tests/helpers/beat-attacks.ts), per segment, away from the joins;
    // every demo beat has a kick or snare.
    const beatQueries = (render: any) => segments.map((s: any) => {
      const period = 60 / s.grid.bpm;
      const beatsSec: number[] = [];
      for (let k = Math.ceil((s.startSec + 0.2 - s.grid.firstBeatSec) / period); s.grid.firstBeatSec + k * period < s.endSec - 0.2; k++) {
        beatsSec.push(s.grid.firstBeatSec + k * period);
      }
      return { rate: s.playbackRate, query: { samples: render.samples, sampleRate: render.sampleRate, startSec: 0.1, beatsSec } };
    });
    // Again at 48 kHz, the rate of many phones: the demo loops are made at 44.1 kHz.
    const music48 = await m.renderOffline(workout, { ...opts, include: 'music', sampleRate: 48000 });
    (window as any).beatQueries = [...beatQueries(music), ...beatQueries(music48)];
    return { onsets, beatsOff, joins, segments, stepStarts: music.program.stepStarts };
  }, WORKOUT);
  const beatErrorsMs = await page.evaluate(`window.beatQueries.map((b) => ({ rate: b.rate, sampleRate: b.query.sampleRate, errors: (${attackErrorsMs.toString()})(b.query) }))`) as
    { rate: number; sampleRate: number; errors: number[] }[];

  // Three tracks, one tempo-matched to the sprint's 160–162 BPM.
  expect(r.segments.length).toBe(3);
  expect(new Set(r.segments.map((s: any) => s.trackId)).size).toBe(3);
  const matched = r.segments.filter((s: any) => Math.abs(s.playbackRate - 1) > 1e-3);
  expect(matched.length).toBe(1);
  expect(matched[0].musicBpm).toBeGreaterThanOrEqual(160);
  expect(matched[0].musicBpm).toBeLessThanOrEqual(162);

  // The music's beats land where the plan puts them, the tempo-matched track's too (the pitch-keeping stretcher),
  // and not late or early on the whole, at 44.1 and 48 kHz: 19 beats in 20 within 2 ms, none beyond 3 ms.
  // Not every beat within 2 ms: the demo's snare noise is new in every render and the stretcher keeps a
  // kick's level and time but not its phase, so the attack this detector finds moves by a few tenths of a
  // millisecond from render to render; the stretched track's worst beat measured 1.9–2.1 ms over runs
  // (GrainPlayer's: 14 ms, `npm run bench -- stretch`).
  const sorted = (a: number[]) => [...a].sort((p, q) => p - q);
  const median = (a: number[]) => sorted(a)[Math.floor(a.length / 2)];
  for (const b of beatErrorsMs) {
    if (process.env.DBG) console.log(b.rate, b.sampleRate, JSON.stringify(b.errors.map((e: number) => Number(e.toFixed(2)))));
    const where = `at rate ${b.rate}, ${b.sampleRate} Hz`;
    expect(b.errors.length).toBeGreaterThan(20);
    expect(Math.abs(median(b.errors)), `median beat error ${where}`).toBeLessThan(1);
    const size = sorted(b.errors.map(Math.abs));
    expect(size[Math.floor(0.95 * (size.length - 1))], `95th percentile of the beat error ${where}`).toBeLessThan(2);
    expect(size[size.length - 1], `largest beat error ${where}`).toBeLessThan(3);
  }

  // Every cue sounds, within ±1 ms of where it was placed.
  expect(r.onsets.length).toBeGreaterThanOrEqual(3 + 3 * 2 + 1);
  for (const o of r.onsets) {
    if (process.env.DBG) console.log(JSON.stringify(o));
    expect(o.errorMs, `cue ${o.sound} at ${o.timeSec}`).not.toBeNull();
    expect(Math.abs(o.errorMs), `cue ${o.sound} at ${o.timeSec}`).toBeLessThan(1);
  }
  // ...and where it was placed is a beat of the music (step changes: a downbeat).
  for (const b of r.beatsOff) {
    expect(b.beat).toBeLessThan(0.001 * 3); // 1 ms at ≥ 128 BPM is < 0.003 beat
    if (b.sound === 'work' || b.sound === 'rest' || b.sound === 'start') expect(b.bar).toBeLessThan(0.001);
  }
  // Track changes start the new track on its first downbeat, with a hit there and no gap.
  expect(r.joins.length).toBe(2);
  for (const j of r.joins) {
    expect(Math.abs(j.offsetBars - Math.round(j.offsetBars))).toBeLessThan(1e-6);
    expect(j.longestSilenceMs).toBeLessThan(5);
    expect(j.after).toBeGreaterThan(j.before);
  }
});

test('with the voice off the music ducks under the chime only, not for words nobody says', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  // Long words: the step change takes longer to say than its chime rings (its duck, 1.3 s).
  const sprint = { ...step('b', 'work', 'Sprint', 20, 160, 162), voice: 'Sprint now, all the way up the long hill to the very top' };
  const workout = { ...WORKOUT, nodes: [step('a', 'warmup', 'Warm-up', 20, 125, 131), sprint] };
  const r = await page.evaluate(async (w) => {
    const m = (window as any).montage;
    const opts = { fromSec: 17, durationSec: 7, startDelaySec: 0.1, include: 'music' };
    const spoken = await m.renderOffline(w, { ...opts, spoken: { kind: 'estimated' } });
    const silent = await m.renderOffline(w, { ...opts, spoken: { kind: 'none' } });
    const sr = spoken.sampleRate;
    const change = spoken.cues.find((c: any) => c.kind === 'step-start');
    const text: string = spoken.program.cues.find((c: any) => c.kind === 'step-start' && c.timeSec > 10).text;
    const rms = (a: Float32Array, fromSec: number, toSec: number) => {
      let s = 0;
      for (let i = Math.round(fromSec * sr); i < Math.round(toSec * sr); i++) s += a[i] * a[i];
      return Math.sqrt(s / Math.round((toSec - fromSec) * sr));
    };
    // The words' duck as estimated for the browser's voice (core/voice-slots.ts); past the chime's duck and its release.
    const holdSec = 0.6 * Math.min(4, 0.4 + text.length * 0.06);
    const [a, b] = [change.ctxTime + 1.75, change.ctxTime + holdSec - 0.05];
    return { text, holdSec, spoken: rms(spoken.samples, a, b), silent: rms(silent.samples, a, b) };
  }, workout);
  expect(r.holdSec).toBeGreaterThan(2);
  // Ducked by 5 dB with words; at full level without.
  expect(r.spoken / r.silent).toBeLessThan(0.65);
  expect(r.spoken / r.silent).toBeGreaterThan(0.45);
});
