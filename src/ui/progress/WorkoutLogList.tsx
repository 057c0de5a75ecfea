/** Every logged workout, newest first: date, name, active time, steps, effort and music; each opens to its steps and tracks. */
import type { WorkoutLogEntry } from '../../core/workout-log';
import { effortLabel } from '../../core/effort';
import { workMusicBpm } from '../../core/effort-tempo';
import { formatClock, heartRateSummaryText, kindLabel } from '../format';
import { formatBpm } from '../../core/bpm-text';
import { EffortPicker } from './EffortPicker';
import { dateTime } from './progress-format';

function Details({ entry }: { entry: WorkoutLogEntry }) {
  const workBpm = workMusicBpm(entry);
  // The heart-rate column only for workouts a strap reported on.
  const hasHr = entry.heartRate !== null;
  return (
    <div className="log-details">
      {entry.steps.length === 0 ? (
        <p className="hint">Logged before Montage kept each step: {entry.stepsCompleted} of {entry.stepsTotal} steps done.</p>
      ) : (
        <table className="log-steps">
          <caption className="visually-hidden">Steps</caption>
          <thead>
            <tr>
              <th scope="col">Step</th><th scope="col">Time</th><th scope="col">Done</th><th scope="col">Music</th>
              {hasHr && <th scope="col">Heart rate</th>}
            </tr>
          </thead>
          <tbody>
            {entry.steps.map((s, k) => (
              <tr key={k} className={`kind-${s.kind}`}>
                <th scope="row">{s.name || kindLabel(s.kind)}</th>
                <td>{formatClock(s.activeSec)}</td>
                <td>{s.skipped ? 'skipped' : s.activeSec > 0 ? 'done' : 'not reached'}</td>
                <td>{s.musicBpm !== null ? `${formatBpm(s.musicBpm)} BPM` : '—'}</td>
                {hasHr && <td data-testid="step-heart-rate">{heartRateSummaryText(s.heartRate)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <strong>Tracks heard:</strong>{' '}
        {entry.tracks.map((t) => `${t.title}${t.seconds !== null ? ` (${formatClock(t.seconds)})` : ''}`).join(', ') || '—'}
      </p>
      {hasHr && <p data-testid="log-heart-rate"><strong>Heart rate:</strong> {heartRateSummaryText(entry.heartRate)}</p>}
      {workBpm !== null && <p className="hint">Work steps ran to {formatBpm(workBpm)} BPM on average.</p>}
      <EffortPicker entryId={entry.id} effort={entry.effort} question={entry.effort === null ? 'How hard was it? Rate it now' : 'Change the effort'} />
    </div>
  );
}

/** Shows the workouts as a list of openable entries. */
export function WorkoutLogList({ history }: { history: readonly WorkoutLogEntry[] }) {
  return (
    <section className="progress-card" aria-labelledby="all-workouts">
      <h3 id="all-workouts">Workouts</h3>
      <ul className="log-list" aria-labelledby="all-workouts">
        {history.map((e) => (
          <li key={e.id} data-entry-id={e.id}>
            <details>
              <summary className="log-row">
                <span className="log-date">{dateTime(e.startedAt)}</span>
                <span className="log-name truncate">{e.workoutName}</span>
                <span className="log-time" data-testid="log-time">{formatClock(e.activeSec)}</span>
                <span className="log-steps-done">{e.stepsCompleted}/{e.stepsTotal} steps{e.completed ? '' : ' · stopped'}</span>
                <span className="log-effort" data-testid="log-effort">effort {effortLabel(e.effort)}</span>
                <span className="log-bpm">{e.avgMusicBpm ? `${formatBpm(e.avgMusicBpm)} BPM` : '—'}</span>
                {e.heartRate && <span className="log-hr" aria-label={`Heart rate ${e.heartRate.avgBpm} average, ${e.heartRate.maxBpm} maximum`}>♥ {e.heartRate.avgBpm}/{e.heartRate.maxBpm}</span>}
              </summary>
              <Details entry={e} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
