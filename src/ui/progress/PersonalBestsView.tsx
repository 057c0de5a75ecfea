/** Personal bests: the longest workout, the week with the most minutes, the longest streak of weeks. */
import type { PersonalBests } from '../../core/progress';
import { formatClock } from '../format';
import { dateTime, minutesText, plural, shortDate } from './progress-format';

/** Shows the bests, or a dash where the log has none yet. */
export function PersonalBestsView({ bests }: { bests: PersonalBests }) {
  return (
    <section className="progress-card" aria-labelledby="bests">
      <h3 id="bests">Personal bests</h3>
      <dl className="bests">
        <dt>Longest workout</dt>
        <dd data-testid="best-workout">
          {bests.longestWorkout ? `${formatClock(bests.longestWorkout.activeSec)} · ${bests.longestWorkout.workoutName}, ${dateTime(bests.longestWorkout.startedAt)}` : '—'}
        </dd>
        <dt>Most minutes in a week</dt>
        <dd>{bests.bestWeek ? `${minutesText(bests.bestWeek.minutes)} · week of ${shortDate(bests.bestWeek.weekStart)}` : '—'}</dd>
        <dt>Longest streak</dt>
        <dd>{bests.longestStreakWeeks > 0 ? `${plural(bests.longestStreakWeeks, 'week')} in a row` : '—'}</dd>
      </dl>
    </section>
  );
}
