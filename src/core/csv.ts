/**
 * The workout log as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends): a header and one
 * row per workout, oldest first. Text that a spreadsheet would run as a formula (starting with = + - @) is
 * prefixed with an apostrophe. Pure.
 */
import type { WorkoutLogEntry } from './workout-log';
import { sessionLoad } from './effort';
import { workMusicBpm } from './effort-tempo';

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'started_at', 'workout', 'completed', 'active_minutes', 'active_seconds', 'steps_total', 'steps_completed', 'steps_skipped',
  'effort', 'session_load', 'avg_music_bpm', 'work_music_bpm', 'tracks', 'avg_heart_rate', 'max_heart_rate',
] as const;

/** Returns one CSV cell: numbers as they are, text quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Returns the CSV of `entries`: a header row and one row per workout, oldest first. */
export function entriesToCsv(entries: readonly WorkoutLogEntry[]): string {
  const rows = [...entries].sort((a, b) => a.startedAt - b.startedAt).map((e) => [
    new Date(e.startedAt).toISOString(),
    e.workoutName,
    e.completed,
    Math.round((e.activeSec / 60) * 10) / 10,
    e.activeSec,
    e.stepsTotal,
    e.stepsCompleted,
    e.stepsSkipped,
    e.effort,
    sessionLoad(e),
    e.avgMusicBpm,
    workMusicBpm(e),
    e.tracks.map((t) => t.title).join('; '),
    e.heartRate?.avgBpm ?? null,
    e.heartRate?.maxBpm ?? null,
  ]);
  return [[...CSV_COLUMNS], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
