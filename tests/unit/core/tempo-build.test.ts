import { describe, expect, it } from 'vitest';
import { musicBpmAt, planWorkout, segmentIndexAt } from '../../../src/core/program';
import { beatTimeAt, beatPosition, steadyGrid } from '../../../src/core/beat-grid';
import { buildTempoAt, splitBuilds } from '../../../src/core/tempo-build';
import { mapTempo, rateAt, trackSecAt } from '../../../src/core/tempo-map';
import { parseWorkoutText } from '../../../src/core/workout-text';
import { flattenWorkout } from '../../../src/core/workout-timeline';
import type { Workout } from '../../../src/core/workout';
import { poolTrack } from '../../helpers/tracks';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';

const workoutOf = (text: string): Workout => {
  const r = parseWorkoutText(text, (() => { let n = 0; return () => `n${(n += 1)}`; })());
  if (!r.ok) throw new Error(r.error);
  return { id: 'w', name: 'Build', nodes: r.nodes, updatedAt: 0 };
};
const SETTINGS = { quantize: 'bar' as const, countdownBeats: 4, metronome: false };

describe('mapTempo: a rate that changes bar by bar', () => {
  const grid = steadyGrid(150, 0.2, 0.2, 4);
  const wanted = (t: number) => 1 + 0.05 * Math.min(1, t / 60);
  const { tempoMap, grid: onClock } = mapTempo(grid, 0.2, 10, 100, (t) => wanted(t - 10));
  const seg = { startSec: 10, endSec: 100, trackOffsetSec: 0.2, playbackRate: 1, tempoMap };

  it('plays every downbeat at the rate asked for then, and the beats of the grid are where the map plays them', () => {
    for (let k = 0; k < 40; k += 1) {
      const heard = onClock.beats![k];
      const trackBeat = beatTimeAt(grid, Math.round(beatPosition(grid, 0.2)) + k);
      expect(Math.abs(trackSecAt(seg, heard) - trackBeat)).toBeLessThan(2e-4);
      if (k % 4 === 0) expect(rateAt(seg, heard + 1e-6)).toBeCloseTo(wanted(heard - 10), 2);
    }
  });

  it('never jumps: each point changes the rate by a fraction of the bar-to-bar change', () => {
    for (let i = 1; i < tempoMap.length; i += 1) expect(Math.abs(tempoMap[i].rate - tempoMap[i - 1].rate)).toBeLessThan(0.002);
    expect(tempoMap.at(-1)!.rate).toBeCloseTo(1.05, 6);
  });
});

describe('planWorkout with a tempo that builds', () => {
  it('cuts a build into pieces with steady targets along the ramp', () => {
    const steps = flattenWorkout(workoutOf('5m build 150-170bpm'));
    const pieces = splitBuilds(steps);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces[0].step.tempo!.minBpm).toBe(150);
    expect(pieces.at(-1)!.step.tempo!.maxBpm).toBeCloseTo(170, 9);
    expect(new Set(pieces.map((p) => p.index))).toEqual(new Set([0]));
  });

  it('follows the ramp with the demo loops: the tempo heard is the build\'s at every downbeat, and cues sit on beats', () => {
    const w = workoutOf('1m warmup 128bpm; 5m build 150-172bpm; 1m easy 128bpm');
    const program = planWorkout(w, { library: [], demo: demoTrackInfos(), maxTempoChangePct: 0 }, SETTINGS);
    const build = program.steps[1];
    const from = program.stepStarts[1];
    const to = program.stepStarts[2];
    for (let t = from + 5; t < to - 5; t += 7) {
      const heard = musicBpmAt(program, t)!;
      const asked = buildTempoAt(build, t);
      expect(Math.abs(heard - asked) / asked).toBeLessThan(0.012);
    }
    for (const cue of program.cues) {
      const seg = program.segments[segmentIndexAt(program, cue.timeSec)];
      if (!seg) continue;
      const k = Math.round(beatPosition(seg.grid, cue.timeSec));
      expect(Math.abs(beatTimeAt(seg.grid, k) - cue.timeSec)).toBeLessThan(1e-6);
    }
    const ramped = program.segments.filter((s) => s.tempoMap !== null);
    expect(ramped.length).toBeGreaterThan(0);
    expect(program.warnings).toEqual([]);
  });

  it('changes track on a downbeat where the ramp leaves a track\'s reach', () => {
    const library = [130, 140, 150, 160, 170, 180].map((bpm) => poolTrack({ id: `t${bpm}`, bpm, durationSec: 600 }));
    const program = planWorkout(workoutOf('10m build 130-180bpm'), { library, demo: [], maxTempoChangePct: 0 }, SETTINGS);
    const played = program.segments.map((s) => s.trackId);
    expect(played.length).toBeGreaterThan(2);
    expect(played).toEqual([...played].sort());
    for (let i = 1; i < program.segments.length; i += 1) {
      const change = program.segments[i].startSec;
      const prev = program.segments[i - 1];
      const k = Math.round(beatPosition(prev.grid, change));
      expect(Math.abs(beatTimeAt(prev.grid, k) - change)).toBeLessThan(1e-6);
    }
    const start = program.stepStarts[0];
    expect(musicBpmAt(program, start + 1)!).toBeLessThan(132);
    expect(musicBpmAt(program, program.endSec - 1)!).toBeGreaterThan(177);
  });

  it('eases down as well, and a steady step keeps a steady rate', () => {
    const library = [140, 155, 170].map((bpm) => poolTrack({ id: `t${bpm}`, bpm, durationSec: 600 }));
    const program = planWorkout(workoutOf('4m build 170-140bpm; 2m 155bpm'), { library, demo: [], maxTempoChangePct: 0 }, SETTINGS);
    const end = program.stepStarts[1];
    expect(musicBpmAt(program, 2)!).toBeGreaterThan(166);
    expect(musicBpmAt(program, end - 2)!).toBeLessThan(144);
    const last = program.segments.at(-1)!;
    expect(last.trackId).toBe('t155');
    expect(last.tempoMap).toBeNull();
  });
});
