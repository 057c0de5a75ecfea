/** One workout in the list: name, total time, timeline, and Start / Edit / Duplicate / Delete / Export / Export audio / Share. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store-context';
import type { Workout } from '../../core/workout';
import { WorkoutSummaryBar } from './WorkoutSummaryBar';
import { CopyField } from './CopyField';
import { WorkoutSteps } from './WorkoutSteps';
import { downloadText } from './download-text';

type Panel = { kind: 'none' } | { kind: 'export'; text: string } | { kind: 'share'; link: string; copied: boolean };

/** Shows one workout; `editable` (saved workouts) adds Edit and Delete. */
export function WorkoutCard({ workout, editable }: { workout: Workout; editable: boolean }) {
  const { selectWorkout, goTo, startWorkout, editWorkout, duplicateWorkout, deleteWorkout, exportWorkout, shareLink, openAudioExport } = useApp(useShallow((s) => ({
    selectWorkout: s.selectWorkout, goTo: s.goTo, startWorkout: s.startWorkout, editWorkout: s.editWorkout,
    duplicateWorkout: s.duplicateWorkout, deleteWorkout: s.deleteWorkout, exportWorkout: s.exportWorkout, shareLink: s.shareLink, openAudioExport: s.openAudioExport,
  })));
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [confirming, setConfirming] = useState(false);
  const [showSteps, setShowSteps] = useState(false);
  const name = workout.name;
  const start = () => {
    selectWorkout(workout.id);
    goTo('player');
    void startWorkout(workout.id);
  };
  const doExport = () => {
    const out = exportWorkout(workout.id);
    if (!out) return;
    downloadText(out.fileName, out.json);
    setPanel({ kind: 'export', text: out.text });
  };
  const doShare = async () => {
    const link = shareLink(workout.id, window.location.href);
    if (!link) return;
    const copied = await navigator.clipboard?.writeText(link).then(() => true, () => false) ?? false;
    setPanel({ kind: 'share', link, copied });
  };
  return (
    <li className="workout-card">
      <WorkoutSummaryBar name={name} nodes={workout.nodes} />
      <div className="card-actions">
        <button type="button" className="primary" aria-label={`Start ${name}`} onClick={start}>Start</button>
        <button type="button" aria-expanded={showSteps} aria-label={`Steps of ${name}`} onClick={() => setShowSteps(!showSteps)}>Steps</button>
        {editable && <button type="button" aria-label={`Edit ${name}`} onClick={() => editWorkout(workout.id)}>Edit</button>}
        <button type="button" aria-label={`Duplicate ${name}`} onClick={() => void duplicateWorkout(workout.id)}>Duplicate</button>
        <button type="button" aria-label={`Export ${name}`} onClick={doExport}>Export</button>
        <button type="button" aria-label={`Export audio of ${name}`} onClick={() => openAudioExport({ workoutId: workout.id, workoutName: name })}>Export audio</button>
        <button type="button" aria-label={`Share ${name}`} onClick={() => void doShare()}>Share</button>
        {editable && !confirming && (
          <button type="button" className="danger" aria-label={`Delete ${name}`} onClick={() => setConfirming(true)}>Delete</button>
        )}
        {editable && confirming && (
          <span className="confirm">
            <button type="button" className="danger" aria-label={`Confirm delete ${name}`} onClick={() => void deleteWorkout(workout.id)}>Confirm delete</button>
            <button type="button" aria-label={`Keep ${name}`} onClick={() => setConfirming(false)}>Keep</button>
          </span>
        )}
      </div>
      {showSteps && <WorkoutSteps name={name} nodes={workout.nodes} />}
      {panel.kind === 'export' && (
        <CopyField label={`Workout text of ${name}`} value={panel.text} multiline note="Downloaded as a Montage file. The same workout as text:" />
      )}
      {panel.kind === 'share' && (
        <CopyField label={`Share link for ${name}`} value={panel.link} note={panel.copied ? 'Link copied.' : 'Copy this link:'} />
      )}
    </li>
  );
}
