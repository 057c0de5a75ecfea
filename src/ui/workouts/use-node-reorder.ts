/** Reordering a builder node by keyboard (Alt+ArrowUp / Alt+ArrowDown while it has focus) and by HTML5 drag and drop. */
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { useApp } from '../store-context';

// The node being dragged. Kept here rather than only in dataTransfer, whose data dragover may not read.
let draggedId: string | null = null;

/** Returns the props of a node's list item (key handling, drop target) and of its drag handle, and whether a drag hovers it. */
export function useNodeReorder(id: string) {
  const move = useApp((s) => s.draftMove);
  const moveTo = useApp((s) => s.draftMoveTo);
  const [isOver, setOver] = useState(false);
  const itemProps = {
    onKeyDown(e: KeyboardEvent<HTMLElement>) {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      e.stopPropagation();
      const focused = document.activeElement as HTMLElement | null;
      move(id, e.key === 'ArrowUp' ? -1 : 1);
      // React may re-insert the moved element, which drops focus: give it back.
      requestAnimationFrame(() => {
        if (focused && focused.isConnected && document.activeElement !== focused) focused.focus();
      });
    },
    onDragOver(e: DragEvent<HTMLElement>) {
      if (draggedId === null) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop(e: DragEvent<HTMLElement>) {
      const dragged = draggedId;
      setOver(false);
      if (!dragged) return;
      e.preventDefault();
      e.stopPropagation();
      if (dragged !== id) moveTo(dragged, id);
    },
  };
  const handleProps = {
    draggable: true,
    onDragStart(e: DragEvent<HTMLElement>) {
      e.stopPropagation();
      draggedId = id;
      e.dataTransfer.setData('text/plain', id);
      e.dataTransfer.effectAllowed = 'move';
      const item = e.currentTarget.closest('li');
      if (item) e.dataTransfer.setDragImage(item, 16, 16);
    },
    onDragEnd: () => {
      draggedId = null;
    },
  };
  return { itemProps, handleProps, isOver };
}
