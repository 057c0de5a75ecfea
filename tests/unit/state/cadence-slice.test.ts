import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import { parseWorkoutText } from '../../../src/core/workout-text';
import { musicBpmAt } from '../../../src/core/program';
import { fakePlayerServices } from './fake-player';

async function running() {
  const fake = fakePlayerServices();
  const store = createAppStore(fake.services);
  const parsed = parseWorkoutText('5m run 150-160bpm; 3m easy 130bpm');
  if (!parsed.ok) throw new Error(parsed.error);
  store.setState((s) => ({ workouts: [...s.workouts, { id: 'run', name: 'Run', nodes: parsed.nodes, updatedAt: 0 }] }));
  await store.getState().startWorkout('run');
  fake.engine.advance(0.15 + store.getState().player.program!.leadInSec + 0.01);
  return { ...fake, store };
}

describe('cadence slice: Follow my cadence', () => {
  it('is fixed tempo by default; turned on it shows the cadence and the music follows it once settled', async () => {
    const { store, cadence, engine } = await running();
    expect(store.getState().cadence.status).toBe('off');
    await store.getState().followCadence('simulated');
    expect(store.getState().cadence).toMatchObject({ status: 'on', source: 'simulated', spm: null });
    cadence.emit(100, 171);
    cadence.emit(101, 170.5);
    expect(store.getState().cadence.spm).toBe(170.5);
    expect(engine.calls.some((c) => c.startsWith('splice'))).toBe(false);
    cadence.emit(102, 171.2);
    expect(store.getState().cadence.followedBpm).toBe(171);
    const splice = engine.calls.find((c) => c.startsWith('splice'))!;
    const fromSec = Number(splice.split(' ')[1]);
    const program = store.getState().player.program!;
    expect(musicBpmAt(program, fromSec + 5)).toBeCloseTo(171, 6);
    // A small wobble does not re-sync; a real change does.
    for (let t = 103; t < 106; t += 1) cadence.emit(t, 172.5);
    expect(engine.calls.filter((c) => c.startsWith('splice'))).toHaveLength(1);
    engine.advance(10);
    for (let t = 106; t < 110; t += 1) cadence.emit(t, 180);
    expect(engine.calls.filter((c) => c.startsWith('splice'))).toHaveLength(2);
    expect(store.getState().cadence.followedBpm).toBe(180);
  });

  it('says why when the sensor cannot start, and goes back to fixed tempo', async () => {
    const { store, cadence } = await running();
    cadence.refuse('Motion access was refused: allow Motion & Orientation for this site to read cadence.');
    await store.getState().followCadence('sensor');
    expect(store.getState().cadence).toMatchObject({ status: 'failed', message: expect.stringContaining('Motion access was refused') });
    store.getState().fixTempo();
    expect(store.getState().cadence).toMatchObject({ status: 'off', message: null });
    expect(cadence.calls).toEqual(['start sensor', 'stop']);
  });
});
