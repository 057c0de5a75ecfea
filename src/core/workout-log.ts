/**
 * The workout log: one entry per finished (or stopped) session, built from what was really played — the
 * stretches of the workout clock the user went through — never from the plan alone. Pure.
 */
import type { Bpm, Seconds } from './units';
import type { StepKind } from './workout';
import { stepEndSec, type Program } from './program';
import type { HeartRateSummary, SessionHeartRate } from './heart-rate-log';

/** A stretch of the workout clock that played (between a start or resume and the next pause, skip or stop). */
export interface PlayedSpan {
  fromSec: Seconds;
  toSec: Seconds;
}

/** What a session did so far: the stretches played and the steps the user skipped. */
export interface SessionRecord {
  spans: PlayedSpan[];
  /** Indexes of the steps skipped with "Skip step", in order. */
  skippedSteps: number[];
}

/** A track heard in a workout, for how long. `trackId` and `seconds` are null where entries logged before this was recorded do not say. */
export interface HeardTrack {
  trackId: string | null;
  title: string;
  seconds: Seconds | null;
}

/** One step of a logged session, as it was played. */
export interface LoggedStep {
  name: string;
  kind: StepKind;
  /** Where the step started on the workout clock, seconds from the first step. */
  startSec: Seconds;
  /** Seconds of the step really played (0 for a step never reached). */
  activeSec: Seconds;
  /** True when the user skipped the step with "Skip step". */
  skipped: boolean;
  /** Tempo of the music heard in the step, averaged over the time heard; null when none played. */
  musicBpm: Bpm | null;
  /** Heart rate in the step (average and maximum); null when no strap reported one. */
  heartRate: HeartRateSummary | null;
}

/** One session in the log. */
export interface WorkoutLogEntry {
  /** Unique id of the entry. */
  id: string;
  /** The workout's id; null for entries logged before it was recorded. */
  workoutId: string | null;
  workoutName: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  /** Seconds really exercised: pauses, skipped time and the count-in left out. */
  activeSec: Seconds;
  /** True when the workout played to its end. */
  completed: boolean;
  stepsTotal: number;
  /** Steps played to their end. */
  stepsCompleted: number;
  /** Steps the user skipped. */
  stepsSkipped: number;
  /** The tracks actually heard, in order (a track heard twice in a row is one entry). */
  tracks: HeardTrack[];
  /** Tempo of the music heard, averaged over the time heard; null when none played. */
  avgMusicBpm: Bpm | null;
  /** Every step of the workout in order; empty for entries logged before steps were recorded. */
  steps: LoggedStep[];
  /** How hard it felt, 0–10 on the CR10 scale; null until the user says. */
  effort: number | null;
  /** Heart rate over the whole workout (average and maximum); null when no strap reported one. */
  heartRate: HeartRateSummary | null;
}

/**
 * Returns the log to show after reading it again: every stored entry (the stored copy wins, so an effort saved in
 * another tab shows), plus the entries shown but not stored (yet): one still being written is not dropped. Newest first.
 */
export function mergeLog(stored: readonly WorkoutLogEntry[], shown: readonly WorkoutLogEntry[]): WorkoutLogEntry[] {
  const ids = new Set(stored.map((e) => e.id));
  return [...stored, ...shown.filter((e) => !ids.has(e.id))].sort((a, b) => b.startedAt - a.startedAt);
}

/** An empty session record. */
export const newSessionRecord = (): SessionRecord => ({ spans: [], skippedSteps: [] });

/** Returns `record` with the stretch [fromSec, toSec] added (nothing when it is empty). */
export function addSpan(record: SessionRecord, fromSec: Seconds, toSec: Seconds): SessionRecord {
  return toSec > fromSec + 1e-9 ? { ...record, spans: [...record.spans, { fromSec, toSec }] } : record;
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Returns the log entry of a session of `program`: active time, steps, tracks heard, their average tempo and the heart rate (if any). */
export function summarizeSession(
  program: Program, record: SessionRecord, meta: { id: string; startedAt: number; completed: boolean }, heartRate: SessionHeartRate | null = null,
): WorkoutLogEntry {
  const end = program.endSec;
  const spans = record.spans.map((s) => ({ fromSec: Math.max(0, s.fromSec), toSec: Math.min(end, s.toSec) })).filter((s) => s.toSec > s.fromSec);
  const activeSec = sum(spans);
  const skipped = new Set(record.skippedSteps);
  let stepsCompleted = 0;
  const steps: LoggedStep[] = program.steps.map((t, k) => {
    const start = program.stepStarts[k];
    const stepEnd = stepEndSec(program, k);
    const isEmpty = stepEnd <= start + 1e-9;
    if (!isEmpty && !skipped.has(k) && spans.some((s) => s.fromSec < stepEnd - 1e-6 && s.toSec >= stepEnd - 1e-3)) stepsCompleted += 1;
    const played = spans.map((s) => ({ fromSec: Math.max(s.fromSec, start), toSec: Math.min(s.toSec, stepEnd) })).filter((s) => s.toSec > s.fromSec);
    const music = musicOver(program, played);
    return { name: t.step.name, kind: t.step.kind, startSec: round1(start), activeSec: round1(sum(played)), skipped: skipped.has(k), musicBpm: music.bpm,
      heartRate: heartRate?.steps[k] ?? null };
  });
  const tracks: HeardTrack[] = [];
  for (const span of spans) {
    for (const seg of program.segments) {
      const sec = overlap(span.fromSec, span.toSec, seg.startSec, seg.endSec);
      if (sec <= 1e-6) continue;
      const last = tracks[tracks.length - 1];
      if (last && last.trackId === seg.trackId) last.seconds = (last.seconds ?? 0) + sec;
      else tracks.push({ trackId: seg.trackId, title: seg.title, seconds: sec });
    }
  }
  const music = musicOver(program, spans);
  return {
    id: meta.id,
    workoutId: program.workoutId,
    workoutName: program.workoutName,
    startedAt: meta.startedAt,
    activeSec: round1(activeSec),
    completed: meta.completed,
    stepsTotal: program.steps.length,
    stepsCompleted,
    stepsSkipped: skipped.size,
    tracks: tracks.map((t) => ({ ...t, seconds: t.seconds === null ? null : round1(t.seconds) })),
    avgMusicBpm: music.bpm,
    steps,
    effort: null,
    heartRate: heartRate?.workout ?? null,
  };
}

const sum = (spans: readonly PlayedSpan[]): Seconds => spans.reduce((total, s) => total + s.toSec - s.fromSec, 0);

// The tempo heard over `spans`, averaged over the seconds of music (rounded to a tenth); null when none played.
function musicOver(program: Program, spans: readonly PlayedSpan[]): { bpm: Bpm | null } {
  let bpmSec = 0;
  let musicSec = 0;
  for (const span of spans) {
    for (const seg of program.segments) {
      const sec = overlap(span.fromSec, span.toSec, seg.startSec, seg.endSec);
      if (sec <= 1e-6) continue;
      bpmSec += seg.musicBpm * sec;
      musicSec += sec;
    }
  }
  return { bpm: musicSec > 0 ? round1(bpmSec / musicSec) : null };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
