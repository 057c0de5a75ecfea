import { describe, expect, it } from 'vitest';
import { planWorkout, type MusicRequest } from '../../../src/core/program';
import { programWindow } from '../../../src/core/export-window';
import { loopedTrackSec, tailLoopOf, TAIL_MARGIN_SEC } from '../../../src/core/tail-loop';
import { trackSecAt } from '../../../src/core/tempo-map';
import { beatsBetween } from '../../../src/core/beat-grid';
import type { Step, Workout } from '../../../src/core/workout';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { poolTrack } from '../../helpers/tracks';

// A track that runs out a moment before its segment ends (it plays on to its step's end rather than leave a sliver
// for another track) repeats its last whole bar instead of falling silent, on its beat, live and in the export.

const step = (id: string, sec: number, minBpm: number, maxBpm: number): Step => ({
  type: 'step', id, kind: 'work', name: id, duration: { unit: 'seconds', value: sec }, intensity: 3,
  tempo: { minBpm, maxBpm, allowHalfDouble: false }, build: null, hr: null, voice: null,
});
const workout: Workout = { id: 'w', name: 'Two paces', updatedAt: 0, nodes: [step('steady', 61.5, 118, 122), step('fast', 60, 160, 170)] };
// 120 BPM in 4/4 from 0 s: a bar every 2 s, the last whole one from 58 to 60 s; the audio ends at 60.3 s.
const short = poolTrack({ id: 'short', bpm: 120, durationSec: 60.3 });
const fast = poolTrack({ id: 'fast', bpm: 165, durationSec: 300 });
const music = (library = [short, fast], maxTempoChangePct = 0): MusicRequest => ({ library, demo: demoTrackInfos(), maxTempoChangePct });
const cues = { quantize: 'beat' as const, countdownBeats: 4, metronome: false };

describe('a track that runs out before its segment ends', () => {
  it('repeats its last whole bar to the end of the segment, and a track that lasts repeats nothing', () => {
    const program = planWorkout(workout, music(), cues);
    const [first, second] = program.segments;
    expect(first.trackId).toBe('short');
    // It plays on past its audio (to the step's end, moved onto its nearest downbeat).
    expect(trackSecAt(first, first.endSec)).toBeGreaterThan(60.3);
    expect(first.tailLoop).toEqual({ startSec: 58, endSec: 60 });
    expect(second.trackId).toBe('fast');
    expect(second.tailLoop).toBeNull();
    // Every beat heard after the track's end is a beat of the repeated bar, downbeats on its downbeat.
    const after = beatsBetween(first.grid, 60, first.endSec);
    expect(after.length).toBeGreaterThan(2);
    for (const b of after) {
      const heard = loopedTrackSec(first.tailLoop, trackSecAt(first, b.timeSec));
      expect(heard).toBeGreaterThanOrEqual(58 - 1e-9);
      expect(heard).toBeLessThan(60);
      expect(((heard - 58) / 0.5) % 1).toBeCloseTo(0, 6);
      if (b.isDownbeat) expect(heard).toBeCloseTo(58, 6);
    }
  });

  it('finds the bar in track time when the track is sped up, and leaves a track with its audio to spare alone', () => {
    // 116 BPM sped up to 118 (the target's lowest): 29 bars (60 s of track) heard in 59 s, in a 60.5 s step.
    const slower = poolTrack({ id: 'slower', bpm: 116, durationSec: 61.2 });
    const shorter: Workout = { ...workout, nodes: [step('steady', 60.5, 118, 122), step('fast', 60, 160, 170)] };
    const program = planWorkout(shorter, music([slower, fast], 5), cues);
    const seg = program.segments[0];
    expect(seg.trackId).toBe('slower');
    expect(seg.playbackRate).toBeGreaterThan(1);
    const bar = (4 * 60) / 116;
    expect(seg.tailLoop!.endSec - seg.tailLoop!.startSec).toBeCloseTo(bar, 6);
    expect(seg.tailLoop!.endSec).toBeLessThanOrEqual(slower.durationSec - TAIL_MARGIN_SEC / 2);
    expect(seg.tailLoop!.endSec + bar).toBeGreaterThan(slower.durationSec - TAIL_MARGIN_SEC / 2);
    // A second more audio than the segment needs: no loop.
    const longer = { ...seg, tailLoop: null };
    expect(tailLoopOf(longer, trackSecAt(seg, seg.endSec) + 1)).toBeNull();
    expect(tailLoopOf({ ...longer, loop: true }, 1)).toBeNull();
  });

  it('gives the export a clip that holds the repeated bar when a piece starts inside it', () => {
    const program = planWorkout(workout, music(), cues);
    const seg = program.segments[0];
    // A piece from 60.5 s (the track's audio is over there) to 70 s.
    const window = programWindow(program, 60.5, 70, 0.05, 44100);
    const clip = window.clips.find((c) => c.trackId === 'short')!;
    const inPiece = window.program.segments.find((s) => s.trackId === clip.clipId)!;
    expect(clip.fromTrackSec).toBeLessThanOrEqual(58);
    expect(clip.toTrackSec).toBeGreaterThanOrEqual(60);
    // The same moment of the same bar is heard, counted from the clip's start.
    const heardInClip = loopedTrackSec(inPiece.tailLoop, trackSecAt(inPiece, 61));
    expect(heardInClip + clip.fromTrackSec).toBeCloseTo(loopedTrackSec(seg.tailLoop, trackSecAt(seg, 61)), 9);
  });

  it('gives a piece that ends before the repeated bar no repeat: its clip stops short of the bar', () => {
    const program = planWorkout(workout, music(), cues);
    expect(program.segments[0].tailLoop).toEqual({ startSec: 58, endSec: 60 });
    // A piece from 10 s to 40 s plays the track from about 10 s to 40 s: the bar at 58 s is not in its clip
    // (a player told to loop there would be told to loop outside what it holds).
    const window = programWindow(program, 10, 40, 0.05, 44100);
    const clip = window.clips.find((c) => c.trackId === 'short')!;
    const inPiece = window.program.segments.find((s) => s.trackId === clip.clipId)!;
    expect(clip.toTrackSec).toBeLessThan(58);
    expect(inPiece.tailLoop).toBeNull();
  });
});
