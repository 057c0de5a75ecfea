/** Undo and redo shortcuts while the builder is open: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y. */
import { useEffect } from 'react';
import { useAppStore } from '../store-context';

/** Listens for the shortcuts until the builder unmounts; they replace the text fields' own undo so one history rules. */
export function useUndoKeys(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
      if (key !== 'z' && !redo) return;
      e.preventDefault();
      if (redo) store.getState().redoEdit();
      else store.getState().undoEdit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
