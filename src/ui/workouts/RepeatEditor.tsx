/** A repeat block in the builder: how many times it plays, its steps (passed in as children) and its toolbar. */
import type { ReactNode } from 'react';
import type { RepeatBlock } from '../../core/workout';
import { useApp } from '../store-context';
import { NodeControls } from './NodeControls';
import { useNodeReorder } from './use-node-reorder';

interface Props {
  repeat: RepeatBlock;
  label: string;
  problem: string | null;
  isFirst: boolean;
  isLast: boolean;
  /** The block's own node list. */
  children: ReactNode;
}

/** Most times the builder offers (imported and stored workouts allow up to MAX_REPEAT_TIMES). */
const MAX_TIMES = 100;

/** Shows and edits one repeat block. */
export function RepeatEditor({ repeat, label, problem, isFirst, isLast, children }: Props) {
  const updateRepeat = useApp((s) => s.draftUpdateRepeat);
  const addToRepeat = useApp((s) => s.draftAddToRepeat);
  const addRepeatToRepeat = useApp((s) => s.draftAddRepeatToRepeat);
  const { itemProps, handleProps, isOver } = useNodeReorder(repeat.id);
  return (
    <li className={`node repeat${isOver ? ' drop-target' : ''}${problem ? ' invalid' : ''}`} {...itemProps}>
      <fieldset>
        <legend>{label}</legend>
        <NodeControls id={repeat.id} label={label} isFirst={isFirst} isLast={isLast} handleProps={handleProps} />
        <label className="wk-field narrow">
          <span>Times</span>
          <input type="number" min={1} max={MAX_TIMES} step={1} value={repeat.times}
            onChange={(e) => { if (e.target.value !== '') updateRepeat(repeat.id, Math.min(MAX_TIMES, e.target.valueAsNumber)); }} />
        </label>
        {repeat.children.length === 0 ? <p className="hint">No steps in this block yet.</p> : children}
        <button type="button" aria-label={`Add step to ${label.toLowerCase()}`} onClick={() => addToRepeat(repeat.id)}>+ Step in block</button>
        <button type="button" aria-label={`Add repeat block to ${label.toLowerCase()}`} onClick={() => addRepeatToRepeat(repeat.id)}>+ Block in block</button>
        {problem && <p className="error node-problem">{problem}</p>}
      </fieldset>
    </li>
  );
}
