/** Batched track-record updates: however many tracks change in a frame, the store's array is rebuilt once. */
import type { TrackRecord } from '../core/track';

const nextFrame = (run: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => run()) : setTimeout(run, 16));

/** Collects updated records and applies them to the `tracks` array in one pass per frame (or at once with `now`). */
export function createTrackUpdates(apply: (update: (tracks: TrackRecord[]) => TrackRecord[]) => void) {
  const pending = new Map<string, TrackRecord>();
  let planned = false;
  const flush = () => {
    planned = false;
    if (pending.size === 0) return;
    const updates = new Map(pending);
    pending.clear();
    apply((tracks) => {
      const next = tracks.map((t) => {
        const fresh = updates.get(t.id);
        if (!fresh) return t;
        updates.delete(t.id);
        return fresh;
      });
      // Records not in the array yet are new tracks: appended in the order they arrived.
      return updates.size > 0 ? [...next, ...updates.values()] : next;
    });
  };
  return {
    /** Queues `track` to replace (or join) its record; `now` applies everything queued immediately. */
    put(track: TrackRecord, now = false): void {
      pending.set(track.id, track);
      if (now) flush();
      else if (!planned) {
        planned = true;
        nextFrame(flush);
      }
    },
    /** Returns the queued, not yet applied record of `id`, if any. */
    peek: (id: string): TrackRecord | undefined => pending.get(id),
    /** Forgets a queued record (the track was deleted). */
    drop: (id: string): void => void pending.delete(id),
    /** Applies every queued record now. */
    flush,
  };
}
