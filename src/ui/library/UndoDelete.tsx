/** "Deleted “Title”. Undo" — offered for a while after a track is deleted; the track leaves storage after it. */
import { useApp } from '../store-context';

/** Shows the undo for the track just deleted, or nothing. */
export function UndoDelete() {
  const deleted = useApp((s) => s.deletedTrack);
  const undo = useApp((s) => s.undoDelete);
  const finish = useApp((s) => s.finishDelete);
  if (!deleted) return null;
  const name = deleted.track.title || deleted.track.fileName;
  return (
    <div className="undo-delete" role="status">
      <span>Deleted “{name}”.</span>
      <button type="button" className="primary" onClick={undo}>Undo</button>
      <button type="button" aria-label={`Dismiss: deleted ${name}`} onClick={() => void finish()}>×</button>
    </div>
  );
}
