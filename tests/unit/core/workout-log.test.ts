import { describe, expect, it } from 'vitest';
import { planWorkout, replanFrom, segmentIndexAt, type MusicRequest } from '../../../src/core/program';
import { summarizeSession, type SessionRecord } from '../../../src/core/workout-log';
import { addHeartRate, emptyHeartRateLog, summarizeHeartRate } from '../../../src/core/heart-rate-log';
import { demo3030Template } from '../../../src/core/workout-templates';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { poolTrack } from '../../helpers/tracks';

const settings = { quantize: 'bar' as const, countdownBeats: 3, metronome: false };
const library = [128, 131, 150, 155, 172, 176].map((bpm, i) => poolTrack({ id: `t${i}`, title: `Track ${i}`, bpm, durationSec: 45 + i * 5 }));
const music: MusicRequest = { library, demo: demoTrackInfos(), maxTempoChangePct: 5 };
const meta = { id: 'e1', startedAt: 1_700_000_000_000, completed: false };

describe('summarizeSession: the log tells the truth', () => {
  const p = planWorkout(demo3030Template(), music, settings);

  it('counts only the time exercised: the count-in, pauses and skipped time are left out', () => {
    const record: SessionRecord = { spans: [{ fromSec: -p.leadInSec, toSec: 10 }, { fromSec: 10, toSec: 16 }], skippedSteps: [] };
    const e = summarizeSession(p, record, meta);
    expect(e.activeSec).toBe(16);
    expect(e).toMatchObject({ id: 'e1', workoutId: 'template-demo-3030', workoutName: '30/30 HIIT', completed: false, stepsTotal: p.steps.length, stepsCompleted: 0 });
  });

  it('lists exactly the tracks heard, in order, with their seconds, after a skip step and a skip track', () => {
    // Play 20 s, skip to step 3, play 5 s, skip the track there, play 8 s more, stop.
    const skipTo = p.stepStarts[3];
    const at = skipTo + 5;
    const skipped = p.segments[segmentIndexAt(p, at)].trackId;
    const after = replanFrom(p, demo3030Template(), { ...music, excludeTrackIds: [skipped] }, settings, at);
    const record: SessionRecord = { spans: [{ fromSec: -p.leadInSec, toSec: 20 }, { fromSec: skipTo, toSec: at }, { fromSec: at, toSec: at + 8 }], skippedSteps: [0] };
    const e = summarizeSession(after, record, meta);
    expect(e.activeSec).toBe(33);
    expect(e.stepsSkipped).toBe(1);
    const expected = [
      ...after.segments.filter((s) => s.startSec < 20).map((s) => s.trackId),
      skipped,
      after.segments[segmentIndexAt(after, at + 1)].trackId,
    ].filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(e.tracks.map((t) => t.trackId)).toEqual(expected);
    expect(e.tracks.reduce((sum, t) => sum + (t.seconds ?? 0), 0)).toBeCloseTo(33, 1);
    expect(e.tracks.at(-1)?.seconds).toBeCloseTo(8, 1);
    expect(e.tracks.map((t) => t.trackId)).not.toContain(after.segments.find((s) => s.startSec > at + 8)?.trackId ?? 'none');
    // The tempo is averaged over the time each track was heard.
    const bpmOf = (id: string | null) => library.find((t) => t.id === id)?.grid?.bpm ?? 0;
    expect(e.avgMusicBpm).not.toBeNull();
    expect(Math.min(...e.tracks.map((t) => bpmOf(t.trackId)))).toBeLessThanOrEqual(e.avgMusicBpm! * 1.06);
  });

  it('counts steps completed when played to their end, and a whole workout as completed', () => {
    const all: SessionRecord = { spans: [{ fromSec: -p.leadInSec, toSec: p.endSec }], skippedSteps: [] };
    const e = summarizeSession(p, all, { ...meta, completed: true });
    expect(e).toMatchObject({ completed: true, stepsCompleted: p.steps.length, stepsSkipped: 0 });
    expect(e.activeSec).toBeCloseTo(p.endSec, 1);
    const two: SessionRecord = { spans: [{ fromSec: -p.leadInSec, toSec: p.stepStarts[2] + 1 }], skippedSteps: [] };
    expect(summarizeSession(p, two, meta).stepsCompleted).toBe(2);
  });
});

describe('summarizeSession: each step as played', () => {
  const p = planWorkout(demo3030Template(), music, settings);

  it('records every step with its time played, whether it was skipped and the music heard in it; effort is not rated yet', () => {
    const skipTo = p.stepStarts[2];
    const record: SessionRecord = { spans: [{ fromSec: -p.leadInSec, toSec: p.stepStarts[1] + 4 }, { fromSec: skipTo, toSec: skipTo + 3 }], skippedSteps: [1] };
    const e = summarizeSession(p, record, meta);
    expect(e.effort).toBeNull();
    expect(e.steps).toHaveLength(p.steps.length);
    expect(e.steps[0]).toMatchObject({ name: p.steps[0].step.name, kind: p.steps[0].step.kind, startSec: 0, skipped: false });
    expect(e.steps[0].activeSec).toBeCloseTo(p.stepStarts[1], 1);
    expect(e.steps[1]).toMatchObject({ skipped: true, activeSec: 4 });
    expect(e.steps[2]).toMatchObject({ skipped: false, activeSec: 3 });
    expect(e.steps.slice(3).every((s) => s.activeSec === 0 && s.musicBpm === null)).toBe(true);
    expect(e.steps.reduce((sum, s) => sum + s.activeSec, 0)).toBeCloseTo(e.activeSec, 0);
    const bpmAt = (t: number) => p.segments[segmentIndexAt(p, t)].musicBpm;
    expect(e.steps[2].musicBpm).toBeCloseTo(bpmAt(skipTo + 1), 0);
  });

  it('keeps the heart rate as per-step and whole-workout summaries, null where no strap reported one', () => {
    let hr = emptyHeartRateLog();
    for (let t = 0; t < p.stepStarts[2]; t += 1) hr = addHeartRate(hr, p, t, t < p.stepStarts[1] ? 110 : 150);
    const record: SessionRecord = { spans: [{ fromSec: -p.leadInSec, toSec: p.stepStarts[2] }], skippedSteps: [] };
    const e = summarizeSession(p, record, meta, summarizeHeartRate(hr, p.steps.length));
    expect(e.steps[0].heartRate).toMatchObject({ maxBpm: 150 });
    expect(e.steps[0].heartRate!.avgBpm).toBeLessThanOrEqual(112);
    expect(e.steps[1].heartRate).toMatchObject({ avgBpm: 150, maxBpm: 150 });
    expect(e.steps[2].heartRate).toBeNull();
    expect(e.heartRate).toMatchObject({ maxBpm: 150, samples: Math.ceil(p.stepStarts[2]) });
    expect(summarizeSession(p, record, meta).heartRate).toBeNull();
    expect(summarizeSession(p, record, meta).steps.every((s) => s.heartRate === null)).toBe(true);
  });
});
