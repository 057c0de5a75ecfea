import { describe, it, expect } from 'vitest';
import { fitTempo, fitsTempo } from '../../../src/core/tempo-fit';
import { poolTrack } from '../../helpers/tracks';
import { planMusic } from '../../../src/core/music-plan';
import type { TimelineStep } from '../../../src/core/workout';

const target = { minBpm: 170, maxBpm: 180, allowHalfDouble: false };

describe('tempo fit tolerance', () => {
  it('counts analysed tempi within half a percent of the range as fitting, unchanged', () => {
    expect(fitsTempo(169.96, target)).toBe(true);
    expect(fitTempo(169.96, target, 10)).toEqual({ playbackRate: 1, octave: 1, missPct: 0 });
    expect(fitsTempo(180.5, target)).toBe(true);
    expect(fitsTempo(168, target)).toBe(false);
    expect(fitTempo(168, target, 10).playbackRate).toBeGreaterThan(1);
  });

  it('plans such a track for the step without a warning or a tempo change', () => {
    const step: TimelineStep = {
      index: 0, startSec: 0, durationSec: 60, repeatLabels: [],
      step: { type: 'step', id: 's', kind: 'work', name: 'Hard', duration: { unit: 'seconds', value: 60 }, intensity: 4, tempo: target, build: null, hr: null, voice: null },
    };
    const track = poolTrack({ id: 't', durationSec: 300, bpm: 169.96 });
    const plan = planMusic([step], [track], { maxTempoChangePct: 0 });
    expect(plan.warnings).toEqual([]);
    expect(plan.segments[0].playbackRate).toBe(1);
  });
});
