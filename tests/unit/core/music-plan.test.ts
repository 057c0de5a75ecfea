import { describe, expect, it } from 'vitest';
import { planMusic, planCost, type MusicPlan } from '../../../src/core/music-plan';
import type { PoolTrack } from '../../../src/core/music-pool';
import type { TimelineStep } from '../../../src/core/workout';
import { barSeconds, isDownbeat } from '../../../src/core/beat-grid';
import { fitsTempo } from '../../../src/core/tempo-fit';
import { poolTrack, type FlatFields } from '../../helpers/tracks';
import { planMusicBruteForce } from '../../helpers/brute-force-plan';
import { range, timeline, type StepSpec } from '../../helpers/timeline';

function track(id: string, bpm: number | null, durationSec: number, extra: Partial<PoolTrack> & FlatFields = {}): PoolTrack {
  return poolTrack({ id, durationSec, bpm, ...extra });
}

// Segments follow one another without gaps, from 0 to the end of the last step.
function expectTiles(plan: MusicPlan, steps: TimelineStep[]): void {
  const last = steps[steps.length - 1];
  expect(plan.segments[0].startSec).toBe(0);
  for (let i = 1; i < plan.segments.length; i += 1) expect(plan.segments[i].startSec).toBeCloseTo(plan.segments[i - 1].endSec, 9);
  expect(plan.segments[plan.segments.length - 1].endSec).toBeCloseTo(last.startSec + last.durationSec, 6);
}

// Deterministic pseudo-random numbers in [0, 1).
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('planMusic', () => {
  it('plays a fitting track from its first downbeat at rate 1', () => {
    const steps = timeline([{ sec: 60, tempo: range(120, 130) }]);
    const plan = planMusic(steps, [track('slow', 100, 300), track('fit', 125, 300, { firstBeatSec: 0.2, firstDownbeatSec: 0.68 })], { maxTempoChangePct: 10 });
    expect(plan.segments).toHaveLength(1);
    const seg = plan.segments[0];
    expect(seg).toMatchObject({ trackId: 'fit', playbackRate: 1, musicBpm: 125, targetBpm: 125, stepIndexes: [0], isRepeat: false });
    expect(seg.trackOffsetSec).toBeCloseTo(0.68, 9);
    expect(isDownbeat(seg.grid, 0)).toBe(true);
    expect(plan.warnings).toEqual([]);
    expect(plan.cost).toBe(0);
  });

  it('counts half-time music double when the step allows it', () => {
    const steps = timeline([{ sec: 60, tempo: range(160, 180, true), name: 'Sprint' }]);
    const plan = planMusic(steps, [track('half', 85, 300), track('off', 140, 300)], { maxTempoChangePct: 0 });
    expect(plan.segments[0]).toMatchObject({ trackId: 'half', musicBpm: 85, targetBpm: 170, playbackRate: 1 });
    const strict = planMusic(timeline([{ sec: 60, tempo: range(160, 180), name: 'Sprint' }]), [track('half', 85, 300)], { maxTempoChangePct: 0 });
    expect(strict.warnings).toEqual(['Step 1 "Sprint": no tracks between 160 and 180 BPM: closest is 85']);
  });

  it('changes the tempo within the allowed percentage, and reports the closest tempo beyond it', () => {
    const steps = timeline([{ sec: 30, tempo: null }, { sec: 30, tempo: null }, { sec: 60, tempo: range(170, 180), name: 'Sprint' }]);
    const pool = [track('a', 164, 400), track('b', 120, 400)];
    const plan = planMusic(steps, pool, { maxTempoChangePct: 10 });
    const sprint = plan.segments.find((s) => s.stepIndexes.includes(2));
    expect(sprint?.trackId).toBe('a');
    expect(sprint?.playbackRate).toBeCloseTo(170 / 164, 9);
    expect(sprint?.musicBpm).toBeCloseTo(170, 9);
    expect(plan.warnings).toEqual([]);
    const tight = planMusic(steps, pool, { maxTempoChangePct: 2 });
    expect(tight.warnings).toEqual(['Step 3 "Sprint": no tracks between 170 and 180 BPM: closest is 164']);
    const played = tight.segments.find((s) => s.stepIndexes.includes(2));
    expect(played?.missPct).toBeGreaterThan(0);
    expect(played?.playbackRate).toBeCloseTo(1.02, 9);
  });

  it('keeps a track through steps of the same target and steps without one, while it lasts', () => {
    const steps = timeline([
      { sec: 60, tempo: range(160, 180, true) }, { sec: 30, tempo: null }, { sec: 60, tempo: range(160, 180, true) }, { sec: 30, tempo: range(120, 125) },
    ]);
    const plan = planMusic(steps, [track('long', 170, 600), track('short', 172, 100), track('calm', 122, 300)], { maxTempoChangePct: 0 });
    expect(plan.segments.map((s) => [s.trackId, s.stepIndexes])).toEqual([['long', [0, 1, 2]], ['calm', [3]]]);
    expect(plan.segments[1].startSec).toBe(150);
    expectTiles(plan, steps);
  });

  it('does not repeat a track until the fitting ones run out, then says so', () => {
    const specs: StepSpec[] = [];
    for (let i = 0; i < 5; i += 1) specs.push({ sec: 60, tempo: range(160, 180), name: 'Run' }, { sec: 60, tempo: range(100, 110), name: 'Walk' });
    const steps = timeline(specs);
    const pool = [track('r1', 165, 200), track('r2', 170, 200), track('r3', 175, 200), track('w1', 100, 200), track('w2', 105, 200), track('w3', 108, 200), track('w4', 104, 200), track('w5', 101, 200)];
    const plan = planMusic(steps, pool, { maxTempoChangePct: 0 });
    const runs = plan.segments.filter((s) => s.trackId.startsWith('r')).map((s) => s.trackId);
    const walks = plan.segments.filter((s) => s.trackId.startsWith('w')).map((s) => s.trackId);
    expect(new Set(runs.slice(0, 3)).size).toBe(3);
    expect(new Set(walks).size).toBe(5);
    expect(plan.segments.filter((s) => s.isRepeat).every((s) => s.trackId.startsWith('r'))).toBe(true);
    expect(plan.warnings).toEqual(['Step 7 "Run": "Title r1" plays again: the library has too few tracks between 160 and 180 BPM (and 1 more like it)']);
  });

  it('starts tracks on a bar and switches on the bar where a short track ends', () => {
    const steps = timeline([{ sec: 200, tempo: range(118, 122) }]);
    const pool = [track('a', 120, 61, { firstBeatSec: 0.25, firstDownbeatSec: -1.75 }), track('b', 120, 300, { firstDownbeatSec: 0.1 })];
    const plan = planMusic(steps, pool, { maxTempoChangePct: 0 });
    const [a] = plan.segments;
    expect(a.trackId).toBe('b');
    expect(plan.segments).toHaveLength(1);
    const shortOnly = planMusic(steps, [pool[0], track('c', 119, 61)], { maxTempoChangePct: 0 });
    for (const seg of shortOnly.segments) {
      const bars = (seg.endSec - seg.startSec) / barSeconds(seg.grid);
      if (seg.endSec < 200) expect(bars).toBeCloseTo(Math.round(bars), 6);
      expect(isDownbeat(seg.grid, seg.startSec)).toBe(true);
    }
    expect(shortOnly.segments.find((s) => s.trackId === 'a')?.trackOffsetSec).toBeCloseTo(0.25, 9);
    expectTiles(shortOnly, steps);
  });

  it('words a one-tempo target "at 120 BPM", not "between 120 and 120 BPM"', () => {
    const steps = timeline([{ sec: 60, tempo: range(120, 120), name: 'Steady' }]);
    const plan = planMusic(steps, [track('far', 150, 300)], { maxTempoChangePct: 0 });
    expect(plan.warnings).toEqual(['Step 1 "Steady": no tracks at 120 BPM: closest is 150']);
  });

  it('ignores tracks that are not ready or have no beat, and says when nothing can play', () => {
    const steps = timeline([{ sec: 60, tempo: null }]);
    const plan = planMusic(steps, [track('x', null, 300), track('y', 120, 300, { status: 'analyzing' })], { maxTempoChangePct: 10 });
    expect(plan.segments).toEqual([]);
    expect(plan.warnings).toEqual(['No tracks are ready to play: the workout will run without music.']);
  });

  it('honours a pinned track and warns when it does not fit', () => {
    const steps = timeline([{ sec: 60, tempo: range(120, 130), name: 'Warm' }, { sec: 60, tempo: range(160, 170), name: 'Go' }]);
    const pool = [track('a', 125, 300), track('b', 165, 300), track('c', 100, 300)];
    const plan = planMusic(steps, pool, { maxTempoChangePct: 0, lockedTrackIds: { 1: 'c' } });
    expect(plan.segments.map((s) => s.trackId)).toEqual(['a', 'c']);
    expect(plan.warnings).toEqual(['Step 2 "Go": the pinned track "Title c" (100 BPM) does not fit between 160 and 170 BPM']);
    const gone = planMusic(steps, pool, { maxTempoChangePct: 0, lockedTrackIds: { 0: 'zzz' } });
    expect(gone.segments.map((s) => s.trackId)).toEqual(['a', 'b']);
    expect(gone.warnings[0]).toMatch(/not in the library/);
  });

  it('reports the cost the documented formula gives', () => {
    const steps = timeline([{ sec: 60, tempo: range(170, 180) }, { sec: 60, tempo: range(100, 110) }]);
    const plan = planMusic(steps, [track('a', 160, 300), track('b', 105, 300)], { maxTempoChangePct: 10 });
    expect(plan.cost).toBeCloseTo(planCost(plan.segments), 9);
    expect(plan.cost).toBeCloseTo(0.5 + 0.2 * (100 * (170 / 160 - 1)) + 1, 9);
  });

  it('finds the least-cost plan that an exhaustive search finds, on small random pools', () => {
    const targets = [null, range(160, 180, true), range(120, 130), range(100, 110, true), range(140, 150)];
    for (let seed = 1; seed <= 300; seed += 1) {
      const rand = mulberry32(seed);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
      const steps = timeline(Array.from({ length: 2 + Math.floor(rand() * 4) }, () => ({ sec: 20 + Math.round(rand() * 100), tempo: pick(targets) })));
      const pool = Array.from({ length: 2 + Math.floor(rand() * 4) }, (_, i) =>
        track(`t${i}`, 80 + Math.round(rand() * 100), 40 + Math.round(rand() * 120), { firstDownbeatSec: rand() * 2, beatsPerBar: pick([3, 4]) }));
      const options = { maxTempoChangePct: pick([0, 5, 10]), searchBudget: 1e6 };
      const plan = planMusic(steps, pool, options);
      const reference = planMusicBruteForce(steps, pool, options);
      expect(plan.cost, `seed ${seed}`).toBeCloseTo(reference.cost, 9);
      expect(planCost(plan.segments)).toBeCloseTo(plan.cost, 9);
      expectTiles(plan, steps);
      for (const seg of plan.segments) {
        for (const i of seg.stepIndexes) {
          const t = steps[i].step.tempo;
          if (t && seg.missPct === 0 && !fitsTempo(seg.musicBpm, t)) expect.fail(`seed ${seed}: segment does not fit step ${i}`);
        }
      }
    }
  });
});
