import { describe, expect, it } from 'vitest';
import { calendarOf, compareWeeks, dayNumber, minutesByWeek, personalBests, streaksOf, weekOfDay, type ZoneOffset } from '../../../src/core/progress';
import { sessionLoad, effortLabel, EFFORT_WORDS } from '../../../src/core/effort';
import { DAY_MS, MONDAY_MS, logEntry } from '../../helpers/log-entries';
import type { WorkoutLogEntry } from '../../../src/core/workout-log';

const utc: ZoneOffset = () => 0;
const at = (days: number, id: string, extra: Partial<WorkoutLogEntry> = {}) =>
  logEntry({ id, startedAt: MONDAY_MS + days * DAY_MS, ...extra });

describe('effort and session load', () => {
  it('labels all eleven CR10 points in words and multiplies effort by active minutes', () => {
    expect(EFFORT_WORDS).toHaveLength(11);
    expect(effortLabel(0)).toBe('0 · Rest');
    expect(effortLabel(10)).toBe('10 · Maximal');
    expect(effortLabel(null)).toBe('not rated');
    expect(sessionLoad({ activeSec: 1800, effort: 7 })).toBe(210);
    expect(sessionLoad({ activeSec: 1800, effort: null })).toBeNull();
  });
});

describe('weeks', () => {
  it('start on Monday in local time', () => {
    const monday = dayNumber(MONDAY_MS, utc);
    expect(weekOfDay(monday)).toBe(weekOfDay(monday + 6));
    expect(weekOfDay(monday - 1)).toBe(weekOfDay(monday) - 1);
    // 23:30 on Sunday UTC is already Monday at UTC+1.
    const sundayLate = MONDAY_MS - 10.5 * 3600_000;
    expect(weekOfDay(dayNumber(sundayLate, utc))).toBe(weekOfDay(monday) - 1);
    expect(weekOfDay(dayNumber(sundayLate, () => 60))).toBe(weekOfDay(monday));
  });

  it('compares this week with the last: minutes, workouts, session load of the rated ones', () => {
    const log = [
      at(0, 'a', { activeSec: 1200, effort: 5 }),
      at(2, 'b', { activeSec: 600, effort: null }),
      at(-3, 'c', { activeSec: 900, effort: 8 }),
      at(-10, 'd', { activeSec: 900, effort: 8 }),
    ];
    const { thisWeek, lastWeek } = compareWeeks(log, MONDAY_MS + 3 * DAY_MS, utc);
    expect(thisWeek).toEqual({ minutes: 30, workouts: 2, load: 100, unrated: 1 });
    expect(lastWeek).toEqual({ minutes: 15, workouts: 1, load: 120, unrated: 0 });
  });

  it('counts minutes per week over the last 12 weeks, oldest first, empty weeks as 0', () => {
    const log = [at(0, 'a', { activeSec: 1200 }), at(1, 'b', { activeSec: 600 }), at(-14, 'c', { activeSec: 300 }), at(-100, 'old')];
    const weeks = minutesByWeek(log, MONDAY_MS, utc);
    expect(weeks).toHaveLength(12);
    expect(weeks[11]).toEqual({ weekStart: '2026-03-16', minutes: 30, workouts: 2 });
    expect(weeks[9]).toEqual({ weekStart: '2026-03-02', minutes: 5, workouts: 1 });
    expect(weeks.reduce((s, w) => s + w.workouts, 0)).toBe(3);
  });
});

describe('streaks and bests', () => {
  it('counts weeks and days in a row up to now, still alive while today or this week is empty', () => {
    const log = [at(-14, 'a'), at(-7, 'b'), at(-2, 'c'), at(-1, 'd')];
    // Tuesday of the current week: nothing this week yet, but the two weeks before had workouts.
    expect(streaksOf(log, MONDAY_MS + DAY_MS, utc)).toEqual({ weeks: 2, days: 0, longestWeeks: 2, longestDays: 2 });
    expect(streaksOf(log, MONDAY_MS, utc)).toMatchObject({ weeks: 2, days: 2 });
    expect(streaksOf([...log, at(0, 'e')], MONDAY_MS, utc)).toMatchObject({ weeks: 3, days: 3, longestWeeks: 3, longestDays: 3 });
    expect(streaksOf([], MONDAY_MS, utc)).toEqual({ weeks: 0, days: 0, longestWeeks: 0, longestDays: 0 });
    // A gap of a whole week breaks the streak.
    expect(streaksOf([at(-21, 'x'), at(0, 'y')], MONDAY_MS, utc)).toMatchObject({ weeks: 1, longestWeeks: 1 });
  });

  it('finds the longest workout, the best week and the longest streak', () => {
    const log = [at(0, 'a', { activeSec: 600 }), at(-7, 'b', { activeSec: 1500 }), at(-6, 'c', { activeSec: 900 }), at(-28, 'd', { activeSec: 60 })];
    const bests = personalBests(log, utc);
    expect(bests.longestWorkout?.id).toBe('b');
    expect(bests.bestWeek).toEqual({ weekStart: '2026-03-09', minutes: 40 });
    expect(bests.longestStreakWeeks).toBe(2);
    expect(personalBests([], utc)).toEqual({ longestWorkout: null, bestWeek: null, longestStreakWeeks: 0 });
  });

  it('lays out a calendar of weeks, Monday first, with minutes per day and the rest of this week ahead', () => {
    const cal = calendarOf([at(0, 'a', { activeSec: 600 }), at(0, 'b', { activeSec: 300 }), at(-8, 'c')], MONDAY_MS + 2 * DAY_MS, utc);
    expect(cal).toHaveLength(13);
    expect(cal.every((row) => row.length === 7)).toBe(true);
    const last = cal[12];
    expect(last[0]).toEqual({ date: '2026-03-16', minutes: 15, workouts: 2, isFuture: false });
    expect(last[3].isFuture).toBe(true);
    expect(cal[11][6]).toMatchObject({ date: '2026-03-15', workouts: 0 });
    expect(cal[11][0]).toMatchObject({ date: '2026-03-09', workouts: 0 });
    expect(cal[11][6].isFuture).toBe(false);
    expect(cal.flat().find((d) => d.date === '2026-03-08')).toMatchObject({ minutes: 10, workouts: 1 });
  });
});
