/** The workout log: the latest workouts with their time, steps and music tempo. */
import { useEffect } from 'react';
import { useApp } from '../store-context';
import { formatClock } from '../format';
import { formatBpm } from '../../core/bpm-text';

/** Shows the five most recent workouts, if any, and the way to all of them on Progress. */
export function HistoryList() {
  const history = useApp((s) => s.history);
  const loadHistory = useApp((s) => s.loadHistory);
  const goTo = useApp((s) => s.goTo);
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);
  if (history.length === 0) return null;
  return (
    <section className="history" aria-label="Recent workouts">
      <h3>Recent workouts</h3>
      <ul>
        {history.slice(0, 5).map((h) => (
          <li key={h.id}>
            <span className="truncate">{h.workoutName}</span>
            <span>{new Date(h.startedAt).toLocaleDateString()}</span>
            <span>{formatClock(h.activeSec)}</span>
            <span>{h.stepsCompleted}/{h.stepsTotal} steps</span>
            <span>{h.avgMusicBpm ? `${formatBpm(h.avgMusicBpm)} BPM` : '—'}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => goTo('progress')}>
        See all your workouts and rate them
      </button>
    </section>
  );
}
