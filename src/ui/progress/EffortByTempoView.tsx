/** Effort by music tempo: the user's own evidence, in plain words, with its caution. */
import { effortByTempo, sameWorkoutAtOtherTempos, MIN_PER_GROUP, type EffortByTempo } from '../../core/effort-tempo';
import type { WorkoutLogEntry } from '../../core/workout-log';
import { dayNumber, dayToIso, localZone } from '../../core/progress';
import { formatBpm } from '../../core/bpm-text';
import { plural, shortDate } from './progress-format';

/** Fewer workouts than this on a side: say that a small difference may be chance. */
const FEW_PER_GROUP = 10;

function Verdict({ result }: { result: EffortByTempo }) {
  if (result.status === 'not-enough') {
    return (
      <p data-testid="tempo-verdict">
        Not enough workouts yet to say anything: {plural(result.usable, 'rated workout')} with music in {result.usable === 1 ? 'its' : 'their'} work steps so far.
        Rate {result.needed} more (some to faster music, some to slower) to see a comparison — at least {MIN_PER_GROUP} on each side of your middle tempo.
      </p>
    );
  }
  if (result.status === 'no-spread') {
    return (
      <p data-testid="tempo-verdict">
        Your {result.usable} rated workouts ran to music at almost the same tempo (around {formatBpm(result.medianBpm)} BPM), so there is no faster and slower to compare.
        Rate workouts done to faster or slower music to see the difference (at least {MIN_PER_GROUP} on each side).
      </p>
    );
  }
  const { faster, slower, difference } = result;
  const words = difference === 0 ? 'felt the same' : `felt ${Math.abs(difference)} point${Math.abs(difference) === 1 ? '' : 's'} ${difference < 0 ? 'easier' : 'harder'}`;
  const few = faster.count < FEW_PER_GROUP || slower.count < FEW_PER_GROUP;
  return (
    <>
      <dl className="tempo-groups" data-testid="tempo-groups">
        <dt>Faster music (above {formatBpm(result.medianBpm)} BPM)</dt>
        <dd>average effort {faster.meanEffort} · {plural(faster.count, 'workout')} · music {formatBpm(faster.meanBpm)} BPM on average</dd>
        <dt>Slower music (below {formatBpm(result.medianBpm)} BPM)</dt>
        <dd>average effort {slower.meanEffort} · {plural(slower.count, 'workout')} · music {formatBpm(slower.meanBpm)} BPM on average</dd>
      </dl>
      <p data-testid="tempo-verdict">With faster music your workouts {words} (difference {difference > 0 ? '+' : ''}{difference}).</p>
      <p className="hint">
        {few && `Still few workouts (${faster.count} and ${slower.count}): a difference of a point or so may be chance; about ${Math.max(0, FEW_PER_GROUP - Math.min(faster.count, slower.count))} more on the smaller side would make it firmer. `}
        This compares different workouts: harder ones may simply have had faster music. The same workout at other tempos, below, is a fairer test.
      </p>
    </>
  );
}

/** Shows the median-split comparison and, where a workout was repeated at other tempos, its sessions side by side. */
export function EffortByTempoView({ history }: { history: readonly WorkoutLogEntry[] }) {
  const repeated = sameWorkoutAtOtherTempos(history);
  return (
    <section className="progress-card" aria-labelledby="effort-tempo">
      <h3 id="effort-tempo">Effort by music tempo</h3>
      <p className="hint">
        Does faster music make the work feel easier? Your rated workouts are split at the middle of the music tempo of their work steps.
      </p>
      <Verdict result={effortByTempo(history)} />
      <h4>The same workout at other tempos</h4>
      {repeated.length === 0 ? (
        <p className="hint" data-testid="same-workout">No workout rated twice at different music tempos yet.</p>
      ) : (
        repeated.map((r) => (
          <table key={r.workoutName + r.sessions[0].id} className="same-workout" data-testid="same-workout">
            <caption>{r.workoutName}</caption>
            <thead>
              <tr><th scope="col">Date</th><th scope="col">Work-step music</th><th scope="col">Effort</th></tr>
            </thead>
            <tbody>
              {r.sessions.map((s) => (
                <tr key={s.id}><td>{shortDate(dayToIso(dayNumber(s.startedAt, localZone)))}</td><td>{formatBpm(s.bpm)} BPM</td><td>{s.effort}</td></tr>
              ))}
            </tbody>
          </table>
        ))
      )}
    </section>
  );
}
