/** The summary shown when a workout ends. */
import { useApp } from '../store-context';
import { formatClock } from '../format';

/** Shows time, steps done, tracks played and average music BPM. */
export function SummaryView() {
  const summary = useApp((s) => s.player.summary);
  const stopWorkout = useApp((s) => s.stopWorkout);
  if (!summary) return null;
  return (
    <section className="summary" aria-label="Workout summary">
      <h2>Workout done</h2>
      <dl>
        <dt>Workout</dt>
        <dd>{summary.workoutName}</dd>
        <dt>Time</dt>
        <dd data-testid="summary-time">{formatClock(summary.durationSec)}</dd>
        <dt>Steps done</dt>
        <dd>
          {summary.stepsDone} of {summary.stepsTotal}
        </dd>
        <dt>Tracks played</dt>
        <dd>{summary.tracksPlayed.join(', ') || '—'}</dd>
        <dt>Average music tempo</dt>
        <dd>{summary.avgMusicBpm ? `${summary.avgMusicBpm} BPM` : '—'}</dd>
      </dl>
      <button type="button" className="big primary" onClick={stopWorkout}>
        Back to start
      </button>
    </section>
  );
}
