import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import { parseWorkoutText } from '../../../src/core/workout-text';
import { isDownbeat } from '../../../src/core/beat-grid';
import { gridAt } from '../../../src/core/cue-plan';
import type { HeartRateTarget } from '../../../src/core/heart-rate';
import type { WorkoutNode } from '../../../src/core/workout';
import { VOICE_LEAD_SEC } from '../../../src/state/player-slice';
import { fakePlayerServices } from './fake-player';

// A workout whose steps carry heart-rate targets (until the workout model has `Step.hr`, set on the step objects).
function withTargets(text: string, targets: (HeartRateTarget | null)[]) {
  const parsed = parseWorkoutText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const nodes = parsed.nodes.map((n, i) => ({ ...n, hr: targets[i] ?? null })) as WorkoutNode[];
  return { id: 'hr-workout', name: 'Zones', nodes, updatedAt: 0 };
}

async function running(targets: (HeartRateTarget | null)[] = [null, null]) {
  const fake = fakePlayerServices();
  const store = createAppStore(fake.services);
  store.setState((s) => ({ workouts: [...s.workouts, withTargets('2m warmup; 3m tempo 150bpm', targets)] }));
  await store.getState().connectHeartRate('strap');
  await store.getState().startWorkout('hr-workout');
  const program = () => store.getState().player.program!;
  // Into the first step: the count-in and the start delay done.
  fake.engine.advance(0.15 + program().leadInSec + 0.01);
  return { ...fake, store, program, pos: () => store.getState().positionNow()! };
}

describe('heart-rate slice', () => {
  it('connects a sensor, shows its rate and status, and lets it go', async () => {
    const { services, strap, simulated } = fakePlayerServices();
    const store = createAppStore(services);
    await store.getState().connectHeartRate('simulated');
    expect(store.getState().heartRate).toMatchObject({ status: 'connected', source: 'simulated', name: 'Simulated heart rate', bpm: null });
    simulated.send(123);
    expect(store.getState().heartRate.bpm).toBe(123);
    // Choosing the strap lets the simulated sensor go first.
    await store.getState().connectHeartRate('strap');
    expect(simulated.calls).toEqual(['connect', 'disconnect']);
    simulated.send(99);
    expect(store.getState().heartRate).toMatchObject({ source: 'strap', bpm: null });
    strap.status('reconnecting', 'Lost Fake strap: reconnecting…');
    expect(store.getState().heartRate).toMatchObject({ status: 'reconnecting', message: 'Lost Fake strap: reconnecting…', bpm: null });
    store.getState().disconnectHeartRate();
    expect(store.getState().heartRate).toMatchObject({ status: 'idle', source: null, bpm: null });
    expect(strap.calls).toEqual(['connect', 'disconnect']);
  });

  it('logs the average and maximum per step and per workout, from readings while the workout runs only', async () => {
    const { store, engine, strap, program } = await running();
    for (let t = 0; t < 20; t += 1) {
      strap.send(t < 10 ? 100 : 120);
      engine.advance(1);
    }
    // Pause: readings in the pause are not logged.
    store.getState().togglePause();
    for (let t = 0; t < 5; t += 1) strap.send(190);
    store.getState().togglePause();
    engine.advance(0.05);
    // No skin contact: shown, not logged.
    strap.send(250, 'not-detected');
    await store.getState().skipStep();
    engine.advance(0.05 + 0.5);
    for (let t = 0; t < 10; t += 1) {
      strap.send(160);
      engine.advance(1);
    }
    store.getState().stopWorkout();
    const entry = store.getState().player.lastEntry!;
    expect(entry.steps[0].heartRate).toEqual({ avgBpm: Math.round((9 * 100 + 10 * 120) / 19), maxBpm: 120, samples: 20 });
    expect(entry.steps[1].heartRate).toEqual({ avgBpm: 160, maxBpm: 160, samples: 10 });
    expect(entry.heartRate).toMatchObject({ maxBpm: 160, samples: 30 });
    expect(program().steps).toHaveLength(2);
  });

  it('logs no heart rate when no reading came', async () => {
    const { store, engine } = await running();
    engine.advance(5);
    store.getState().stopWorkout();
    expect(store.getState().player.lastEntry?.heartRate).toBeNull();
  });

  it('says "Ease off." on a downbeat once the rate has stayed above the step\'s zone, then not again within the interval', async () => {
    const { store, engine, strap, said, program, pos } = await running([{ type: 'range', min: 120, max: 140 }, null]);
    const spokenAt: { text: string; pos: number }[] = [];
    for (let t = 0; t < 100; t += 1) {
      strap.send(t < 20 ? 130 : 160);
      // Ticks at 20 Hz, as the engine does.
      for (let i = 0; i < 20; i += 1) {
        const before = said.length;
        engine.advance(0.05);
        if (said.length > before) spokenAt.push({ text: said[said.length - 1], pos: pos() });
      }
    }
    const nudges = spokenAt.filter((s) => s.text === 'Ease off.');
    // Above the zone from 20 s; settled by 30 s (also the step's grace time): said on the next downbeat, then at most once a minute.
    expect(nudges).toHaveLength(2);
    const first = store.getState().heartRate.nudge!;
    expect(first.kind).toBe('ease-off');
    expect(nudges[1].pos - nudges[0].pos).toBeGreaterThanOrEqual(60 - 0.1);
    expect(isDownbeat(gridAt(program(), first.atSec)!, first.atSec)).toBe(true);
    expect(first.atSec - nudges[1].pos).toBeLessThanOrEqual(VOICE_LEAD_SEC + 1e-6);
    expect(nudges[0].pos).toBeGreaterThanOrEqual(30 - VOICE_LEAD_SEC);
    expect(nudges[0].pos).toBeLessThan(30 + 4);
  });

  it('says nothing with nudges or the voice turned off, or where the step has no zone', async () => {
    for (const setup of ['nudges off', 'voice off', 'no zone'] as const) {
      const { store, engine, strap, said } = await running(setup === 'no zone' ? [null, null] : [{ type: 'range', min: 120, max: 140 }, null]);
      const s = store.getState().settings;
      if (setup === 'nudges off') store.getState().changeSettings({ heartRate: { ...s.heartRate, nudges: false } });
      if (setup === 'voice off') store.getState().changeSettings({ voice: false });
      for (let t = 0; t < 60; t += 1) {
        strap.send(180);
        engine.advance(1);
      }
      expect(said.filter((w) => w === 'Ease off.' || w === 'Pick it up.')).toEqual([]);
    }
  });

  it('asks to pick it up below a zone target worked out from the maximum heart rate', async () => {
    const { store, engine, strap, said } = await running([{ type: 'zone', zone: 4 }, null]);
    const s = store.getState().settings;
    store.getState().changeSettings({ heartRate: { ...s.heartRate, zones: { maxHr: 200, thresholdHr: null, basis: 'max' } } });
    for (let t = 0; t < 40; t += 1) {
      strap.send(130);
      for (let i = 0; i < 10; i += 1) engine.advance(0.1);
    }
    expect(said).toContain('Pick it up.');
  });
});
