/**
 * The track pool as the music planner sees it: playable tracks indexed by tempo once (sorted by BPM,
 * binary-searched per target), and the ordered candidate lists the planner draws from.
 */
import type { TrackRecord } from './track';
import type { TempoTarget, TimelineStep } from './workout';
import type { Bpm, Seconds } from './units';
import { downbeatAtOrBefore, nextDownbeatAtOrAfter, type BeatGrid } from './beat-grid';
import { FIT_TOLERANCE_RATIO, fitTempo, type TempoFit } from './tempo-fit';

/** The track fields the planner reads; `loop` marks a short loop that repeats for as long as needed (the demo). */
export type PoolTrack = Pick<TrackRecord, 'id' | 'title' | 'artist' | 'durationSec' | 'grid' | 'status'> & { loop?: boolean };

/** A playable track with where it starts and how much of it can play. */
export interface PreparedTrack {
  record: PoolTrack;
  /** Position in `PoolIndex.tracks`. */
  index: number;
  bpm: Bpm;
  grid: BeatGrid;
  /** First downbeat at or after 0, seconds of track time. */
  offsetSec: Seconds;
  /** Whole bars from the offset to the end, seconds of track time. */
  availSec: Seconds;
}

/** A track with the way it would be played for one target. */
export interface Candidate {
  track: PreparedTrack;
  fit: TempoFit;
}

/** Candidates for one target, best first. `covered` is false when no track fits and the list holds the nearest misfits. */
export interface CandidateList {
  covered: boolean;
  cands: Candidate[];
}

/** Playable tracks indexed by tempo, with candidate lists cached per target. */
export interface PoolIndex {
  tracks: PreparedTrack[];
  byBpm: PreparedTrack[];
  /** Longest first. */
  byLength: PreparedTrack[];
  byId: Map<string, PreparedTrack>;
  maxPct: number;
  /** Longest stretch of workout one track can cover (slowed down as far as allowed), seconds. */
  longestCoverSec: Seconds;
  /** Distinct targets of the workout, to spare tracks that suit several of them. */
  targets: TempoTarget[];
  lists: Map<string, CandidateList>;
}

/** Shortest a planned segment lasts, seconds, unless its whole step is shorter: less would be a sliver of music. */
export const MIN_SEGMENT_SEC = 2;

/** Fewest seconds of whole bars a track needs to be planned: `MIN_SEGMENT_SEC` even sped up the most (×1.5). */
export const MIN_TRACK_SEC = MIN_SEGMENT_SEC * 1.5;

/** Most candidates the planner weighs at one track change. */
export const CANDIDATES_PER_CHANGE = 8;

const EPS_SEC = 1e-6;
// How long a loop can play: longer than any workout may last.
const LOOP_SEC = 48 * 3600;
const RATE_ONE: TempoFit = { playbackRate: 1, octave: 1, missPct: 0 };

/** Returns a string naming a tempo target ('any' for null), equal for equal targets. */
export const targetKey = (t: TempoTarget | null): string => (t ? `${t.minBpm}-${t.maxBpm}-${t.allowHalfDouble}` : 'any');

/** Returns the track ready to plan with, or null when it is not analysed, has no beat, or has under `MIN_TRACK_SEC` of whole bars. */
export function prepareTrack(record: PoolTrack, index: number): PreparedTrack | null {
  const grid = record.grid;
  if (record.status !== 'ready' || grid === null || !(grid.bpm > 0) || !(grid.beatsPerBar >= 1)) return null;
  const offsetSec = nextDownbeatAtOrAfter(grid, 0);
  // A loop repeats whole bars for as long as a workout lasts; a track plays to its last downbeat.
  const availSec = record.loop ? LOOP_SEC : downbeatAtOrBefore(grid, record.durationSec + EPS_SEC) - offsetSec;
  return availSec >= MIN_TRACK_SEC - EPS_SEC ? { record, index, bpm: grid.bpm, grid, offsetSec, availSec } : null;
}

/** Returns the pool indexed by tempo for planning `steps` with tempo changes up to `maxPct` percent. */
export function indexPool(pool: readonly PoolTrack[], steps: readonly TimelineStep[], maxPct: number): PoolIndex {
  const tracks: PreparedTrack[] = [];
  for (const record of pool) {
    const t = prepareTrack(record, tracks.length);
    if (t) tracks.push(t);
  }
  const targets = new Map<string, TempoTarget>();
  for (const s of steps) if (s.step.tempo) targets.set(targetKey(s.step.tempo), s.step.tempo);
  const longest = tracks.reduce((m, t) => Math.max(m, t.availSec), 0);
  return {
    tracks,
    byBpm: tracks.slice().sort((a, b) => a.bpm - b.bpm),
    byLength: tracks.slice().sort((a, b) => b.availSec - a.availSec),
    byId: new Map(tracks.map((t) => [t.record.id, t])),
    maxPct,
    longestCoverSec: longest / (1 - maxPct / 100),
    targets: [...targets.values()],
    lists: new Map(),
  };
}

// First index in byBpm whose tempo is ≥ bpm.
function lowerIndex(byBpm: readonly PreparedTrack[], bpm: Bpm): number {
  let lo = 0;
  let hi = byBpm.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byBpm[mid].bpm < bpm) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const octavesOf = (t: TempoTarget): number[] => (t.allowHalfDouble ? [1, 2, 0.5] : [1]);

/** Returns true when `bpm`, changed by at most `maxPct` percent (and halved or doubled if allowed), lands in the target. */
export function canReach(bpm: Bpm, target: TempoTarget, maxPct: number): boolean {
  const m = maxPct / 100;
  const tol = 1 + FIT_TOLERANCE_RATIO;
  return octavesOf(target).some((f) => bpm * f * (1 + m) * tol >= target.minBpm - 1e-9 && bpm * f * (1 - m) <= target.maxBpm * tol + 1e-9);
}

/** Returns the candidates for `target`: fitting tracks by smallest change, fewest other targets served, longest; else the nearest misfits. */
export function candidateList(index: PoolIndex, target: TempoTarget): CandidateList {
  const key = targetKey(target);
  const cached = index.lists.get(key);
  if (cached) return cached;
  const m = index.maxPct / 100;
  const seen = new Uint8Array(index.tracks.length);
  const found: Candidate[] = [];
  const consider = (t: PreparedTrack, misfitsToo: boolean): void => {
    if (seen[t.index]) return;
    seen[t.index] = 1;
    const fit = fitTempo(t.bpm, target, index.maxPct);
    if (fit.missPct === 0 || misfitsToo) found.push({ track: t, fit });
  };
  for (const f of octavesOf(target)) {
    // Tracks whose tempo × f, changed by at most m, lands in the range.
    const from = lowerIndex(index.byBpm, target.minBpm / (f * (1 + m) * (1 + FIT_TOLERANCE_RATIO)) - 1e-9);
    const to = lowerIndex(index.byBpm, (target.maxBpm * (1 + FIT_TOLERANCE_RATIO)) / (f * (1 - m)) + 1e-9);
    for (let i = from; i < to; i += 1) consider(index.byBpm[i], false);
  }
  const covered = found.length > 0;
  if (!covered) {
    // Nothing fits: the nearest few on each side of each octave's range are the misfits worth weighing.
    for (const f of octavesOf(target)) {
      const at = lowerIndex(index.byBpm, target.minBpm / f);
      const end = Math.min(index.byBpm.length, at + CANDIDATES_PER_CHANGE);
      for (let i = Math.max(0, at - CANDIDATES_PER_CHANGE); i < end; i += 1) consider(index.byBpm[i], true);
    }
  }
  const serves = (t: PreparedTrack): number => index.targets.reduce((n, x) => n + (canReach(t.bpm, x, index.maxPct) ? 1 : 0), 0);
  // Sort keys computed once per track, not once per comparison.
  const keyed = found.map((c) => ({ c, change: Math.abs(c.fit.playbackRate - 1), serves: covered ? serves(c.track) : 0, cover: c.track.availSec / c.fit.playbackRate }));
  keyed.sort((a, b) => a.c.fit.missPct - b.c.fit.missPct || a.change - b.change || a.serves - b.serves || b.cover - a.cover);
  const list = { covered, cands: keyed.map((k) => k.c) };
  index.lists.set(key, list);
  return list;
}

/** Returns the candidates for a step without target: every track at rate 1, those that also suit `next` first, longest first. */
export function anyTempoList(index: PoolIndex, next: TempoTarget | null): CandidateList {
  const key = `any>${targetKey(next)}`;
  const cached = index.lists.get(key);
  if (cached) return cached;
  // index.byLength is longest first, so a stable split keeps each half longest first.
  const suits = (t: PreparedTrack): boolean => next !== null && canReach(t.bpm, next, 0);
  const ordered = [...index.byLength.filter(suits), ...index.byLength.filter((t) => !suits(t))];
  const list = { covered: true, cands: ordered.map((track) => ({ track, fit: RATE_ONE })) };
  index.lists.set(key, list);
  return list;
}

/** Returns the way `track` plays for `target` (rate 1 for null), fitting or not. */
export const candidateFor = (index: PoolIndex, track: PreparedTrack, target: TempoTarget | null): Candidate => ({
  track,
  fit: target ? fitTempo(track.bpm, target, index.maxPct) : RATE_ONE,
});

/**
 * Returns up to `limit` candidates from `list`: unused tracks in list order, then tracks that already played,
 * fewest plays first and, among equals, the one played longest ago (`lastPlayed`: segment number + 1, 0 = never).
 */
export function pickCandidates(list: CandidateList, used: Int32Array, lastPlayed: Int32Array, limit: number): Candidate[] {
  const out: Candidate[] = [];
  for (const c of list.cands) if (used[c.track.index] === 0 && out.push(c) >= limit) return out;
  // The few best repeats by insertion into a short sorted array: O(list × limit), no sort of the whole list.
  const again: Candidate[] = [];
  const before = (a: Candidate, b: Candidate): boolean =>
    used[a.track.index] < used[b.track.index] || (used[a.track.index] === used[b.track.index] && lastPlayed[a.track.index] < lastPlayed[b.track.index]);
  const room = limit - out.length;
  for (const c of list.cands) {
    if (used[c.track.index] === 0) continue;
    let at = again.length;
    while (at > 0 && before(c, again[at - 1])) at -= 1;
    if (at < room) {
      again.splice(at, 0, c);
      if (again.length > room) again.pop();
    }
  }
  return out.concat(again);
}

// Tempo ranges (after any rate change) that music must be in to fit `t`.
const acceptedRanges = (t: TempoTarget): [number, number][] =>
  octavesOf(t).map((f) => [t.minBpm / f / (1 + FIT_TOLERANCE_RATIO), (t.maxBpm / f) * (1 + FIT_TOLERANCE_RATIO)]);

/** Returns true when no tempo fits both targets, so the music must change between them. */
export function targetsExclude(a: TempoTarget, b: TempoTarget): boolean {
  return acceptedRanges(a).every(([lo1, hi1]) => acceptedRanges(b).every(([lo2, hi2]) => hi1 < lo2 - 1e-9 || hi2 < lo1 - 1e-9));
}
