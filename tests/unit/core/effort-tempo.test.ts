import { describe, expect, it } from 'vitest';
import { effortByTempo, MIN_PER_GROUP, sameWorkoutAtOtherTempos, workMusicBpm } from '../../../src/core/effort-tempo';
import { DAY_MS, MONDAY_MS, intervalSteps, logEntry } from '../../helpers/log-entries';

const rated = (id: string, workBpm: number, effort: number | null, day = 0) =>
  logEntry({ id, startedAt: MONDAY_MS + day * DAY_MS, steps: intervalSteps(workBpm), effort });

describe('workMusicBpm', () => {
  it('averages the music of the work steps only, weighted by the seconds played', () => {
    const steps = [...intervalSteps(150, 60), { name: 'Go', kind: 'work' as const, startSec: 400, activeSec: 120, skipped: false, musicBpm: 180, heartRate: null }];
    // (150·60 + 150·60 + 180·120) / 240 = 165; the 120 BPM warm-up and recovery do not count.
    expect(workMusicBpm({ steps })).toBe(165);
    expect(workMusicBpm({ steps: [] })).toBeNull();
    expect(workMusicBpm({ steps: intervalSteps(150).map((s) => ({ ...s, activeSec: s.kind === 'work' ? 0 : s.activeSec })) })).toBeNull();
  });
});

describe('effortByTempo', () => {
  it('says how many more rated workouts are needed, counting only rated ones with step detail', () => {
    const log = [rated('a', 140, 6), rated('b', 160, 5), rated('c', 150, null), logEntry({ id: 'old', effort: 7 })];
    expect(effortByTempo(log)).toEqual({ status: 'not-enough', usable: 2, needed: 2 * MIN_PER_GROUP - 2 });
    expect(effortByTempo([])).toEqual({ status: 'not-enough', usable: 0, needed: 6 });
  });

  it('splits at the median tempo and compares mean effort, with the count on each side', () => {
    const log = [rated('a', 130, 7), rated('b', 135, 8), rated('c', 140, 6), rated('d', 160, 5), rated('e', 165, 6), rated('f', 170, 4)];
    expect(effortByTempo(log)).toEqual({
      status: 'ready', usable: 6, medianBpm: 150,
      faster: { count: 3, meanEffort: 5, meanBpm: 165 },
      slower: { count: 3, meanEffort: 7, meanBpm: 135 },
      difference: -2,
    });
  });

  it('leaves workouts at the median on neither side, and says so when the tempo hardly varies', () => {
    const same = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => rated(id, 150, i % 10));
    expect(effortByTempo(same)).toEqual({ status: 'no-spread', usable: 6, medianBpm: 150 });
    const odd = [130, 131, 132, 150, 170, 171, 172].map((bpm, i) => rated(`x${i}`, bpm, 5));
    const r = effortByTempo(odd);
    expect(r.status === 'ready' && [r.faster.count, r.slower.count, r.medianBpm]).toEqual([3, 3, 150]);
  });
});

describe('sameWorkoutAtOtherTempos', () => {
  it('lists a workout rated at different tempos, slowest first, and ignores one done at a single tempo', () => {
    const log = [
      rated('a', 150, 6, 0), rated('b', 140, 7, 1), rated('c', 150.5, 6, 2),
      logEntry({ id: 'other1', workoutId: 'w2', workoutName: 'Hills', steps: intervalSteps(128), effort: 5 }),
      logEntry({ id: 'other2', workoutId: 'w2', workoutName: 'Hills', steps: intervalSteps(129), effort: 5 }),
    ];
    const found = sameWorkoutAtOtherTempos(log);
    expect(found).toHaveLength(1);
    expect(found[0].workoutName).toBe('Intervals');
    expect(found[0].sessions.map((s) => [s.id, s.bpm, s.effort])).toEqual([['b', 140, 7], ['a', 150, 6], ['c', 150.5, 6]]);
  });
});
