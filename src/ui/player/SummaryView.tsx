/** The summary shown when a workout ends: what was really done, as the log keeps it. */
import { useApp } from '../store-context';
import { formatClock, heartRateSummaryText } from '../format';
import { formatBpm } from '../../core/bpm-text';
import { EffortPicker } from '../progress/EffortPicker';

/** Shows the active time, steps done and skipped, the tracks heard and their average tempo, and asks for the effort. */
export function SummaryView() {
  const entry = useApp((s) => s.player.lastEntry);
  const stopWorkout = useApp((s) => s.stopWorkout);
  if (!entry) return null;
  return (
    <section className="summary" aria-label="Workout summary">
      <h2>{entry.completed ? 'Workout done' : 'Workout stopped'}</h2>
      <dl>
        <dt>Workout</dt>
        <dd>{entry.workoutName}</dd>
        <dt>Time</dt>
        <dd data-testid="summary-time">{formatClock(entry.activeSec)}</dd>
        <dt>Steps done</dt>
        <dd data-testid="summary-steps">
          {entry.stepsCompleted} of {entry.stepsTotal}
          {entry.stepsSkipped > 0 && ` (${entry.stepsSkipped} skipped)`}
        </dd>
        <dt>Tracks heard</dt>
        <dd data-testid="summary-tracks">{entry.tracks.map((t) => `${t.title}${t.seconds !== null ? ` (${formatClock(t.seconds)})` : ''}`).join(', ') || '—'}</dd>
        <dt>Average music tempo</dt>
        <dd>{entry.avgMusicBpm ? `${formatBpm(entry.avgMusicBpm)} BPM` : '—'}</dd>
        {entry.heartRate && (
          <>
            <dt>Heart rate</dt>
            <dd data-testid="summary-heart-rate">{heartRateSummaryText(entry.heartRate)}</dd>
          </>
        )}
      </dl>
      <EffortPicker key={entry.id} entryId={entry.id} effort={entry.effort} />
      <p className="hint">Not now? Skip it: you can rate this workout later on the Progress screen.</p>
      <button type="button" className="big primary" onClick={stopWorkout}>
        Back to start
      </button>
    </section>
  );
}
