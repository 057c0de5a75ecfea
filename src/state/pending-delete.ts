/**
 * A deleted track can be brought back for a while: the track leaves the screen at once, but its record and audio
 * are removed from storage only when the undo time is up, another track is deleted, or `flush` is called. If the
 * page closes first, the track is still stored — a delete may be lost, never a track.
 */
import type { TrackRecord } from '../core/track';

/** How long "Undo" is offered after a delete, ms. */
export const UNDO_DELETE_MS = 10_000;

/** A track deleted on screen, not yet in storage, and where it was in the list. */
export interface DeletedTrack {
  track: TrackRecord;
  index: number;
}

/** Creates the holder; `remove` deletes from storage, `settled` is told when the held track is gone or back. */
export function createPendingDelete(remove: (id: string) => Promise<void>, settled: () => void, waitMs = UNDO_DELETE_MS) {
  let held: DeletedTrack | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const flush = async (): Promise<void> => {
    clear();
    const gone = held;
    held = null;
    if (!gone) return;
    try {
      await remove(gone.track.id);
    } finally {
      settled();
    }
  };
  return {
    /** The track held for undo, or null. */
    held: (): DeletedTrack | null => held,
    /** Holds `deleted` for undo; the one held before is removed from storage now. */
    async hold(deleted: DeletedTrack): Promise<void> {
      const before = flush();
      held = deleted;
      timer = setTimeout(() => void flush().catch(() => undefined), waitMs);
      await before;
    },
    /** Keeps the newest record of the held track (an analysis that finished meanwhile); false when `track` is not held. */
    refresh(track: TrackRecord): boolean {
      if (held?.track.id !== track.id) return false;
      held = { ...held, track };
      return true;
    },
    /** Gives the held track back (null when none), and nothing is removed. */
    undo(): DeletedTrack | null {
      clear();
      const back = held;
      held = null;
      return back;
    },
    /** Removes the held track from storage now. */
    flush,
  };
}
