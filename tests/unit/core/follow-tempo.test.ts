import { describe, expect, it } from 'vitest';
import { musicBpmAt, planWorkout, segmentIndexAt } from '../../../src/core/program';
import { beatPosition, beatTimeAt } from '../../../src/core/beat-grid';
import { followTempo, FOLLOW_LEAD_SEC } from '../../../src/core/follow-tempo';
import { parseWorkoutText } from '../../../src/core/workout-text';
import type { Workout } from '../../../src/core/workout';
import { poolTrack } from '../../helpers/tracks';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';

const workoutOf = (text: string): Workout => {
  const r = parseWorkoutText(text, (() => { let n = 0; return () => `n${(n += 1)}`; })());
  if (!r.ok) throw new Error(r.error);
  return { id: 'w', name: 'Run', nodes: r.nodes, updatedAt: 0 };
};
const SETTINGS = { quantize: 'bar' as const, countdownBeats: 4, metronome: false };
const library = [120, 160, 180, 150].map((bpm) => poolTrack({ id: `t${bpm}`, bpm, durationSec: 400 }));
const music = { library, demo: [], maxTempoChangePct: 0 };
const W = workoutOf('10m run 155-165bpm');

const onBeats = (p: ReturnType<typeof planWorkout>) => {
  for (const cue of p.cues) {
    const seg = p.segments[segmentIndexAt(p, cue.timeSec)];
    if (!seg) continue;
    const k = Math.round(beatPosition(seg.grid, cue.timeSec));
    expect(Math.abs(beatTimeAt(seg.grid, k) - cue.timeSec)).toBeLessThan(1e-6);
  }
};

describe('followTempo: the music follows the runner', () => {
  const before = planWorkout(W, music, SETTINGS);

  it('keeps the track when it can reach the new tempo, ramped from the next downbeat', () => {
    expect(before.segments[0].trackId).toBe('t160');
    const after = followTempo(before, W, music, SETTINGS, 30, 166)!.program;
    const change = after.segments[1].startSec;
    expect(after.segments[1].trackId).toBe('t160');
    expect(change).toBeGreaterThanOrEqual(30 + FOLLOW_LEAD_SEC);
    expect(change).toBeLessThan(30 + FOLLOW_LEAD_SEC + 1.6);
    expect(musicBpmAt(after, change - 0.1)).toBeCloseTo(160, 6);
    expect(musicBpmAt(after, change + 10)).toBeCloseTo(166, 6);
    // What was heard stays: the cues before the change are the same ones.
    expect(after.cues.filter((c) => c.timeSec < change)).toEqual(before.cues.filter((c) => c.timeSec < change));
    onBeats(after);
  });

  it('changes track on a downbeat when the tempo is out of the track\'s reach', () => {
    const after = followTempo(before, W, music, SETTINGS, 30, 184)!.program;
    const next = after.segments[1];
    expect(next.trackId).toBe('t180');
    expect(next.musicBpm).toBeCloseTo(184, 6);
    const prev = after.segments[0];
    const k = Math.round(beatPosition(prev.grid, next.startSec));
    expect(Math.abs(beatTimeAt(prev.grid, k) - next.startSec)).toBeLessThan(1e-6);
    expect(k % prev.grid.beatsPerBar).toBe(0);
    onBeats(after);
  });

  it('takes half or double time when that is closer', () => {
    const after = followTempo(before, W, music, SETTINGS, 30, 242)!.program;
    expect(after.segments[1].trackId).toBe('t120');
    expect(musicBpmAt(after, after.segments[1].startSec + 5)).toBeCloseTo(121, 6);
  });

  it('follows with the demo loops too, and again and again', () => {
    const demo = { library: [], demo: demoTrackInfos(), maxTempoChangePct: 0 };
    let p = planWorkout(W, demo, SETTINGS);
    for (const [t, bpm] of [[20, 156], [60, 162], [100, 176], [140, 168]] as const) {
      p = followTempo(p, W, demo, SETTINGS, t, bpm)!.program;
      expect(musicBpmAt(p, t + 9)).toBeCloseTo(bpm, 6);
    }
    onBeats(p);
    expect(p.endSec).toBeGreaterThan(599);
  });

  it('leaves the program alone at the very end', () => {
    expect(followTempo(before, W, music, SETTINGS, before.endSec - 1, 170)).toBeNull();
  });
});
