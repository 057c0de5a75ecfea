/** One step in the builder: every field (name, kind, duration, intensity, tempo, voice) and its toolbar. */
import type { Step, StepDuration } from '../../core/workout';
import { MAX_NAME_LENGTH, MAX_VOICE_LENGTH, STEP_KINDS } from '../../core/workout-defaults';
import { useApp } from '../store-context';
import { kindLabel } from '../format';
import { NodeControls } from './NodeControls';
import { TempoFields } from './TempoFields';
import { HeartRateFields } from './HeartRateFields';
import { DurationField } from './DurationField';
import { useNodeReorder } from './use-node-reorder';

interface Props {
  step: Step;
  label: string;
  /** What the validator says is wrong with this step; null when nothing. */
  problem: string | null;
  isFirst: boolean;
  isLast: boolean;
}

const EFFORTS = ['1 easy', '2 light', '3 moderate', '4 hard', '5 all out'];

// Switching unit keeps the number where it fits: bars are whole, at most 1000.
const withUnit = (d: StepDuration, unit: StepDuration['unit']): StepDuration =>
  unit === 'bars' ? { unit, value: Math.min(1000, Math.max(1, Math.round(d.value) || 8)) } : { unit, value: d.value };

/** Shows and edits one step. */
export function StepEditor({ step, label, problem, isFirst, isLast }: Props) {
  const update = useApp((s) => s.draftUpdateStep);
  const { itemProps, handleProps, isOver } = useNodeReorder(step.id);
  const patch = (p: Parameters<typeof update>[1]) => update(step.id, p);
  return (
    <li className={`node step kind-${step.kind}${isOver ? ' drop-target' : ''}${problem ? ' invalid' : ''}`} {...itemProps}>
      <fieldset>
        <legend>{label}</legend>
        <NodeControls id={step.id} label={label} isFirst={isFirst} isLast={isLast} handleProps={handleProps} />
        <div className="step-fields">
          <label className="wk-field wide">
            <span>Name</span>
            <input type="text" maxLength={MAX_NAME_LENGTH} value={step.name} onChange={(e) => patch({ name: e.target.value })} />
          </label>
          <label className="wk-field">
            <span>Kind</span>
            <select value={step.kind} onChange={(e) => patch({ kind: e.target.value as Step['kind'] })}>
              {STEP_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
            </select>
          </label>
          <DurationField duration={step.duration} onChange={(duration) => patch({ duration })} />
          <label className="wk-field narrow">
            <span>Unit</span>
            <select value={step.duration.unit} onChange={(e) => patch({ duration: withUnit(step.duration, e.target.value as StepDuration['unit']) })}>
              <option value="seconds">seconds</option>
              <option value="bars">bars</option>
            </select>
          </label>
          <label className="wk-field">
            <span>Intensity</span>
            <select value={step.intensity} onChange={(e) => patch({ intensity: Number(e.target.value) })}>
              {EFFORTS.map((words, i) => <option key={words} value={i + 1}>{words}</option>)}
            </select>
          </label>
        </div>
        <TempoFields tempo={step.tempo} build={step.build} onChange={patch} />
        <HeartRateFields hr={step.hr} onChange={(hr) => patch({ hr })} />
        <label className="wk-field wide">
          <span>Voice</span>
          <input type="text" maxLength={MAX_VOICE_LENGTH} placeholder="Says the step's name" value={step.voice ?? ''}
            onChange={(e) => patch({ voice: e.target.value === '' ? null : e.target.value })} />
        </label>
        {problem && <p className="error node-problem">{problem}</p>}
      </fieldset>
    </li>
  );
}
