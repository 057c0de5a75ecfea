/**
 * Effort by music tempo: the user's own evidence on whether faster music makes the same work feel easier.
 * Rated workouts are split at the median of their work steps' average music tempo; the mean effort of the
 * faster half is compared with the slower half's. With fewer than `MIN_PER_GROUP` workouts on a side the
 * comparison says nothing (and says how many more are needed). Workouts exactly at the median sit on neither
 * side. This is an observational comparison: harder workouts may simply get faster music. Pure.
 */
import type { Bpm } from './units';
import type { WorkoutLogEntry } from './workout-log';

/** Fewest rated workouts on each side of the median before a difference is shown. */
export const MIN_PER_GROUP = 3;
/** Smallest spread of tempo (BPM) between a repeated workout's sessions worth comparing. */
export const MIN_TEMPO_SPREAD_BPM = 2;

/** Returns the average music tempo over the work steps of an entry (weighted by seconds played); null without step detail or music. */
export function workMusicBpm(entry: Pick<WorkoutLogEntry, 'steps'>): Bpm | null {
  let bpmSec = 0;
  let sec = 0;
  for (const s of entry.steps) {
    if (s.kind !== 'work' || s.musicBpm === null || s.activeSec <= 0) continue;
    bpmSec += s.musicBpm * s.activeSec;
    sec += s.activeSec;
  }
  return sec > 0 ? Math.round((bpmSec / sec) * 10) / 10 : null;
}

/** One side of the split. */
export interface TempoGroup {
  count: number;
  meanEffort: number;
  meanBpm: Bpm;
}

/** What the log can say about effort and tempo. */
export type EffortByTempo =
  | { status: 'not-enough'; usable: number; needed: number }
  | { status: 'no-spread'; usable: number; medianBpm: Bpm }
  | { status: 'ready'; usable: number; medianBpm: Bpm; faster: TempoGroup; slower: TempoGroup; difference: number };

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const round1 = (x: number): number => Math.round(x * 10) / 10;
const median = (sorted: readonly number[]): number => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Rated workouts with music in their work steps: their effort and that tempo. */
export function ratedWithTempo(entries: readonly WorkoutLogEntry[]): { entry: WorkoutLogEntry; effort: number; bpm: Bpm }[] {
  return entries.flatMap((entry) => {
    const bpm = workMusicBpm(entry);
    return entry.effort === null || bpm === null ? [] : [{ entry, effort: entry.effort, bpm }];
  });
}

/** Returns the comparison of effort on faster against slower music (split at the median), or why there is none. */
export function effortByTempo(entries: readonly WorkoutLogEntry[]): EffortByTempo {
  const rated = ratedWithTempo(entries);
  const usable = rated.length;
  if (usable < 2 * MIN_PER_GROUP) return { status: 'not-enough', usable, needed: 2 * MIN_PER_GROUP - usable };
  const medianBpm = round1(median(rated.map((r) => r.bpm).sort((a, b) => a - b)));
  const faster = rated.filter((r) => r.bpm > medianBpm);
  const slower = rated.filter((r) => r.bpm < medianBpm);
  if (faster.length < MIN_PER_GROUP || slower.length < MIN_PER_GROUP) return { status: 'no-spread', usable, medianBpm };
  const group = (rs: typeof rated): TempoGroup => ({ count: rs.length, meanEffort: round1(mean(rs.map((r) => r.effort))), meanBpm: round1(mean(rs.map((r) => r.bpm))) });
  const f = group(faster);
  const s = group(slower);
  return { status: 'ready', usable, medianBpm, faster: f, slower: s, difference: round1(f.meanEffort - s.meanEffort) };
}

/** One workout done at different music tempos: its rated sessions, slowest music first. */
export interface RepeatedWorkout {
  workoutName: string;
  sessions: { id: string; startedAt: number; bpm: Bpm; effort: number }[];
}

/** Returns the workouts rated at least twice with work-step music differing by `MIN_TEMPO_SPREAD_BPM` or more. */
export function sameWorkoutAtOtherTempos(entries: readonly WorkoutLogEntry[]): RepeatedWorkout[] {
  const byWorkout = new Map<string, RepeatedWorkout>();
  for (const r of ratedWithTempo(entries)) {
    const key = r.entry.workoutId ?? `name:${r.entry.workoutName}`;
    const group = byWorkout.get(key) ?? { workoutName: r.entry.workoutName, sessions: [] };
    group.sessions.push({ id: r.entry.id, startedAt: r.entry.startedAt, bpm: r.bpm, effort: r.effort });
    byWorkout.set(key, group);
  }
  return [...byWorkout.values()]
    .filter((g) => {
      const bpms = g.sessions.map((s) => s.bpm);
      return g.sessions.length >= 2 && Math.max(...bpms) - Math.min(...bpms) >= MIN_TEMPO_SPREAD_BPM;
    })
    .map((g) => ({ ...g, sessions: [...g.sessions].sort((a, b) => a.bpm - b.bpm || a.startedAt - b.startedAt) }));
}
