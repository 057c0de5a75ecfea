/** A calendar of the last months: a column per week, a row per weekday, each day shaded by the minutes exercised. */
import type { CalendarDay } from '../../core/progress';
import { shortDate } from './progress-format';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function level(minutes: number): number {
  return minutes <= 0 ? 0 : minutes < 15 ? 1 : minutes < 30 ? 2 : minutes < 60 ? 3 : 4;
}

// Every fourth week is named, but not in the last two columns: a date there would run past the calendar's edge.
const isLabelled = (i: number, count: number): boolean => i % 4 === 0 && i < count - 2;

/** Shows `weeks` (Monday first, oldest first) as a table whose cells name the date and the minutes. */
export function ActivityCalendar({ weeks }: { weeks: readonly CalendarDay[][] }) {
  const active = weeks.flat().filter((d) => d.workouts > 0).length;
  return (
    <section className="progress-card" aria-labelledby="calendar">
      <h3 id="calendar">Calendar</h3>
      <div className="calendar-scroll">
        <table className="calendar" aria-label={`Workouts per day over the last ${weeks.length} weeks: ${active} days with a workout`}>
          <thead>
            <tr>
              <td />
              {weeks.map((w, i) => (
                <th key={w[0].date} scope="col" className="calendar-week">{isLabelled(i, weeks.length) ? shortDate(w[0].date) : ''}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day, d) => (
              <tr key={day}>
                <th scope="row" className="calendar-day">{d % 2 === 0 ? day : ''}</th>
                {weeks.map((w) => {
                  const c = w[d];
                  const words = c.isFuture ? `${shortDate(c.date)}: ahead` : `${shortDate(c.date)}: ${c.workouts > 0 ? `${c.minutes} min, ${c.workouts} workout${c.workouts === 1 ? '' : 's'}` : 'no workout'}`;
                  return (
                    <td key={c.date} className={`calendar-cell level-${c.isFuture ? 'future' : level(c.minutes)}`} title={words} data-date={c.date}>
                      <span className="visually-hidden">{words}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">Darker days had more minutes: under 15, under 30, under 60, and an hour or more.</p>
    </section>
  );
}
