/** The Progress screen: the week, streaks, minutes per week, the calendar, bests, effort by tempo, exports and every workout. */
import { useEffect, useState } from 'react';
import { useApp } from '../store-context';
import { calendarOf, compareWeeks, localZone, minutesByWeek, personalBests, streaksOf } from '../../core/progress';
import { EmptyState } from '../common/EmptyState';
import { WeekSummary } from './WeekSummary';
import { MinutesChart } from './MinutesChart';
import { ActivityCalendar } from './ActivityCalendar';
import { PersonalBestsView } from './PersonalBestsView';
import { EffortByTempoView } from './EffortByTempoView';
import { ExportPanel } from './ExportPanel';
import { WorkoutLogList } from './WorkoutLogList';
import './progress.css';

/** Shows the user's progress from the workout log (read again on opening, so workouts of other tabs appear). */
export function ProgressScreen() {
  const history = useApp((s) => s.history);
  const loadHistory = useApp((s) => s.loadHistory);
  // "Now" is when the screen opened: the weeks do not shift under the user's eyes.
  const [nowMs] = useState(() => Date.now());
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);
  return (
    <section className="progress" aria-label="Progress">
      <h2>Progress</h2>
      {history.length === 0 ? (
        <EmptyState title="No workouts yet">Finish or stop a workout on the Player and it shows here, with its effort and music.</EmptyState>
      ) : (
        <>
          <WeekSummary weeks={compareWeeks(history, nowMs, localZone)} streaks={streaksOf(history, nowMs, localZone)} />
          <MinutesChart weeks={minutesByWeek(history, nowMs, localZone, 12)} />
          <ActivityCalendar weeks={calendarOf(history, nowMs, localZone, 13)} />
          <PersonalBestsView bests={personalBests(history, localZone)} />
          <EffortByTempoView history={history} />
          <WorkoutLogList history={history} />
        </>
      )}
      <ExportPanel history={history} />
    </section>
  );
}
