import { describe, expect, it } from 'vitest';
import { HIDDEN_WAKE_GAP_SEC, LOAD_AHEAD_SEC, VISIBLE_AHEAD_SEC, scheduleAheadFor } from '../../../src/core/schedule-ahead';

describe('schedule ahead', () => {
  it('places a short window on a visible page, with music loaded a load time before it is placed', () => {
    expect(scheduleAheadFor('visible')).toEqual({ placeSec: VISIBLE_AHEAD_SEC, prepareSec: VISIBLE_AHEAD_SEC + LOAD_AHEAD_SEC });
    // The visible window is still longer than the engine's 50 ms tick, a few times over.
    expect(VISIBLE_AHEAD_SEC).toBeGreaterThan(0.05 * 4);
  });

  it('places more than a whole throttled gap on a hidden page, so a late wake-up finds its sounds placed', () => {
    const hidden = scheduleAheadFor('hidden');
    expect(hidden.placeSec).toBeGreaterThan(HIDDEN_WAKE_GAP_SEC);
    // A wake-up up to half a gap late is still covered.
    expect(hidden.placeSec).toBeGreaterThanOrEqual(HIDDEN_WAKE_GAP_SEC * 1.5);
    expect(hidden.prepareSec).toBe(hidden.placeSec + LOAD_AHEAD_SEC);
  });

  it('follows the wake-up gap it is given', () => {
    expect(scheduleAheadFor('hidden', 10).placeSec).toBe(15);
    expect(scheduleAheadFor('visible', 10).placeSec).toBe(VISIBLE_AHEAD_SEC);
  });
});
