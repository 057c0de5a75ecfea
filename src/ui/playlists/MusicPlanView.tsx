/** The music plan of a workout: pick the workout and its music, see which track plays when, swap and pin tracks. */
import { useMemo } from 'react';
import { useApp } from '../store-context';
import { MAX_TEMPO_CHANGE_PCT } from '../../core/music-choice';
import { MusicPlanChart } from './MusicPlanChart';
import { PlanSegmentRow } from './PlanSegmentRow';

/** Shows the planner's choice for the selected workout, its warnings verbatim, and per-segment Swap and Lock. */
export function MusicPlanView() {
  const workouts = useApp((s) => s.workouts);
  const workoutId = useApp((s) => s.selectedWorkoutId);
  const selectWorkout = useApp((s) => s.selectWorkout);
  const playlists = useApp((s) => s.playlists);
  const tracks = useApp((s) => s.tracks);
  const choice = useApp((s) => s.musicChoices[workoutId]);
  const setMusicChoice = useApp((s) => s.setMusicChoice);
  const settings = useApp((s) => s.settings);
  const programOf = useApp((s) => s.programOf);
  const musicOf = useApp((s) => s.musicOf);
  // programOf reads the store: recompute when the workout, the library, the playlists, the choice or the cue settings change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const program = useMemo(() => programOf(workoutId), [programOf, workoutId, workouts, tracks, playlists, choice, settings]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const music = useMemo(() => musicOf(workoutId), [musicOf, workoutId, tracks, playlists, choice]);

  return (
    <div className="music-plan">
      <div className="plan-controls">
        <label className="field"><span>Workout</span>
          <select value={workoutId} onChange={(e) => selectWorkout(e.target.value)} aria-label="Workout">
            {workouts.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
          </select>
        </label>
        <label className="field"><span>Music</span>
          <select value={choice?.playlistId ?? ''} aria-label="Music for this workout"
            onChange={(e) => void setMusicChoice(workoutId, { playlistId: e.target.value || null })}>
            <option value="">Whole library</option>
            {playlists.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="field narrow"><span>Tempo change up to (%)</span>
          <input type="number" min={0} max={MAX_TEMPO_CHANGE_PCT} step={1} value={choice?.maxTempoChangePct ?? 0} aria-label="Largest tempo change in percent"
            onChange={(e) => void setMusicChoice(workoutId, { maxTempoChangePct: Number(e.target.value) || 0 })} />
        </label>
      </div>
      {!program ? (
        <p className="hint">Choose a workout.</p>
      ) : (
        <>
          {program.usesDemo && <p className="hint">No analysed tracks in this music choice yet: the built-in demo loops play.</p>}
          {program.warnings.length > 0 && (
            <ul className="plan-warnings" aria-label="Planner warnings">
              {program.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          )}
          <MusicPlanChart steps={program.steps} segments={program.segments} />
          <ol className="plan-segments" aria-label="Music segments">
            {program.segments.map((seg, k) => (
              <PlanSegmentRow key={k} index={k} workoutId={workoutId} segment={seg} program={program} music={music}
                locked={music.lockedTrackIds?.[k] !== undefined} canEdit={!program.usesDemo} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
