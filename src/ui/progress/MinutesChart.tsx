/** Minutes exercised per week, as bars (hand-written SVG), with the same numbers as a table for screen readers and keyboards. */
import type { WeekMinutes } from '../../core/progress';
import { shortDate } from './progress-format';

const W = 360;
const H = 170;
const PAD_L = 30;
const PAD_B = 22;
const PAD_T = 14;

// A week's date under its bar; the last (this week) ends at the chart's edge, so it is never cut off there.
function DateLabel({ x, isLast, weekStart }: { x: number; isLast: boolean; weekStart: string }) {
  return <text className="axis" x={isLast ? W : x} y={H - 6} textAnchor={isLast ? 'end' : 'middle'}>{shortDate(weekStart)}</text>;
}

/** Draws the weeks oldest to newest; every third week is labelled so labels stay readable at 360 px. */
export function MinutesChart({ weeks }: { weeks: readonly WeekMinutes[] }) {
  const max = Math.max(10, ...weeks.map((w) => w.minutes));
  const top = Math.ceil(max / 10) * 10;
  const slot = (W - PAD_L) / weeks.length;
  const y = (m: number) => PAD_T + (1 - m / top) * (H - PAD_B - PAD_T);
  const total = weeks.reduce((s, w) => s + w.minutes, 0);
  const last = weeks[weeks.length - 1];
  const label = `Bar chart of minutes exercised per week over the last ${weeks.length} weeks: ${total} minutes in all, ${last?.minutes ?? 0} this week, at most ${Math.max(0, ...weeks.map((w) => w.minutes))} in a week.`;
  return (
    <section className="progress-card" aria-labelledby="minutes-chart">
      <h3 id="minutes-chart">Minutes per week</h3>
      <svg className="minutes-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="minutes-chart">
        {[0, top / 2, top].map((t) => (
          <g key={t}>
            <line className="grid" x1={PAD_L} x2={W} y1={y(t)} y2={y(t)} />
            <text className="axis" x={PAD_L - 4} y={y(t) + 4} textAnchor="end">{t}</text>
          </g>
        ))}
        {weeks.map((w, i) => (
          <g key={w.weekStart}>
            <rect className={i === weeks.length - 1 ? 'bar current' : 'bar'} x={PAD_L + i * slot + slot * 0.15} width={slot * 0.7}
              y={y(w.minutes)} height={Math.max(0, H - PAD_B - y(w.minutes))} data-minutes={w.minutes}>
              <title>{`Week of ${shortDate(w.weekStart)}: ${w.minutes} min`}</title>
            </rect>
            {w.minutes > 0 && <text className="bar-value" x={PAD_L + (i + 0.5) * slot} y={y(w.minutes) - 3} textAnchor="middle">{w.minutes}</text>}
            {(weeks.length - 1 - i) % 3 === 0 && <DateLabel x={PAD_L + (i + 0.5) * slot} isLast={i === weeks.length - 1} weekStart={w.weekStart} />}
          </g>
        ))}
      </svg>
      <details className="chart-table">
        <summary>Minutes per week as a table</summary>
        <table>
          <caption className="visually-hidden">Minutes exercised per week</caption>
          <thead>
            <tr><th scope="col">Week of</th><th scope="col">Minutes</th><th scope="col">Workouts</th></tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weekStart}><th scope="row">{shortDate(w.weekStart)}</th><td>{w.minutes}</td><td>{w.workouts}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
