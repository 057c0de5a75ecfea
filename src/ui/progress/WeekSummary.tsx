/** This week against last week (minutes, workouts, session load) and the streaks. */
import type { WeekComparison, Streaks, Totals } from '../../core/progress';
import { minutesText, plural } from './progress-format';

function change(now: number, before: number, unit: string): string {
  const d = Math.round(now - before);
  return d === 0 ? 'same as last week' : `${d > 0 ? '+' : '−'}${Math.abs(d)} ${unit} on last week`;
}

function loadText(t: Totals): string {
  return t.unrated > 0 ? `${t.load} (${plural(t.unrated, 'workout')} not rated)` : String(t.load);
}

/** Shows the week's totals with the change from last week, and the streaks in weeks and days. */
export function WeekSummary({ weeks, streaks }: { weeks: WeekComparison; streaks: Streaks }) {
  const { thisWeek, lastWeek } = weeks;
  return (
    <section className="progress-card" aria-labelledby="this-week">
      <h3 id="this-week">This week</h3>
      <dl className="stat-grid" data-testid="this-week">
        <div>
          <dt>Minutes</dt>
          <dd data-testid="week-minutes">{minutesText(thisWeek.minutes)}</dd>
          <dd className="stat-change">{change(thisWeek.minutes, lastWeek.minutes, 'min')}</dd>
        </div>
        <div>
          <dt>Workouts</dt>
          <dd data-testid="week-workouts">{thisWeek.workouts}</dd>
          <dd className="stat-change">{change(thisWeek.workouts, lastWeek.workouts, thisWeek.workouts - lastWeek.workouts === 1 || thisWeek.workouts - lastWeek.workouts === -1 ? 'workout' : 'workouts')}</dd>
        </div>
        <div>
          <dt>Session load</dt>
          <dd data-testid="week-load">{loadText(thisWeek)}</dd>
          <dd className="stat-change">last week {loadText(lastWeek)}</dd>
        </div>
      </dl>
      <p className="hint">Session load is effort (0–10) × minutes, summed over the rated workouts. Last week: {minutesText(lastWeek.minutes)}, {plural(lastWeek.workouts, 'workout')}.</p>
      <h3 id="streak">Streak</h3>
      <p data-testid="streak">
        {plural(streaks.weeks, 'week')} in a row with a workout · {plural(streaks.days, 'day')} in a row
      </p>
    </section>
  );
}
