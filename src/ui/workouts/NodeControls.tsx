/** The buttons every builder node has: drag handle, move up, move down, duplicate and delete. */
import type { DragEvent } from 'react';
import { useApp } from '../store-context';

interface Props {
  id: string;
  /** "Step 2", "Repeat block 1": used in every button's accessible name. */
  label: string;
  isFirst: boolean;
  isLast: boolean;
  handleProps: { draggable: boolean; onDragStart(e: DragEvent<HTMLElement>): void; onDragEnd(): void };
}

/** Shows the node's toolbar. */
export function NodeControls({ id, label, isFirst, isLast, handleProps }: Props) {
  const move = useApp((s) => s.draftMove);
  const duplicate = useApp((s) => s.draftDuplicate);
  const remove = useApp((s) => s.draftRemove);
  const lower = label.toLowerCase();
  return (
    <div className="node-controls">
      <span className="drag-handle" aria-hidden="true" title="Drag to reorder (or Alt+Arrow keys)" {...handleProps}>⠿</span>
      <button type="button" aria-label={`Move ${lower} up`} title="Move up (Alt+ArrowUp)" disabled={isFirst} onClick={() => move(id, -1)}>↑</button>
      <button type="button" aria-label={`Move ${lower} down`} title="Move down (Alt+ArrowDown)" disabled={isLast} onClick={() => move(id, 1)}>↓</button>
      <button type="button" aria-label={`Duplicate ${lower}`} title="Duplicate" onClick={() => duplicate(id)}>Duplicate</button>
      <button type="button" className="danger" aria-label={`Delete ${lower}`} title="Delete" onClick={() => remove(id)}>✕</button>
    </div>
  );
}
