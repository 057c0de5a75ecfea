import { describe, expect, it } from 'vitest';
import { nudgeDue, planNudge, trackZone, type ZoneTrack } from '../../../src/core/heart-rate-nudge';
import { steadyGrid } from '../../../src/core/beat-grid';

// A step that started at 100 s on the workout clock; readings once a second.
const follow = (statuses: ('below' | 'in' | 'above' | null)[], fromSec = 100): ZoneTrack | null =>
  statuses.reduce<ZoneTrack | null>((t, s, i) => trackZone(t, 3, 100, s, fromSec + i), null);

describe('trackZone', () => {
  it('keeps the time a status began while it holds, and starts again on a change or a new step', () => {
    const t = follow(['above', 'above', 'above']);
    expect(t).toEqual({ stepIndex: 3, stepStartSec: 100, status: 'above', sinceSec: 100 });
    expect(trackZone(t, 3, 100, 'in', 103)).toMatchObject({ status: 'in', sinceSec: 103 });
    expect(trackZone(t, 4, 103, 'above', 103)).toMatchObject({ stepIndex: 4, stepStartSec: 103, sinceSec: 103 });
  });
});

describe('nudgeDue', () => {
  const options = { intervalSec: 60 };
  const above = { stepIndex: 3, stepStartSec: 100, status: 'above' as const, sinceSec: 140 };

  it('asks to ease off above the zone and to pick it up below, once the status held for the settle time', () => {
    expect(nudgeDue(above, 149, null, options)).toBeNull();
    expect(nudgeDue(above, 150, null, options)).toBe('ease-off');
    expect(nudgeDue({ ...above, status: 'below' }, 150, null, options)).toBe('pick-it-up');
  });

  it('says nothing in the zone, without a reading or a zone, or early in a step', () => {
    expect(nudgeDue({ ...above, status: 'in' }, 200, null, options)).toBeNull();
    expect(nudgeDue({ ...above, status: null }, 200, null, options)).toBeNull();
    expect(nudgeDue(null, 200, null, options)).toBeNull();
    // Out of the zone from the step's first second: the heart lags the effort, so not before 30 s into the step.
    const early = { ...above, sinceSec: 100 };
    expect(nudgeDue(early, 129, null, options)).toBeNull();
    expect(nudgeDue(early, 130, null, options)).toBe('ease-off');
  });

  it('never nudges sooner than the interval after the last nudge', () => {
    expect(nudgeDue(above, 160, 110, options)).toBeNull();
    expect(nudgeDue(above, 170, 110, options)).toBe('ease-off');
    expect(nudgeDue(above, 170, 110, { intervalSec: 90 })).toBeNull();
  });

  it('a status that flickers back into the zone starts the settle time again', () => {
    const t = follow(['above', 'above', 'above', 'above', 'above', 'in', 'above', 'above'], 130);
    expect(t?.sinceSec).toBe(136);
    expect(nudgeDue(t, 145, null, options)).toBeNull();
    expect(nudgeDue(t, 146, null, options)).toBe('ease-off');
  });
});

describe('planNudge', () => {
  const track = { stepIndex: 3, stepStartSec: 100, status: 'above' as const, sinceSec: 130 };
  // 120 BPM in 4/4 with a downbeat at 0: a bar every 2 s, downbeats on even seconds.
  const grid = steadyGrid(120, 0, 0, 4);

  it('places the nudge on the next downbeat of the music, with its words', () => {
    expect(planNudge(track, 150.3, null, grid, 300, { intervalSec: 60 })).toEqual({ kind: 'ease-off', atSec: 152, text: 'Ease off.' });
    expect(planNudge(track, 152, null, grid, 300, { intervalSec: 60 })?.atSec).toBe(152);
  });

  it('says it at once without music, and not at all when a step change comes first', () => {
    expect(planNudge(track, 150.3, null, null, 300, { intervalSec: 60 })?.atSec).toBe(150.3);
    expect(planNudge(track, 150.3, null, grid, 154.5, { intervalSec: 60 })).toBeNull();
    expect(planNudge(track, 150.3, null, grid, 155, { intervalSec: 60 })?.atSec).toBe(152);
    expect(planNudge({ ...track, status: 'in' }, 150.3, null, grid, 300, { intervalSec: 60 })).toBeNull();
  });
});
