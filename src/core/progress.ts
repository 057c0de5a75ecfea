/**
 * Progress from the workout log: weeks (Monday to Sunday, in the user's local time), this week against the
 * last, streaks, minutes per week, a calendar of days and personal bests. Pure: the time now and the
 * time-zone offset are passed in (tests pass 0 for UTC).
 */
import type { WorkoutLogEntry } from './workout-log';
import { activeMinutes, sessionLoad } from './effort';

/** Minutes to add to UTC to get local time at an instant (the negative of `Date#getTimezoneOffset`). */
export type ZoneOffset = (ms: number) => number;

/** The offset of the time zone this code runs in. */
export const localZone: ZoneOffset = (ms) => -new Date(ms).getTimezoneOffset();

const DAY_MS = 86_400_000;

/** Returns the local day of an instant, as whole days since 1970-01-01 (a Thursday). */
export const dayNumber = (ms: number, zone: ZoneOffset): number => Math.floor((ms + zone(ms) * 60_000) / DAY_MS);

/** Returns the week of a local day, as whole weeks since the Monday 1969-12-29. */
export const weekOfDay = (day: number): number => Math.floor((day + 3) / 7);

/** Returns the first local day (Monday) of a week. */
export const firstDayOfWeek = (week: number): number => week * 7 - 3;

/** Returns the UTC date ("2026-03-16") that names a local day. */
export const dayToIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** What a stretch of time holds: minutes exercised, workouts, and session load (of the rated workouts). */
export interface Totals {
  minutes: number;
  workouts: number;
  /** Sum of effort × minutes over rated workouts. */
  load: number;
  /** Workouts without an effort, whose load is unknown. */
  unrated: number;
}

/** Returns the totals of `entries`. */
export function totalsOf(entries: readonly WorkoutLogEntry[]): Totals {
  let minutes = 0;
  let load = 0;
  let unrated = 0;
  for (const e of entries) {
    minutes += activeMinutes(e);
    const l = sessionLoad(e);
    if (l === null) unrated += 1;
    else load += l;
  }
  return { minutes: Math.round(minutes * 10) / 10, workouts: entries.length, load, unrated };
}

/** This week and the last, as the Progress screen compares them. */
export interface WeekComparison {
  thisWeek: Totals;
  lastWeek: Totals;
}

/** Returns the totals of the week of `nowMs` and of the week before. */
export function compareWeeks(entries: readonly WorkoutLogEntry[], nowMs: number, zone: ZoneOffset): WeekComparison {
  const week = weekOfDay(dayNumber(nowMs, zone));
  const inWeek = (w: number) => entries.filter((e) => weekOfDay(dayNumber(e.startedAt, zone)) === w);
  return { thisWeek: totalsOf(inWeek(week)), lastWeek: totalsOf(inWeek(week - 1)) };
}

/** Streaks in weeks and days, now and at best. */
export interface Streaks {
  /** Weeks in a row with at least one workout, up to this week (or the last, while this one is still empty). */
  weeks: number;
  /** Days in a row with a workout, up to today (or yesterday, while today is still empty). */
  days: number;
  /** The most weeks in a row ever. */
  longestWeeks: number;
  /** The most days in a row ever. */
  longestDays: number;
}

/** Returns the current and longest streaks. */
export function streaksOf(entries: readonly WorkoutLogEntry[], nowMs: number, zone: ZoneOffset): Streaks {
  const days = new Set(entries.map((e) => dayNumber(e.startedAt, zone)));
  const weeks = new Set([...days].map(weekOfDay));
  const today = dayNumber(nowMs, zone);
  return {
    weeks: runEndingAt(weeks, weekOfDay(today)),
    days: runEndingAt(days, today),
    longestWeeks: longestRun(weeks),
    longestDays: longestRun(days),
  };
}

// The run of consecutive numbers ending at `last`, or at `last - 1` when `last` is not (yet) in the set.
function runEndingAt(set: ReadonlySet<number>, last: number): number {
  let n = set.has(last) ? last : last - 1;
  let run = 0;
  while (set.has(n)) {
    run += 1;
    n -= 1;
  }
  return run;
}

function longestRun(set: ReadonlySet<number>): number {
  let best = 0;
  for (const n of set) {
    if (set.has(n - 1)) continue;
    let run = 1;
    while (set.has(n + run)) run += 1;
    best = Math.max(best, run);
  }
  return best;
}

/** Minutes exercised in one week. */
export interface WeekMinutes {
  /** The week's Monday ("2026-03-16"). */
  weekStart: string;
  minutes: number;
  workouts: number;
}

/** Returns minutes per week for the `count` weeks up to the week of `nowMs`, oldest first. */
export function minutesByWeek(entries: readonly WorkoutLogEntry[], nowMs: number, zone: ZoneOffset, count = 12): WeekMinutes[] {
  const last = weekOfDay(dayNumber(nowMs, zone));
  const out: WeekMinutes[] = [];
  for (let w = last - count + 1; w <= last; w++) {
    const t = totalsOf(entries.filter((e) => weekOfDay(dayNumber(e.startedAt, zone)) === w));
    out.push({ weekStart: dayToIso(firstDayOfWeek(w)), minutes: t.minutes, workouts: t.workouts });
  }
  return out;
}

/** One day of the calendar. */
export interface CalendarDay {
  /** The local date ("2026-03-16"). */
  date: string;
  minutes: number;
  workouts: number;
  /** True for days after today (the rest of this week). */
  isFuture: boolean;
}

/** Returns the calendar of the `weeks` weeks up to this one: rows of seven days, Monday first, oldest week first. */
export function calendarOf(entries: readonly WorkoutLogEntry[], nowMs: number, zone: ZoneOffset, weeks = 13): CalendarDay[][] {
  const today = dayNumber(nowMs, zone);
  const perDay = new Map<number, WorkoutLogEntry[]>();
  for (const e of entries) {
    const d = dayNumber(e.startedAt, zone);
    perDay.set(d, [...(perDay.get(d) ?? []), e]);
  }
  const lastWeek = weekOfDay(today);
  const rows: CalendarDay[][] = [];
  for (let w = lastWeek - weeks + 1; w <= lastWeek; w++) {
    const row: CalendarDay[] = [];
    for (let d = firstDayOfWeek(w); d < firstDayOfWeek(w) + 7; d++) {
      const t = totalsOf(perDay.get(d) ?? []);
      row.push({ date: dayToIso(d), minutes: Math.round(t.minutes), workouts: t.workouts, isFuture: d > today });
    }
    rows.push(row);
  }
  return rows;
}

/** Personal bests; null where the log is empty. */
export interface PersonalBests {
  longestWorkout: WorkoutLogEntry | null;
  bestWeek: { weekStart: string; minutes: number } | null;
  longestStreakWeeks: number;
}

/** Returns the longest workout, the week with the most minutes and the longest streak of weeks. */
export function personalBests(entries: readonly WorkoutLogEntry[], zone: ZoneOffset): PersonalBests {
  let longestWorkout: WorkoutLogEntry | null = null;
  const perWeek = new Map<number, number>();
  for (const e of entries) {
    if (!longestWorkout || e.activeSec > longestWorkout.activeSec) longestWorkout = e;
    const w = weekOfDay(dayNumber(e.startedAt, zone));
    perWeek.set(w, (perWeek.get(w) ?? 0) + activeMinutes(e));
  }
  let bestWeek: PersonalBests['bestWeek'] = null;
  for (const [w, minutes] of perWeek) {
    if (!bestWeek || minutes > bestWeek.minutes) bestWeek = { weekStart: dayToIso(firstDayOfWeek(w)), minutes: Math.round(minutes * 10) / 10 };
  }
  return { longestWorkout, bestWeek, longestStreakWeeks: longestRun(new Set(perWeek.keys())) };
}
