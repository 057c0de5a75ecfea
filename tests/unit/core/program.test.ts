import { describe, expect, it } from 'vitest';
import { planWorkout, replanFrom, segmentIndexAt, stepEndSec, type MusicRequest } from '../../../src/core/program';
import { programViewAt } from '../../../src/core/program-view';
import { isDownbeat } from '../../../src/core/beat-grid';
import { WORKOUT_TEMPLATES, demo3030Template } from '../../../src/core/workout-templates';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import type { CueOptions } from '../../../src/core/cue-plan';
import { poolTrack } from '../../helpers/tracks';

const bars: CueOptions = { quantize: 'bar', countdownBeats: 3, metronome: false };
const demoOnly: MusicRequest = { library: [], demo: demoTrackInfos(), maxTempoChangePct: 0 };
const library = [118, 124, 128, 131, 150, 155, 162, 168, 172, 176, 88, 84].map((bpm, i) =>
  poolTrack({ id: `t${i}`, title: `Track ${i}`, bpm, firstBeatSec: 0.2 + i * 0.01, durationSec: 200 + i * 13 }));
const mine: MusicRequest = { library, demo: demoTrackInfos(), maxTempoChangePct: 8 };

describe('planWorkout: the one program', () => {
  for (const workout of WORKOUT_TEMPLATES) {
    it(`plans "${workout.name}": music tiles the workout, every change on a downbeat, the count-in before 0`, () => {
      for (const music of [demoOnly, mine]) {
        const p = planWorkout(workout, music, bars);
        expect(p.usesDemo).toBe(music === demoOnly);
        expect(p.segments[0].startSec).toBe(0);
        p.segments.slice(1).forEach((s, i) => expect(s.startSec).toBeCloseTo(p.segments[i].endSec, 9));
        expect(p.segments[p.segments.length - 1].endSec).toBeGreaterThan(p.endSec);
        // Each track change and each step change falls on a downbeat of the music playing into it.
        for (const s of p.segments.slice(1)) expect(isDownbeat(s.grid, s.startSec)).toBe(true);
        for (const t of [...p.stepStarts.slice(1), p.endSec]) {
          const seg = p.segments[segmentIndexAt(p, t - 1e-3)];
          expect(isDownbeat(seg.grid, t) || isDownbeat(p.segments[segmentIndexAt(p, t)].grid, t)).toBe(true);
        }
        expect(p.leadInSec).toBeGreaterThan(0);
        const countIn = p.cues.filter((c) => c.timeSec < 0);
        expect(countIn.map((c) => c.kind)).toEqual(['countdown', 'countdown', 'countdown']);
        expect(p.cues.map((c) => c.timeSec)).toEqual([...p.cues.map((c) => c.timeSec)].sort((a, b) => a - b));
        expect(p.cues.at(-1)).toMatchObject({ kind: 'finish', timeSec: p.endSec });
      }
    });
  }

  it('gives each step-start cue its final words, and says more in audio-only mode', () => {
    const p = planWorkout(demo3030Template(), demoOnly, bars);
    const first = p.cues.find((c) => c.kind === 'step-start');
    expect(first).toMatchObject({ sound: 'start', text: 'Warm up. Find the beat.' });
    const spoken = planWorkout(demo3030Template(), demoOnly, { ...bars, audioOnly: true }).cues.find((c) => c.kind === 'step-start');
    expect(spoken && 'text' in spoken && spoken.text).toMatch(/^Warm up\. Find the beat\. \d+ (seconds|minutes)\. Then .+\.$/);
  });

  it('plays the user tracks it can, leaving out skipped ones, and the demo only when none is ready', () => {
    const p = planWorkout(demo3030Template(), { ...mine, excludeTrackIds: ['t8'] }, bars);
    expect(p.segments.every((s) => s.trackId.startsWith('t') && s.trackId !== 't8')).toBe(true);
    const unready = planWorkout(demo3030Template(), { ...mine, library: library.map((t) => ({ ...t, status: 'queued' as const })) }, bars);
    expect(unready.usesDemo).toBe(true);
  });
});

describe('replanFrom (skip track)', () => {
  it('keeps everything before the skip and plays another track from it', () => {
    const before = planWorkout(demo3030Template(), mine, bars);
    const at = before.stepStarts[3] + 7.3;
    const skipped = before.segments[segmentIndexAt(before, at)].trackId;
    const after = replanFrom(before, demo3030Template(), { ...mine, excludeTrackIds: [skipped] }, bars, at);
    const kept = before.segments.filter((s) => s.endSec <= at);
    expect(after.segments.slice(0, kept.length)).toEqual(kept);
    const cut = after.segments[kept.length];
    expect(cut.trackId).toBe(skipped);
    expect(cut.endSec).toBe(at);
    expect(after.segments[kept.length + 1].startSec).toBe(at);
    expect(after.segments.slice(kept.length + 1).some((s) => s.trackId === skipped)).toBe(false);
    expect(after.cues.filter((c) => c.timeSec < at)).toEqual(before.cues.filter((c) => c.timeSec < at));
    expect(after.stepStarts.slice(0, 4)).toEqual(before.stepStarts.slice(0, 4));
    // Later step changes follow the new music's downbeats.
    for (const t of after.stepStarts.filter((t) => t > at + 0.01)) {
      expect(isDownbeat(after.segments[segmentIndexAt(after, t - 1e-3)].grid, t) || isDownbeat(after.segments[segmentIndexAt(after, t)].grid, t)).toBe(true);
    }
  });
});

describe('programViewAt: the screen from the program and the clock', () => {
  const p = planWorkout(demo3030Template(), demoOnly, bars);

  it('counts in before the first step', () => {
    const v = programViewAt(p, -p.leadInSec + 0.01, 0.15);
    expect(v.part).toBe('count-in');
    expect(v.stepIndex).toBe(-1);
    expect(v.countIn).toBe(3);
    expect(v.next?.step.name).toBe(p.steps[0].step.name);
    expect(v.remainingSec).toBeCloseTo(p.leadInSec - 0.01, 9);
    expect(v.announcement).toBeNull();
  });

  it('shows the first words as soon as the voice starts, before the step itself', () => {
    expect(programViewAt(p, -0.2, 0.15).announcement).toBeNull();
    expect(programViewAt(p, -0.1, 0.15).announcement).toBe('Warm up. Find the beat.');
    const v = programViewAt(p, 1, 0.15);
    expect(v).toMatchObject({ part: 'step', stepIndex: 0 });
    expect(v.remainingSec).toBeCloseTo(stepEndSec(p, 0) - 1, 9);
    expect(v.segment?.trackId).toBe(p.segments[0].trackId);
    expect(v.musicBpm).toBe(p.segments[0].musicBpm);
  });

  it('pulses on the beat and moves to the next step exactly at its quantised start', () => {
    const t = p.stepStarts[1];
    expect(programViewAt(p, t - 1e-4).stepIndex).toBe(0);
    expect(programViewAt(p, t).stepIndex).toBe(1);
    expect(programViewAt(p, t).beatPhase).toBeCloseTo(0, 6);
    expect(programViewAt(p, p.endSec + 0.5)).toMatchObject({ part: 'done', remainingSec: 0, progress: 1 });
  });
});
