/** The player tab: pick a workout and start it, the running workout, or the summary at the end. */
import { useApp } from '../store-context';
import { formatClock } from '../format';
import { workoutTotalSeconds } from '../../core/workout-timeline';
import { RunningView } from './RunningView';
import { isActive } from '../../core/player-phase';
import { isPlayable } from '../../core/track';
import { SummaryView } from './SummaryView';
import { PlayerSettingsPanel } from './PlayerSettingsPanel';
import { HistoryList } from './HistoryList';
import { HeartRateConnect } from './HeartRateConnect';
import { CadenceControl } from './CadenceControl';
import { HeartRateSettingsPanel } from './HeartRateSettingsPanel';

/** Shows the player for the current phase. */
export function PlayerScreen() {
  const phase = useApp((s) => s.player.phase);
  if (isActive(phase)) return <RunningView />;
  const status = phase.status;
  if (status === 'finished') return <SummaryView />;
  return <StartView />;
}

function StartView() {
  const workouts = useApp((s) => s.workouts);
  const selectedId = useApp((s) => s.selectedWorkoutId);
  const selectWorkout = useApp((s) => s.selectWorkout);
  const startWorkout = useApp((s) => s.startWorkout);
  const openAudioExport = useApp((s) => s.openAudioExport);
  const status = useApp((s) => s.player.phase.status);
  const error = useApp((s) => (s.player.phase.status === 'error' ? s.player.phase.message : s.player.error));
  const readyTracks = useApp((s) => s.tracks.filter(isPlayable).length);
  const selected = workouts.find((w) => w.id === selectedId);
  return (
    <section className="start" aria-label="Start a workout">
      <h2>Ready when you are</h2>
      <p className="lead">
        {readyTracks > 0
          ? `Every interval change lands on the beat. Music comes from your ${readyTracks} analysed track${readyTracks === 1 ? '' : 's'} (or the workout's playlist), matched to each interval's tempo.`
          : 'Every interval change lands on the beat. No music loaded yet? The built-in demo tracks (128, 150 and 172 BPM) play along.'}
      </p>
      <label className="field">
        <span>Workout</span>
        <select value={selectedId} onChange={(e) => selectWorkout(e.target.value)}>
          {workouts.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({formatClock(workoutTotalSeconds(w))})
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="big primary" disabled={status === 'loading' || !selected} onClick={() => void startWorkout()}>
        {status === 'loading' ? 'Getting the music ready…' : 'Start workout'}
      </button>
      {selected && (
        <button type="button" aria-label={`Export audio of ${selected.name}`} onClick={() => openAudioExport({ workoutId: selected.id, workoutName: selected.name })}>
          Export audio
        </button>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <CadenceControl />
      <HeartRateConnect />
      <PlayerSettingsPanel />
      <HeartRateSettingsPanel />
      <HistoryList />
    </section>
  );
}
