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
  const musicPreviewFor = useApp((s) => s.musicPreviewFor);
  // musicPreviewFor reads the store: recompute when the workout, the library, the playlists or the choice change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const preview = useMemo(() => musicPreviewFor(workoutId), [musicPreviewFor, workoutId, workouts, tracks, playlists, choice]);
  const titles = useMemo(() => new Map((preview?.pool ?? []).map((t) => [t.id, t])), [preview]);

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
      {!preview ? (
        <p className="hint">Choose a workout.</p>
      ) : (
        <>
          {preview.usesDemo && <p className="hint">No analysed tracks in this music choice yet: the built-in demo loops play.</p>}
          {preview.plan.warnings.length > 0 && (
            <ul className="plan-warnings" aria-label="Planner warnings">
              {preview.plan.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          )}
          <MusicPlanChart steps={preview.steps} segments={preview.plan.segments} />
          <ol className="plan-segments" aria-label="Music segments">
            {preview.plan.segments.map((seg, k) => (
              <PlanSegmentRow key={k} index={k} workoutId={workoutId} segment={seg} preview={preview}
                title={titles.get(seg.trackId)?.title ?? seg.trackId} locked={preview.lockedTrackIds[k] !== undefined} canEdit={!preview.usesDemo} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
