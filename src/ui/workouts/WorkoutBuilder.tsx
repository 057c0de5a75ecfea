/** The workout builder: name, live timeline and total, the node editors, undo/redo, inline validation, Save and Cancel. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store-context';
import { validateDraft } from '../../state/workout-draft';
import { MAX_NAME_LENGTH } from '../../core/workout-defaults';
import { WorkoutSummaryBar } from './WorkoutSummaryBar';
import { NodeList } from './NodeList';
import { nodeLabels } from './node-labels';
import { useUndoKeys } from './use-undo-keys';

/** Edits the open draft (render it only while one is open). */
export function WorkoutBuilder() {
  const draft = useApp((s) => s.draft);
  const a = useApp(useShallow((s) => ({
    rename: s.draftRename, addStep: s.draftAddStep, addRepeat: s.draftAddRepeat, undo: s.undoEdit, redo: s.redoEdit,
    save: s.saveDraft, cancel: s.cancelDraft,
  })));
  useUndoKeys();
  const present = draft?.present;
  const problem = useMemo(() => (present ? validateDraft(present) : null), [present]);
  const labels = useMemo(() => nodeLabels(present?.nodes ?? []), [present]);
  if (!draft || !present) return null;
  return (
    <section aria-label="Workout builder" className="builder">
      <h2>{draft.isNew ? 'New workout' : 'Edit workout'}</h2>
      <label className="wk-field wide">
        <span>Workout name</span>
        <input type="text" maxLength={MAX_NAME_LENGTH} value={present.name} onChange={(e) => a.rename(e.target.value)} />
      </label>
      <WorkoutSummaryBar name={null} nodes={present.nodes} />
      <div className="builder-tools">
        <button type="button" onClick={a.undo} disabled={draft.past.length === 0} title="Ctrl+Z">Undo</button>
        <button type="button" onClick={a.redo} disabled={draft.future.length === 0} title="Ctrl+Shift+Z or Ctrl+Y">Redo</button>
      </div>
      {present.nodes.length === 0
        ? <p className="hint">No steps yet: add a step or a repeat block.</p>
        : <NodeList nodes={present.nodes} labels={labels} problem={problem} />}
      <div className="builder-tools">
        <button type="button" onClick={a.addStep}>Add step</button>
        <button type="button" onClick={a.addRepeat}>Add repeat block</button>
      </div>
      <p className="error" id="builder-problem" aria-live="polite" data-testid="builder-problem">
        {problem?.message ?? draft.saveError ?? ''}
      </p>
      <div className="builder-actions">
        <button type="button" className="primary" disabled={problem !== null} aria-describedby="builder-problem" onClick={() => void a.save()}>Save</button>
        <button type="button" onClick={a.cancel}>Cancel</button>
      </div>
    </section>
  );
}
