import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPendingDelete, UNDO_DELETE_MS } from '../../../src/state/pending-delete';
import { makeTrack } from '../storage/make-track';

afterEach(() => vi.useRealTimers());

describe('pending delete', () => {
  it('removes the held track when the undo time is up, not before', async () => {
    vi.useFakeTimers();
    const removed: string[] = [];
    let settled = 0;
    const pending = createPendingDelete(async (id) => void removed.push(id), () => (settled += 1));
    await pending.hold({ track: makeTrack({ id: 'x' }), index: 0 });
    await vi.advanceTimersByTimeAsync(UNDO_DELETE_MS - 1);
    expect(removed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(removed).toEqual(['x']);
    expect(settled).toBe(1);
    expect(pending.held()).toBeNull();
  });

  it('undo cancels the removal for good', async () => {
    vi.useFakeTimers();
    const removed: string[] = [];
    const pending = createPendingDelete(async (id) => void removed.push(id), () => undefined);
    await pending.hold({ track: makeTrack({ id: 'x' }), index: 2 });
    expect(pending.undo()).toMatchObject({ index: 2, track: { id: 'x' } });
    await vi.advanceTimersByTimeAsync(UNDO_DELETE_MS * 2);
    expect(removed).toEqual([]);
    expect(pending.undo()).toBeNull();
  });
});
