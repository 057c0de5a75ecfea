import { describe, expect, it } from 'vitest';
import { planWorkout, segmentIndexAt } from '../../../src/core/program';
import { beatGridFromAnalysis } from '../../../src/core/beat-grid';
import type { PoolTrack } from '../../../src/core/music-pool';
import type { Workout } from '../../../src/core/workout';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';

// Tracks whose tempo moves (a live drummer speeding up, a ritardando): the stored beat list is followed,
// so every cue lands on a real beat of the track, across the whole track — not on a steady grid that walks off.

/** Beat times of a tempo that goes linearly from `from` to `to` BPM over `sec` seconds, with a little jitter. */
function movingBeats(from: number, to: number, sec: number, startSec: number, seed: number): number[] {
  const beats: number[] = [];
  let t = startSec;
  let s = seed;
  while (t < sec) {
    beats.push(t);
    s = (s * 16807) % 2147483647;
    const bpm = from + ((to - from) * t) / sec;
    t += 60 / bpm + ((s / 2147483647) - 0.5) * 0.004;
  }
  return beats;
}

function drifting(id: string, from: number, to: number, sec: number, startSec: number): PoolTrack & { realBeats: number[] } {
  const beats = movingBeats(from, to, sec, startSec, id.length * 7919);
  const grid = beatGridFromAnalysis({ bpm: (from + to) / 2, beats, firstBeat: beats[0], firstDownbeat: beats[0], beatsPerBar: 4, constantTempo: false })!;
  return { id, title: id, artist: 'Live', durationSec: sec, status: 'ready', grid, realBeats: beats };
}

const step = (id: string, kind: 'warmup' | 'work' | 'rest', sec: number) => ({
  type: 'step' as const, id, kind, name: id, duration: { unit: 'seconds' as const, value: sec }, intensity: 3,
  tempo: { minBpm: 100, maxBpm: 160, allowHalfDouble: false }, build: null, hr: null, voice: null,
});

describe('tempo-change tracks: the planner follows the beats', () => {
  it('places every cue within 20 ms of a real beat of the playing track, from its first bar to its last', () => {
    const tracks = [drifting('speeding-up', 118, 134, 320, 0.31), drifting('slowing-down', 150, 128, 300, 0.12), drifting('wandering', 124, 127, 280, 0.55)];
    const workout: Workout = {
      id: 'w', name: 'Long intervals', updatedAt: 0,
      nodes: [step('warm', 'warmup', 200), { type: 'repeat', id: 'r', times: 6, children: [step('hard', 'work', 45), step('easy', 'rest', 75)] }],
    };
    const program = planWorkout(workout, { library: tracks, demo: demoTrackInfos(), maxTempoChangePct: 0 }, { quantize: 'beat', countdownBeats: 4, metronome: true });
    expect(program.usesDemo).toBe(false);
    expect(new Set(program.segments.map((s) => s.trackId)).size).toBeGreaterThanOrEqual(2);
    let worstMs = 0;
    let checked = 0;
    const reach = new Map<string, [number, number]>();
    for (const cue of program.cues) {
      if (cue.timeSec < 0 || cue.timeSec > program.endSec) continue;
      const seg = program.segments[segmentIndexAt(program, cue.timeSec)];
      const real = tracks.find((t) => t.id === seg.trackId)!.realBeats;
      const trackSec = seg.trackOffsetSec + (cue.timeSec - seg.startSec) * seg.playbackRate;
      const nearest = real.reduce((best, b) => (Math.abs(b - trackSec) < Math.abs(best - trackSec) ? b : best), real[0]);
      worstMs = Math.max(worstMs, (Math.abs(nearest - trackSec) / seg.playbackRate) * 1000);
      checked += 1;
      const [lo, hi] = reach.get(seg.trackId) ?? [Infinity, -Infinity];
      reach.set(seg.trackId, [Math.min(lo, trackSec), Math.max(hi, trackSec)]);
    }
    expect(checked).toBeGreaterThan(100);
    // Cues from the start of each track to near its end: where a steady grid would have walked off most.
    for (const [id, [lo, hi]] of reach) expect(hi - lo, id).toBeGreaterThan(0.8 * tracks.find((t) => t.id === id)!.durationSec);
    expect(worstMs).toBeLessThan(20);
  });
});
