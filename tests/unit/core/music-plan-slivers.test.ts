import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planMusic } from '../../../src/core/music-plan';
import { MIN_SEGMENT_SEC, type PoolTrack } from '../../../src/core/music-pool';
import { planWorkout } from '../../../src/core/program';
import type { Step, TimelineStep, Workout } from '../../../src/core/workout';
import { flattenWorkout } from '../../../src/core/workout-timeline';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { formatClockTenths } from '../../../src/ui/format';
import { poolTrack } from '../../helpers/tracks';
import { range, timeline } from '../../helpers/timeline';

// No slivers: a track that runs out in a step's last seconds plays on to the step's end instead of leaving a
// moment for another track, so no segment is shorter than MIN_SEGMENT_SEC unless its whole step is, and no row
// of the Music plan reads "10:30.0–10:30.0".

const TARGETS = [null, range(160, 180, true), range(120, 130), range(100, 110, true), range(140, 150), range(128, 128)];

const stepArb = fc.record({ sec: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 150 })), target: fc.integer({ min: 0, max: TARGETS.length - 1 }) });
const trackArb = fc.record({
  bpm: fc.integer({ min: 55, max: 190 }), durationSec: fc.integer({ min: 2, max: 160 }),
  downbeatSec: fc.double({ min: 0, max: 3, noNaN: true }), beatsPerBar: fc.constantFrom(3, 4, 7),
});
const caseArb = fc.record({ steps: fc.array(stepArb, { minLength: 1, maxLength: 7 }), tracks: fc.array(trackArb, { minLength: 1, maxLength: 5 }), maxPct: fc.constantFrom(0, 5, 10) });

const poolOf = (tracks: readonly { bpm: number; durationSec: number; downbeatSec: number; beatsPerBar: number }[]): PoolTrack[] =>
  tracks.map((t, i) => poolTrack({ id: `t${i}`, bpm: t.bpm, durationSec: t.durationSec, firstDownbeatSec: t.downbeatSec, firstBeatSec: t.downbeatSec, beatsPerBar: t.beatsPerBar }));

// True when the segment [a, b] is exactly whole steps that together last under MIN_SEGMENT_SEC.
function isShortWholeSteps(steps: readonly TimelineStep[], indexes: readonly number[], a: number, b: number): boolean {
  const first = steps[indexes[0]];
  const last = steps[indexes[indexes.length - 1]];
  return Math.abs(first.startSec - a) < 1e-6 && Math.abs(last.startSec + last.durationSec - b) < 1e-6 && b - a < MIN_SEGMENT_SEC;
}

describe('no slivers of music', () => {
  it('lets a track that runs out 0.7 s before a step ends play on to it, with no 0.7 s segment of another track', () => {
    // 120 BPM, 4/4: 30 bars = 60 s of music, in a 60.7 s step; the next step wants another tempo.
    const steps = timeline([{ sec: 60.7, tempo: range(118, 122) }, { sec: 60, tempo: range(160, 170) }]);
    const pool = [poolTrack({ id: 'a', bpm: 120, durationSec: 61 }), poolTrack({ id: 'b', bpm: 121, durationSec: 300 }), poolTrack({ id: 'fast', bpm: 165, durationSec: 300 })];
    const plan = planMusic(steps, pool, { maxTempoChangePct: 0 });
    expect(plan.segments.map((s) => [s.trackId, s.startSec, s.endSec])).toEqual([['b', 0, 60.7], ['fast', 60.7, 120.7]]);
    // With only the short track to fit, it plays on past its last bar rather than again for 0.7 s.
    const onlyShort = planMusic(steps, [pool[0], pool[2]], { maxTempoChangePct: 0 });
    expect(onlyShort.segments.map((s) => [s.trackId, s.startSec, s.endSec])).toEqual([['a', 0, 60.7], ['fast', 60.7, 120.7]]);
  });

  it('plans every segment longer than 0, and at least MIN_SEGMENT_SEC unless it is a whole step shorter than that', () => {
    fc.assert(fc.property(caseArb, ({ steps: specs, tracks, maxPct }) => {
      const steps = timeline(specs.map((s) => ({ sec: s.sec, tempo: TARGETS[s.target] })));
      const plan = planMusic(steps, poolOf(tracks), { maxTempoChangePct: maxPct });
      let clock = 0;
      for (const seg of plan.segments) {
        expect(seg.startSec).toBeCloseTo(clock, 9);
        expect(seg.endSec).toBeGreaterThan(seg.startSec);
        if (seg.endSec - seg.startSec < MIN_SEGMENT_SEC - 1e-6) expect(isShortWholeSteps(steps, seg.stepIndexes, seg.startSec, seg.endSec), JSON.stringify(seg)).toBe(true);
        clock = seg.endSec;
      }
      if (plan.segments.length > 0) expect(clock).toBeCloseTo(steps[steps.length - 1].startSec + steps[steps.length - 1].durationSec, 6);
    }), { numRuns: 400 });
  });

  it('never shows a Music plan row that starts and ends at the same tenth of a second, on downbeat-moved changes and the quantised end', () => {
    fc.assert(fc.property(caseArb, fc.constantFrom('bar', 'beat', 'exact') as fc.Arbitrary<'bar' | 'beat' | 'exact'>, ({ steps: specs, tracks, maxPct }, quantize) => {
      const nodes: Step[] = specs.map((s, i) => ({ type: 'step', id: `s${i}`, kind: 'work', name: `S${i}`, duration: { unit: 'seconds', value: s.sec }, intensity: 3, tempo: TARGETS[s.target], build: null, hr: null, voice: null }));
      const workout: Workout = { id: 'w', name: 'W', updatedAt: 0, nodes };
      const program = planWorkout(workout, { library: poolOf(tracks), demo: demoTrackInfos(), maxTempoChangePct: maxPct }, { quantize, countdownBeats: 3, metronome: false });
      const steps = flattenWorkout(workout);
      const shortest = Math.min(...steps.map((s) => s.durationSec));
      for (const seg of program.segments) {
        // What the row shows (PlanSegmentRow): the segment up to the end of the workout.
        const endSec = Math.min(seg.endSec, program.endSec);
        expect(formatClockTenths(endSec), `${seg.trackId} at ${seg.startSec}`).not.toBe(formatClockTenths(seg.startSec));
        expect(endSec - seg.startSec).toBeGreaterThanOrEqual(Math.min(MIN_SEGMENT_SEC, shortest) / 2);
      }
    }), { numRuns: 400 });
  });
});
