import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createAppStore } from '../../../src/state/create-app-store';
import { fakePlayerServices } from './fake-player';
import { makeTrack } from '../storage/make-track';

// Any mix of waiting, pause/resume, skip step, skip track and stop: the log says what the engine made audible.

type Action = { t: 'wait'; sec: number } | { t: 'pause' } | { t: 'skipStep' } | { t: 'skipTrack' };
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0.2, max: 45, noNaN: true }).map((sec) => ({ t: 'wait' as const, sec })) },
  { weight: 1, arbitrary: fc.constant({ t: 'pause' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'skipStep' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'skipTrack' as const }) },
);

describe('workout log against the engine', () => {
  it('lists exactly the tracks heard, in order, for how long, and the time really exercised', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 14 }), fc.constantFrom('template-demo-3030', 'template-tabata'), async (actions, workoutId) => {
        const fake = fakePlayerServices();
        const store = createAppStore(fake.services);
        store.setState({ tracks: [118, 124, 128, 150, 165, 172, 176, 181].map((bpm, i) => makeTrack({ id: `t${i}`, title: `T${i}`, bpm, durationSec: 60 + 25 * i })) });
        await store.getState().startWorkout(workoutId);
        const active = () => ['countdown', 'running', 'paused', 'seeking'].includes(store.getState().player.phase.status);
        for (const a of actions) {
          if (!active()) break;
          // The clock moves in ticks of at most half a second, as the engine's do.
          if (a.t === 'wait') for (let left = a.sec; left > 1e-9 && active(); left -= 0.5) fake.engine.advance(Math.min(0.5, left));
          else if (a.t === 'pause') store.getState().togglePause();
          else if (a.t === 'skipStep') await store.getState().skipStep();
          else await store.getState().skipTrack();
        }
        store.getState().stopWorkout();
        const entry = store.getState().player.lastEntry!;
        const heard = fake.engine.heard().filter((h) => h.seconds >= 0.05);
        const logged = entry.tracks.filter((h) => (h.seconds ?? 0) >= 0.05);
        expect(logged.map((h) => h.trackId)).toEqual(heard.map((h) => h.trackId));
        for (const [i, h] of heard.entries()) expect(Math.abs(logged[i].seconds! - h.seconds)).toBeLessThanOrEqual(0.051 + 0.05 * actions.length);
        const audible = heard.reduce((s, h) => s + h.seconds, 0);
        expect(Math.abs(entry.activeSec - audible)).toBeLessThanOrEqual(0.051 + 0.05 * actions.length);
        expect(store.getState().history[0]).toBe(entry);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });
});
