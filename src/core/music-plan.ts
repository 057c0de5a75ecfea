/**
 * The music planner: chooses and orders tracks so every step's music fits its tempo target.
 *
 * Rules of a plan (the space the search explores, and that tests/helpers/brute-force-plan.ts enumerates):
 * - A segment plays one track at one playback rate, from its first downbeat, on the workout clock.
 * - It is created for the step playing at that moment: at the rate closest to 1 that fits the step's target
 *   (rate 1 for `tempo: null`). Only fitting tracks are candidates; when none in the pool fits, every track is,
 *   at the rate that comes closest, and the step gets a warning.
 * - It always continues into the next step while the track lasts, when that step has no target, the same
 *   target, or a target the music already fits at its rate. It ends when the track runs out (on a bar boundary)
 *   or at the start of a step it does not suit. A track that would run out less than `MIN_SEGMENT_SEC` before
 *   the end of the step it is in plays on to that step's end instead of leaving a sliver for another track, so
 *   every segment lasts at least `MIN_SEGMENT_SEC`, or a whole step shorter than that.
 * - Cost (lower is better) = Σ segments [0.5 if the rate ≠ 1, + 0.2 per percent of tempo change,
 *   + 10 × the times the track already played, + 100 + 1 per percent of tempo still missed if it does not fit]
 *   + 1 per track change. So: no misfits while a fitting track exists, no repeats while an unused one fits,
 *   no third play while a track that played once fits (the pool is used up evenly), then fewer and smaller
 *   tempo changes, then fewer track changes. Among equal choices the track played longest ago comes first.
 * - A step whose tempo builds is planned in pieces (tempo-build.ts), each with a steady target over its stretch
 *   of the ramp and at least `BUILD_MIN_CHANGE_PCT` of tempo change allowed: a track goes on through the pieces
 *   while it can reach them, and the end of the build ends it. `planWorkout` then ramps its rate bar by bar.
 * Search: depth-first branch and bound over the K best candidates at each change, best-first, so the first
 * dive is the greedy plan; it is exact when every change has at most K candidates and the node budget suffices.
 */
import type { TempoTarget, TimelineStep } from './workout';
import type { Bpm, Seconds, TrackTime } from './units';
import { trackTime } from './units';
import { gridOnClock, type BeatGrid } from './beat-grid';
import type { RatePoint } from './rate-ramp';
import { BUILD_MIN_CHANGE_PCT } from './tempo-build';
import { effectiveBpm, fitTempo } from './tempo-fit';
import {
  anyTempoList, candidateFor, candidateList, CANDIDATES_PER_CHANGE, indexPool, MIN_SEGMENT_SEC, pickCandidates, targetsExclude,
  type Candidate, type PoolIndex, type PoolTrack,
} from './music-pool';
import { describeProblems } from './music-plan-warnings';

/** Planner settings. */
export interface MusicPlanOptions {
  /** Most a track may be sped up or slowed down, in percent (10 → rates 0.9..1.1); clamped to 0..50. */
  maxTempoChangePct: number;
  /** Tracks the user pinned, by segment index; an id not in the pool is ignored with a warning. */
  lockedTrackIds?: Record<number, string>;
  /** The pool is a few loops meant to repeat (the built-in demo): repeats are not reported as problems. */
  expectRepeats?: boolean;
  /** Search nodes to spend after the first plan is found; the default keeps a 60-minute plan under ~50 ms. */
  searchBudget?: number;
}

/** One track playing for a stretch of the workout. */
export interface MusicSegment {
  trackId: string;
  /** Start and end on the workout clock, seconds. */
  startSec: Seconds;
  endSec: Seconds;
  /** Where in the track playback starts: its first downbeat. */
  trackOffsetSec: TrackTime;
  /** 1 = unchanged tempo. */
  playbackRate: number;
  /** Tempo heard: the track's BPM × playbackRate. */
  musicBpm: Bpm;
  /** What the music counts as for the first tempo target it plays under (musicBpm × 2, × 1 or × ½); null if none. */
  targetBpm: Bpm | null;
  /** Percent by which the tempo misses the step's target; 0 = fits. */
  missPct: number;
  /** True when this track already played earlier in the workout. */
  isRepeat: boolean;
  /** Indexes of the steps this segment plays under. */
  stepIndexes: number[];
  /** The track's beat grid on the workout clock. */
  grid: BeatGrid;
  /** Rate changes inside the segment (a tempo that builds; core/tempo-map.ts), relative to `startSec`; null = `playbackRate` throughout. */
  tempoMap: RatePoint[] | null;
}

/** The planner's answer: segments in playing order that tile the workout, and problems in plain words. */
export interface MusicPlan {
  segments: MusicSegment[];
  warnings: string[];
  /** The plan's cost as documented above. */
  cost: number;
}

/** Weights of the plan cost. */
export const PLAN_COST = { trackChange: 1, tempoChange: 0.5, perPercent: 0.2, repeat: 10, misfit: 100, perMissPercent: 1 } as const;

const EPS_SEC = 1e-6;
const DEFAULT_BUDGET = 4000;

/** Returns the cost of one segment, without the track change that precedes it; `playedBefore` counts earlier plays of its track. */
export function segmentCost(playbackRate: number, missPct: number, playedBefore: number): number {
  const changePct = Math.abs(playbackRate - 1) * 100;
  let cost = changePct > 1e-7 ? PLAN_COST.tempoChange + PLAN_COST.perPercent * changePct : 0;
  cost += PLAN_COST.repeat * playedBefore;
  if (missPct > 0) cost += PLAN_COST.misfit + PLAN_COST.perMissPercent * missPct;
  return cost;
}

/** Returns the cost of a whole plan, segments in playing order: their costs plus one per track change. */
export function planCost(segments: readonly Pick<MusicSegment, 'trackId' | 'playbackRate' | 'missPct'>[]): number {
  const plays = new Map<string, number>();
  return segments.reduce((sum, s, i) => {
    const before = plays.get(s.trackId) ?? 0;
    plays.set(s.trackId, before + 1);
    return sum + segmentCost(s.playbackRate, s.missPct, before) + (i > 0 ? PLAN_COST.trackChange : 0);
  }, 0);
}

/** Returns true when two targets ask for the same tempo. */
export const sameTarget = (a: TempoTarget | null, b: TempoTarget | null): boolean =>
  a === b || (a !== null && b !== null && a.minBpm === b.minBpm && a.maxBpm === b.maxBpm && a.allowHalfDouble === b.allowHalfDouble);

/** Returns true when music at `musicBpm`, started for `createdFor`, may keep playing into a step with `next` as target. */
export function canContinue(musicBpm: Bpm, createdFor: TempoTarget | null, next: TempoTarget | null): boolean {
  return next === null || (createdFor !== null && sameTarget(createdFor, next)) || fitTempo(musicBpm, next, 0).missPct === 0;
}

interface Choice {
  cand: Candidate;
  isRepeat: boolean;
  /** The track's last play before this one (segment number + 1, 0 = never), restored on backtracking. */
  lastBefore: number;
  endSec: Seconds;
  lastStep: number;
  cost: number;
}

// True when music counted at `countedBpm` reaches some tempo of `target` with a change of at most `maxPct` percent.
const reaches = (countedBpm: Bpm, target: TempoTarget, maxPct: number): boolean =>
  countedBpm * (1 + maxPct / 100) >= target.minBpm - 1e-9 && countedBpm * (1 - maxPct / 100) <= target.maxBpm + 1e-9;

// Where the segment started at `startSec` in step `stepIdx` ends, following the continuation rule. Through the
// pieces of a building step (tempo-build.ts) a track goes on while its ramp can reach the next piece; the end of a
// build ends the segment, since the tempo there is the build's, not the track's.
function extend(steps: readonly TimelineStep[], stepIdx: number, startSec: Seconds, cand: Candidate, buildPct: number): { endSec: Seconds; lastStep: number } {
  const inBuild = Boolean(steps[stepIdx].step.build);
  const runsOutSec = startSec + cand.track.availSec / (inBuild ? 1 + buildPct / 100 : cand.fit.playbackRate);
  const musicBpm = cand.track.bpm * cand.fit.playbackRate;
  const createdFor = steps[stepIdx].step.tempo;
  for (let j = stepIdx; ; j += 1) {
    const stepEnd = steps[j].startSec + steps[j].durationSec;
    if (runsOutSec < stepEnd - MIN_SEGMENT_SEC) return { endSec: runsOutSec, lastStep: j };
    const next = steps[j + 1];
    const goesOn = next !== undefined && (next.index === steps[j].index
      ? reaches(cand.track.bpm * cand.fit.octave, next.step.tempo!, buildPct)
      : !steps[j].step.build && canContinue(musicBpm, createdFor, next.step.tempo));
    if (runsOutSec < stepEnd + EPS_SEC || !goesOn) return { endSec: stepEnd, lastStep: j };
  }
}

/** Returns the music plan for `steps` from `pool`: which track plays when, at what rate, and warnings in plain words. */
export function planMusic(steps: readonly TimelineStep[], pool: readonly PoolTrack[], options: MusicPlanOptions): MusicPlan {
  const maxPct = Math.min(Math.max(options.maxTempoChangePct, 0), 50);
  const locks = options.lockedTrackIds ?? {};
  const playable = steps.filter((s) => s.durationSec > 0);
  const index = indexPool(pool, playable, maxPct);
  // Building steps may always change the tempo by BUILD_MIN_CHANGE_PCT; the same tracks in the same order.
  const buildPct = Math.max(maxPct, BUILD_MIN_CHANGE_PCT);
  const buildIndex = buildPct > maxPct && playable.some((s) => s.step.build) ? indexPool(pool, playable, buildPct) : index;
  const warnings: string[] = [];
  if (playable.length === 0) return { segments: [], warnings, cost: 0 };
  if (index.tracks.length === 0) {
    return { segments: [], warnings: ['No tracks are ready to play: the workout will run without music.'], cost: 0 };
  }
  for (const [k, id] of Object.entries(locks)) {
    if (!index.byId.has(id)) warnings.push(`The track pinned to part ${Number(k) + 1} is not in the library any more: another one plays instead.`);
  }
  const totalSec = playable[playable.length - 1].startSec + playable[playable.length - 1].durationSec;
  // The timeline may start later than 0 (planning the rest of a workout after a skip).
  const fromSec = playable[0].startSec;
  const forcedFrom = forcedChangesFrom(index, playable, Object.keys(locks).length > 0);
  const nextTargets = nextTargetsAfter(playable);
  // Per track: how often it plays on the current path, and the segment number + 1 of its latest play there.
  const used = new Int32Array(index.tracks.length);
  const lastPlayed = new Int32Array(index.tracks.length);
  const path: Choice[] = [];
  let best: Choice[] | null = null;
  let bestCost = Infinity;
  let nodes = 0;
  const budget = options.searchBudget ?? DEFAULT_BUDGET;

  const choicesAt = (k: number, stepIdx: number, startSec: Seconds): Choice[] => {
    const target = playable[stepIdx].step.tempo;
    const ix = playable[stepIdx].step.build ? buildIndex : index;
    const locked = locks[k] !== undefined ? ix.byId.get(locks[k]) : undefined;
    const list = target ? candidateList(ix, target) : anyTempoList(ix, nextTargets[stepIdx]);
    const cands = locked ? [candidateFor(ix, locked, target)] : pickCandidates(list, used, lastPlayed, CANDIDATES_PER_CHANGE);
    return cands
      .map((cand) => {
        const plays = used[cand.track.index];
        const cost = segmentCost(cand.fit.playbackRate, cand.fit.missPct, plays) + (k > 0 ? PLAN_COST.trackChange : 0);
        return { cand, isRepeat: plays > 0, lastBefore: lastPlayed[cand.track.index], cost, ...extend(playable, stepIdx, startSec, cand, buildPct) };
      })
      .sort((a, b) => a.cost - b.cost || a.lastBefore - b.lastBefore || b.endSec - a.endSec);
  };

  // Least cost still to come: one track change per segment that must follow.
  const lowerBound = (k: number, stepIdx: number, startSec: Seconds): number => {
    const bySpan = Math.ceil((totalSec - startSec) / index.longestCoverSec - EPS_SEC);
    const segmentsLeft = Math.max(1, bySpan, 1 + forcedFrom[stepIdx]);
    return PLAN_COST.trackChange * (k > 0 ? segmentsLeft : segmentsLeft - 1);
  };

  // Iterative depth-first search: a workout may have thousands of segments, too deep for recursion.
  interface Frame { choices: Choice[]; next: number; costBefore: number }
  const stack: Frame[] = [{ choices: choicesAt(0, 0, fromSec), next: 0, costBefore: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (path.length === stack.length) {
      const undo = path.pop() as Choice;
      used[undo.cand.track.index] -= 1;
      lastPlayed[undo.cand.track.index] = undo.lastBefore;
    }
    if (frame.next >= frame.choices.length || (best !== null && nodes >= budget)) {
      stack.pop();
      continue;
    }
    const choice = frame.choices[frame.next++];
    const cost = frame.costBefore + choice.cost;
    nodes += 1;
    path.push(choice);
    used[choice.cand.track.index] += 1;
    lastPlayed[choice.cand.track.index] = path.length;
    const done = choice.endSec >= totalSec - EPS_SEC;
    if (done) {
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = path.slice();
      }
      continue;
    }
    const stepIdx = choice.endSec >= playable[choice.lastStep].startSec + playable[choice.lastStep].durationSec - EPS_SEC ? choice.lastStep + 1 : choice.lastStep;
    if (cost + lowerBound(path.length, stepIdx, choice.endSec) >= bestCost - 1e-9) continue;
    stack.push({ choices: choicesAt(path.length, stepIdx, choice.endSec), next: 0, costBefore: cost });
  }
  const segments = toSegments(best ?? [], playable);
  warnings.push(...describeProblems(index, playable, segments, options.expectRepeats ?? false, buildIndex));
  return { segments, warnings, cost: bestCost };
}

function toSegments(choices: readonly Choice[], steps: readonly TimelineStep[]): MusicSegment[] {
  let startSec = steps[0]?.startSec ?? 0;
  let stepIdx = 0;
  return choices.map((c) => {
    const t = c.cand.track;
    const rate = c.cand.fit.playbackRate;
    const stepIndexes: number[] = [];
    // The pieces of a building step share its index: each step once.
    for (let j = stepIdx; j <= c.lastStep; j += 1) if (stepIndexes.at(-1) !== steps[j].index) stepIndexes.push(steps[j].index);
    const firstTarget = steps.slice(stepIdx, c.lastStep + 1).find((s) => s.step.tempo !== null)?.step.tempo ?? null;
    const seg: MusicSegment = {
      trackId: t.record.id,
      startSec,
      endSec: c.endSec,
      trackOffsetSec: trackTime(t.offsetSec),
      playbackRate: rate,
      musicBpm: t.bpm * rate,
      targetBpm: firstTarget ? effectiveBpm(t.bpm * rate, firstTarget) : null,
      missPct: c.cand.fit.missPct,
      isRepeat: c.isRepeat,
      stepIndexes,
      grid: gridOnClock(t.grid, t.offsetSec, rate, startSec),
      tempoMap: null,
    };
    const lastEnd = steps[c.lastStep].startSec + steps[c.lastStep].durationSec;
    stepIdx = c.endSec >= lastEnd - EPS_SEC ? c.lastStep + 1 : c.lastStep;
    startSec = c.endSec;
    return seg;
  });
}


// For each step, the next tempo target after it (null when none follows).
function nextTargetsAfter(steps: readonly TimelineStep[]): (TempoTarget | null)[] {
  const out: (TempoTarget | null)[] = new Array(steps.length).fill(null);
  for (let i = steps.length - 2; i >= 0; i -= 1) out[i] = steps[i + 1].step.tempo ?? out[i + 1];
  return out;
}

// forcedFrom[i]: track changes that must happen after a segment starting in step i, because consecutive
// targets (nulls between them aside) accept no common tempo. Pinned tracks may misfit, so then none are sure.
function forcedChangesFrom(index: PoolIndex, steps: readonly TimelineStep[], hasLocks: boolean): number[] {
  const counts: number[] = new Array(steps.length + 1).fill(0);
  if (hasLocks) return counts;
  let prev = -1;
  steps.forEach((s, j) => {
    const t = s.step.tempo;
    if (!t) return;
    const a = prev >= 0 ? steps[prev].step.tempo : null;
    if (a && targetsExclude(a, t) && candidateList(index, a).covered && candidateList(index, t).covered) counts[prev] += 1;
    prev = j;
  });
  for (let i = steps.length - 1; i >= 0; i -= 1) counts[i] += counts[i + 1];
  return counts;
}
