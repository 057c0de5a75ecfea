import { describe, expect, it } from 'vitest';
import { planWorkout, stepEndSec, type MusicRequest } from '../../../src/core/program';
import { programViewAt, writtenTotalSec } from '../../../src/core/program-view';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { demo3030Template } from '../../../src/core/workout-templates';
import type { CueOptions } from '../../../src/core/cue-plan';
import type { Step, StepKind, Workout } from '../../../src/core/workout';
import { formatClock, nameRepeatsKind } from '../../../src/ui/format';
import { poolTrack } from '../../helpers/tracks';

const bars: CueOptions = { quantize: 'bar', countdownBeats: 3, metronome: false };
const step = (id: string, kind: StepKind, name: string, seconds: number): Step =>
  ({ type: 'step', id, kind, name, duration: { unit: 'seconds', value: seconds }, intensity: 3, tempo: null, build: null, hr: null, voice: null });
const tenMinutes: Workout = { id: 'w-10', name: 'Ten minutes', updatedAt: 0, nodes: [step('s1', 'work', 'Run', 600)] };
const twoSteps: Workout = { ...tenMinutes, nodes: [step('s1', 'warmup', 'Warm-up', 300), step('s2', 'work', 'Run', 300)] };
// Tempos whose bars put the 10:00 change up to a bar late (117, 125, 131, 139 BPM) or early (121, 143).
const music = (bpm: number): MusicRequest => ({
  library: [poolTrack({ id: `t${bpm}`, title: `At ${bpm}`, bpm, firstBeatSec: 0.37, durationSec: 700 })],
  demo: demoTrackInfos(),
  maxTempoChangePct: 8,
});
const TEMPOS = [117, 121, 125, 131, 139, 143];

describe('the running screen clock: a 10:00 step reads 10:00', () => {
  for (const bpm of TEMPOS) {
    it(`shows 10:00 at the start of a 10:00 step and never more, with music at ${bpm} BPM`, () => {
      const p = planWorkout(tenMinutes, music(bpm), bars);
      expect(formatClock(programViewAt(p, 0).clockSec)).toBe('10:00');
      for (let t = 0; t < p.endSec; t += 0.25) expect(programViewAt(p, t).clockSec).toBeLessThanOrEqual(600);
      // The clock still reaches 0:00 at the step change itself, and shows 0:01 until then.
      expect(formatClock(programViewAt(p, p.endSec - 0.3).clockSec)).toBe('0:01');
      expect(programViewAt(p, p.endSec).clockSec).toBe(0);
    });
  }

  it('counts real seconds once the step is within its written length', () => {
    const p = planWorkout(tenMinutes, music(125), bars);
    expect(p.endSec).toBeGreaterThan(600.5); // the change moved onto a bar after 10:00: the case the clock must hide
    const v = programViewAt(p, 100);
    expect(v.clockSec).toBeCloseTo(p.endSec - 100, 9);
    expect(v.remainingSec).toBeCloseTo(p.endSec - 100, 9);
  });

  it('holds each step of a longer workout to its own written length', () => {
    for (const bpm of TEMPOS) {
      const p = planWorkout(twoSteps, music(bpm), bars);
      // A step whose changes both moved onto bars may play shorter than written: then its clock counts the real time.
      const start = programViewAt(p, p.stepStarts[1]);
      expect(start.clockSec).toBe(Math.min(300, stepEndSec(p, 1) - p.stepStarts[1]));
      expect(start.clockSec).toBeGreaterThan(300 - (2 * 4 * 60) / bpm);
      expect(formatClock(programViewAt(p, p.stepStarts[1] + 1e-3).clockSec)).toMatch(/^(5:00|4:5\d)$/);
      expect(programViewAt(p, stepEndSec(p, 0) - 0.5).clockSec).toBeCloseTo(0.5, 9);
    }
  });

  it('keeps the count-in clock counting to the first step', () => {
    const p = planWorkout(tenMinutes, music(125), bars);
    expect(programViewAt(p, -p.leadInSec).clockSec).toBeCloseTo(p.leadInSec, 9);
  });
});

describe('the timeline total: a 10:00 workout reads 10:00', () => {
  for (const bpm of TEMPOS) {
    it(`says 10:00 in total with music at ${bpm} BPM`, () => {
      const p = planWorkout(tenMinutes, music(bpm), bars);
      expect(formatClock(writtenTotalSec(p))).toBe('10:00');
      expect(formatClock(writtenTotalSec(planWorkout(twoSteps, music(bpm), bars)))).toBe('10:00');
    });
  }
  it('says 10:00 for the 10:00 demo, which ends on a bar of the demo music after 10:00', () => {
    const p = planWorkout(demo3030Template(), { library: [], demo: demoTrackInfos(), maxTempoChangePct: 0 }, bars);
    expect(p.endSec).toBeGreaterThan(600.5);
    expect(formatClock(writtenTotalSec(p))).toBe('10:00');
  });
  it('is 0 for a workout without steps', () => expect(writtenTotalSec({ steps: [] })).toBe(0));
});

describe('nameRepeatsKind', () => {
  it('is true when the name only says the kind, in any case or spelling of the hyphen', () => {
    expect(nameRepeatsKind('warmup', 'Warm-up')).toBe(true);
    expect(nameRepeatsKind('warmup', 'warm up')).toBe(true);
    expect(nameRepeatsKind('cooldown', 'Cooldown')).toBe(true);
    expect(nameRepeatsKind('rest', 'REST')).toBe(true);
  });
  it('is false for a name that says more', () => {
    expect(nameRepeatsKind('work', 'Hill sprint')).toBe(false);
    expect(nameRepeatsKind('recover', 'Recover jog')).toBe(false);
    expect(nameRepeatsKind('work', '')).toBe(false);
  });
});
