import { describe, expect, it } from 'vitest';
import { poolTrack } from '../../helpers/tracks';
import { buildCuePlan, planCues, voiceStartTime, type Cue, type CueOptions, type CueSegment } from '../../../src/core/cue-plan';
import { barSeconds, gridOnClock, isDownbeat, nearestBeat, steadyGrid } from '../../../src/core/beat-grid';
import { planMusic } from '../../../src/core/music-plan';
import type { StepKind, TempoTarget, TimelineStep } from '../../../src/core/workout';

interface StepSpec {
  sec: number;
  tempo?: TempoTarget | null;
  kind?: StepKind;
  name?: string;
  voice?: string | null;
}

function timeline(specs: StepSpec[]): TimelineStep[] {
  let clock = 0;
  return specs.map((s, index) => {
    const step: TimelineStep = {
      index,
      step: { type: 'step', id: `s${index}`, kind: s.kind ?? 'work', name: s.name ?? `Step ${index + 1}`, duration: { unit: 'seconds', value: s.sec }, intensity: 3, tempo: s.tempo ?? null, build: null, hr: null, voice: s.voice ?? null },
      startSec: clock,
      durationSec: s.sec,
      repeatLabels: [],
    };
    clock += s.sec;
    return step;
  });
}

// A track at `bpm` (4/4, first downbeat at 0 in the track) playing from `startSec` to `endSec` on the workout clock.
const segment = (bpm: number, startSec: number, endSec: number, beatsPerBar = 4): CueSegment => ({
  startSec,
  endSec,
  grid: gridOnClock(steadyGrid(bpm, 0, 0, beatsPerBar), 0, 1, startSec),
});

const bars: CueOptions = { quantize: 'bar', countdownBeats: 0, metronome: false };
const kinds = (cues: Cue[], kind: Cue['kind']): Cue[] => cues.filter((c) => c.kind === kind);

describe('buildCuePlan: quantising step changes', () => {
  const steps = timeline([{ sec: 31 }, { sec: 30.7 }, { sec: 28.7 }]);
  const music = { segments: [segment(120, 0, 90.4)] };

  it('moves each change to the nearest downbeat in bar mode', () => {
    const plan = buildCuePlan(steps, music, bars);
    expect(plan.stepStarts).toEqual([0, 30, 62]);
    expect(plan.totalSec).toBe(90);
    const starts = kinds(plan.cues, 'step-start');
    expect(starts.map((c) => c.timeSec)).toEqual([0, 30, 62]);
    expect(kinds(plan.cues, 'finish')).toEqual([{ kind: 'finish', timeSec: 90, sound: 'finish', text: 'Workout complete. Great job!' }]);
  });

  it('moves each change to the nearest beat in beat mode, and leaves it alone in exact mode', () => {
    expect(buildCuePlan(steps, music, { ...bars, quantize: 'beat' }).stepStarts).toEqual([0, 31, 61.5]);
    const exact = buildCuePlan(steps, music, { ...bars, quantize: 'exact' });
    expect(exact.stepStarts).toEqual([0, 31, 61.7]);
    expect(exact.totalSec).toBeCloseTo(90.4, 12);
  });

  it('carries the drift: over 300 steps no change is more than half a bar from its ideal time', () => {
    const many = timeline(Array.from({ length: 300 }, (_, i) => ({ sec: 7.3 + (i % 3) * 0.41 })));
    const last = many[many.length - 1];
    const total = last.startSec + last.durationSec;
    const seg = segment(128, 0, total);
    const plan = buildCuePlan(many, { segments: [seg] }, bars);
    const bar = barSeconds(seg.grid);
    plan.stepStarts.forEach((q, k) => {
      expect(Math.abs(q - many[k].startSec)).toBeLessThanOrEqual(bar / 2 + 1e-9);
      expect(isDownbeat(seg.grid, q)).toBe(true);
    });
    expect(Math.abs(plan.totalSec - total)).toBeLessThanOrEqual(bar / 2 + 1e-9);
    for (let k = 1; k < plan.stepStarts.length; k += 1) expect(plan.stepStarts[k]).toBeGreaterThan(plan.stepStarts[k - 1]);
  });

  it('never moves a change more than a bar, even for steps shorter than a bar', () => {
    const short = timeline([{ sec: 3 }, { sec: 0.7 }, { sec: 0.6 }, { sec: 5 }]);
    const seg = segment(60, 0, 100); // bars of 4 s
    const plan = buildCuePlan(short, { segments: [seg] }, bars);
    const ideal = [0, 3, 3.7, 4.3];
    plan.stepStarts.forEach((q, k) => expect(Math.abs(q - ideal[k])).toBeLessThanOrEqual(4 + 1e-9));
    for (let k = 1; k < plan.stepStarts.length; k += 1) expect(plan.stepStarts[k]).toBeGreaterThan(plan.stepStarts[k - 1]);
    expect(plan.totalSec).toBeGreaterThan(plan.stepStarts[3]);
  });

  it('follows the music playing at each change when tracks of different tempo meet', () => {
    const two = timeline([{ sec: 59.5 }, { sec: 40.8 }, { sec: 20 }]);
    const music2 = { segments: [segment(120, 0, 60), segment(150, 60, 130)] };
    const plan = buildCuePlan(two, music2, { ...bars, countdownBeats: 3 });
    expect(plan.stepStarts).toEqual([0, 60, 100]);
    expect(plan.totalSec).toBeCloseTo(120.8, 9); // 150 BPM bars of 1.6 s from 60: 119.2, 120.8
    const counts = kinds(plan.cues, 'countdown').map((c) => [c.timeSec, (c as Extract<Cue, { kind: 'countdown' }>).n]);
    expect(counts.slice(3, 6)).toEqual([[58.5, 3], [59, 2], [59.5, 1]]);
    expect(counts.slice(6, 9).map(([t, n]) => [Number(t.toFixed(9)), n])).toEqual([[98.8, 3], [99.2, 2], [99.6, 1]]);
  });
});

describe('buildCuePlan: cues', () => {
  it('names the sound and words of each step', () => {
    const steps = timeline([{ sec: 10, kind: 'warmup' }, { sec: 10, kind: 'work', name: 'Sprint', voice: 'Go hard' }, { sec: 10, kind: 'recover', name: 'Easy' }]);
    const plan = buildCuePlan(steps, { segments: [] }, bars);
    expect(kinds(plan.cues, 'step-start')).toEqual([
      { kind: 'step-start', timeSec: 0, stepIndex: 0, sound: 'start', text: 'Step 1' },
      { kind: 'step-start', timeSec: 10, stepIndex: 1, sound: 'work', text: 'Go hard' },
      { kind: 'step-start', timeSec: 20, stepIndex: 2, sound: 'rest', text: 'Easy' },
    ]);
  });

  it('counts down on the last beats before each change, the count-in and the finish', () => {
    const steps = timeline([{ sec: 8 }, { sec: 1 }, { sec: 8 }]);
    const plan = buildCuePlan(steps, { segments: [segment(120, 0, 17)] }, { quantize: 'beat', countdownBeats: 4, metronome: false });
    const counts = kinds(plan.cues, 'countdown') as Extract<Cue, { kind: 'countdown' }>[];
    const at = (stepIndex: number): number[][] => counts.filter((c) => c.stepIndex === stepIndex).map((c) => [c.timeSec, c.n]);
    expect(at(0)).toEqual([[-2, 4], [-1.5, 3], [-1, 2], [-0.5, 1]]);
    expect(plan.leadInSec).toBe(2);
    expect(at(1)).toEqual([[6, 4], [6.5, 3], [7, 2], [7.5, 1]]);
    // A one-second step leaves room for one count only (the change at 8 s itself is not counted).
    expect(at(2)).toEqual([[8.5, 1]]);
    expect(at(3)).toEqual([[15, 4], [15.5, 3], [16, 2], [16.5, 1]]);
    expect(kinds(plan.cues, 'finish')[0].timeSec).toBe(17);
  });

  it('counts seconds when no music plays', () => {
    const plan = buildCuePlan(timeline([{ sec: 10 }]), { segments: [] }, { quantize: 'bar', countdownBeats: 3, metronome: false });
    expect(kinds(plan.cues, 'countdown').map((c) => c.timeSec)).toEqual([-3, -2, -1, 7, 8, 9]);
    expect(plan.stepStarts).toEqual([0]);
  });

  it('clicks at the target cadence, locked to half-time music, with accents on downbeats', () => {
    const run: TempoTarget = { minBpm: 160, maxBpm: 180, allowHalfDouble: true };
    const steps = timeline([{ sec: 60, tempo: run }, { sec: 60, tempo: null }]);
    const seg = segment(85, 0, 120);
    const clicks = kinds(buildCuePlan(steps, { segments: [seg] }, { ...bars, metronome: true }).cues, 'metronome') as Extract<Cue, { kind: 'metronome' }>[];
    const period = 60 / 170;
    const stepEnd = buildCuePlan(steps, { segments: [seg] }, bars).stepStarts[1];
    expect(clicks.length).toBe(Math.ceil(stepEnd / period - 1e-9));
    clicks.forEach((c, i) => expect(c.timeSec).toBeCloseTo(i * period, 9));
    expect(clicks.filter((c) => c.sound === 'accent').map((c) => c.timeSec)).toEqual(clicks.filter((c) => isDownbeat(seg.grid, c.timeSec)).map((c) => c.timeSec));
    expect(clicks.filter((c) => c.sound === 'accent').length).toBeGreaterThan(5);
    expect(nearestBeat(seg.grid, clicks[2].timeSec)).toBeCloseTo(clicks[2].timeSec, 9);
  });

  it('lands every change on a downbeat of the planned music', () => {
    const run: TempoTarget = { minBpm: 160, maxBpm: 180, allowHalfDouble: true };
    const jog: TempoTarget = { minBpm: 120, maxBpm: 130, allowHalfDouble: false };
    const steps = timeline(Array.from({ length: 12 }, (_, i) => ({ sec: i % 2 ? 47 : 93, tempo: i % 2 ? jog : run })));
    const track = (id: string, bpm: number, firstDownbeatSec: number) =>
      poolTrack({ id, title: id, durationSec: 150, bpm, firstBeatSec: firstDownbeatSec });
    const pool = [track('a', 84, 0.3), track('b', 172, 1.1), track('c', 125, 0.2), track('d', 122, 0.7), track('e', 166, 0.05), track('f', 128, 0.4)];
    const music = planMusic(steps, pool, { maxTempoChangePct: 5 });
    const plan = buildCuePlan(steps, music, bars);
    plan.stepStarts.forEach((q) => {
      const seg = music.segments.find((s) => s.startSec <= q + 1e-6 && q < s.endSec - 1e-6);
      expect(seg && isDownbeat(seg.grid, q)).toBe(true);
    });
  });
});

describe('planCues', () => {
  it('returns each cue exactly once when windows tile the clock', () => {
    const steps = timeline(Array.from({ length: 20 }, (_, i) => ({ sec: 13 + (i % 4), tempo: { minBpm: 118, maxBpm: 122, allowHalfDouble: false } })));
    const total = steps[19].startSec + steps[19].durationSec;
    const plan = buildCuePlan(steps, { segments: [segment(120, 0, total)] }, { quantize: 'beat', countdownBeats: 4, metronome: true });
    const seen: Cue[] = [];
    let from = -10;
    for (let i = 0; from < total + 10; i += 1) {
      const to = from + [0.1, 0.25, 0.5, 0.0, 1.7][i % 5];
      const got = planCues(plan, from, to);
      got.forEach((c) => {
        expect(c.timeSec).toBeGreaterThanOrEqual(from);
        expect(c.timeSec).toBeLessThan(to);
      });
      seen.push(...got);
      from = to;
    }
    expect(seen).toEqual(plan.cues);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i].timeSec).toBeGreaterThanOrEqual(seen[i - 1].timeSec);
    expect(planCues(plan, 5, 5)).toEqual([]);
    expect(planCues(plan, 9, 3)).toEqual([]);
  });

  it('starts speech early so the key word lands on the downbeat', () => {
    expect(voiceStartTime(32, 0.4)).toBeCloseTo(31.6, 12);
    expect(voiceStartTime(0, 0)).toBe(0);
  });
});
