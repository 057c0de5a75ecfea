/**
 * Reference music planner for tests: tries every track at every track change (P^changes plans) under the
 * rules documented in src/core/music-plan.ts, and returns the least cost. Small pools only.
 */
import type { TimelineStep } from '../../src/core/workout';
import { downbeatAtOrBefore, nextDownbeatAtOrAfter } from '../../src/core/beat-grid';
import { fitTempo, type TempoFit } from '../../src/core/tempo-fit';
import { canContinue, PLAN_COST, segmentCost, type MusicPlanOptions } from '../../src/core/music-plan';
import { MIN_SEGMENT_SEC, MIN_TRACK_SEC, type PoolTrack } from '../../src/core/music-pool';

/** The optimum found: its cost and the track of each segment in order. */
export interface BruteForcePlan {
  cost: number;
  trackIds: string[];
}

interface Playable {
  id: string;
  bpm: number;
  availSec: number;
}

function playableTracks(pool: readonly PoolTrack[]): Playable[] {
  const out: Playable[] = [];
  for (const t of pool) {
    const g = t.grid;
    if (t.status !== 'ready' || g === null || g.bpm <= 0) continue;
    // Play from the first downbeat at or after the start of the file, to the last downbeat in it.
    const start = nextDownbeatAtOrAfter(g, 0);
    const end = downbeatAtOrBefore(g, t.durationSec);
    if (end - start >= MIN_TRACK_SEC - 1e-6) out.push({ id: t.id, bpm: g.bpm, availSec: end - start });
  }
  return out;
}

/** Returns the least-cost plan by exhaustive search (exponential: keep pools and workouts tiny). */
export function planMusicBruteForce(steps: readonly TimelineStep[], pool: readonly PoolTrack[], options: MusicPlanOptions): BruteForcePlan {
  const maxPct = Math.min(Math.max(options.maxTempoChangePct, 0), 50);
  const tracks = playableTracks(pool);
  const playable = steps.filter((s) => s.durationSec > 0);
  if (playable.length === 0 || tracks.length === 0) return { cost: 0, trackIds: [] };
  const totalSec = playable[playable.length - 1].startSec + playable[playable.length - 1].durationSec;
  const stepEnd = (j: number): number => playable[j].startSec + playable[j].durationSec;
  const locks = options.lockedTrackIds ?? {};
  let best: BruteForcePlan = { cost: Infinity, trackIds: [] };

  const visit = (k: number, startSec: number, stepIdx: number, plays: Map<string, number>, cost: number, ids: string[]): void => {
    if (startSec >= totalSec - 1e-6) {
      if (cost < best.cost) best = { cost, trackIds: ids.slice() };
      return;
    }
    const target = playable[stepIdx].step.tempo;
    const fitOf = (t: Playable): TempoFit => (target ? fitTempo(t.bpm, target, maxPct) : { playbackRate: 1, octave: 1, missPct: 0 });
    const pinned = tracks.filter((t) => t.id === locks[k]);
    const fitting = tracks.filter((t) => fitOf(t).missPct === 0);
    const options = pinned.length > 0 ? pinned : fitting.length > 0 ? fitting : tracks;
    for (const t of options) {
      const fit = fitOf(t);
      const segCost = segmentCost(fit.playbackRate, fit.missPct, plays.get(t.id) ?? 0) + (k > 0 ? PLAN_COST.trackChange : 0);
      // Play until the track runs out or a step it does not suit begins; running out in a step's last
      // MIN_SEGMENT_SEC, play on to its end.
      const runsOut = startSec + t.availSec / fit.playbackRate;
      let j = stepIdx;
      while (runsOut >= stepEnd(j) + 1e-6 && j + 1 < playable.length && canContinue(t.bpm * fit.playbackRate, target, playable[j + 1].step.tempo)) j += 1;
      const endSec = runsOut < stepEnd(j) - MIN_SEGMENT_SEC ? runsOut : stepEnd(j);
      const nextStep = endSec >= stepEnd(j) - 1e-6 ? j + 1 : j;
      plays.set(t.id, (plays.get(t.id) ?? 0) + 1);
      ids.push(t.id);
      visit(k + 1, endSec >= stepEnd(j) - 1e-6 ? stepEnd(j) : endSec, nextStep, plays, cost + segCost, ids);
      ids.pop();
      plays.set(t.id, (plays.get(t.id) ?? 0) - 1);
    }
  };
  visit(0, 0, 0, new Map(), 0, []);
  return best;
}
