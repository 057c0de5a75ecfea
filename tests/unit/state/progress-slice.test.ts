import { describe, it, expect } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import type { AppServices } from '../../../src/state/services';
import { fakePlayerServices } from './fake-player';
import { DAY_MS, logEntry } from '../../helpers/log-entries';

async function stoppedWorkout() {
  const fake = fakePlayerServices();
  const store = createAppStore(fake.services);
  await store.getState().startWorkout('template-demo-3030');
  fake.engine.advance(0.05 + 20);
  store.getState().stopWorkout();
  await Promise.resolve();
  return { ...fake, store, entry: store.getState().player.lastEntry! };
}

describe('rating a workout', () => {
  it('logs the workout unrated with its steps, and stores the effort given on the summary', async () => {
    const { store, logged, entry } = await stoppedWorkout();
    expect(entry.effort).toBeNull();
    expect(entry.steps).toHaveLength(14);
    expect(entry.steps[0].activeSec).toBeGreaterThan(15);
    await store.getState().rateWorkout(entry.id, 7);
    expect(store.getState().player.lastEntry?.effort).toBe(7);
    expect(store.getState().history[0]).toMatchObject({ id: entry.id, effort: 7 });
    expect(logged).toEqual([{ ...entry, effort: 7 }]);
    expect(store.getState().ratingError).toBeNull();
  });

  it('rates a workout later, from the loaded history, and can change it', async () => {
    const { store, logged, entry } = await stoppedWorkout();
    store.getState().stopWorkout(); // back to the start: the summary is gone
    await store.getState().loadHistory();
    await store.getState().rateWorkout(entry.id, 3);
    await store.getState().rateWorkout(entry.id, 4);
    expect(store.getState().history.find((h) => h.id === entry.id)?.effort).toBe(4);
    expect(logged[0].effort).toBe(4);
  });

  it('stores the whole entry rated when it never reached the log, and says so naming the workout when nothing can be saved', async () => {
    const { services, store, logged, entry } = await stoppedWorkout();
    logged.length = 0;
    await store.getState().rateWorkout(entry.id, 5);
    expect(logged).toEqual([{ ...entry, effort: 5 }]);

    const broken: AppServices = { ...services, log: { ...services.log, setEffort: async () => Promise.reject(new Error('disk full')), add: async () => Promise.reject(new Error('disk full')) } };
    const other = createAppStore(broken);
    other.setState({ history: [entry] });
    await other.getState().rateWorkout(entry.id, 9);
    expect(other.getState().history[0].effort).toBeNull();
    expect(other.getState().ratingError).toBe('The effort for "30/30 HIIT" could not be saved: disk full');
    await other.getState().rateWorkout('nope', 2);
    expect(other.getState().ratingError).toMatch(/No logged workout with id "nope"/);
  });
});

describe('reading the log again (another tab wrote it, or a restore did)', () => {
  it('shows what is stored, keeps an entry not stored yet, and updates the summary with an effort saved elsewhere', async () => {
    const { services, store, logged, entry } = await stoppedWorkout();
    // Another tab rated this workout and logged one of its own; this tab has one whose write is still under way.
    logged[0] = { ...logged[0], effort: 8 };
    logged.push(logEntry({ id: 'other-tab', startedAt: entry.startedAt - DAY_MS }));
    const pending = logEntry({ id: 'pending', startedAt: entry.startedAt + 60_000 });
    store.setState((s) => ({ history: [pending, ...s.history] }));
    await store.getState().loadHistory();
    expect(store.getState().history.map((h) => [h.id, h.effort])).toEqual([['pending', null], [entry.id, 8], ['other-tab', null]]);
    expect(store.getState().player.lastEntry).toMatchObject({ id: entry.id, effort: 8 });

    // A log that cannot be read leaves the screen as it was.
    const broken = createAppStore({ ...services, log: { ...services.log, list: async () => Promise.reject(new Error('gone')) } });
    broken.setState({ history: [entry] });
    await broken.getState().loadHistory();
    expect(broken.getState().history).toEqual([entry]);
  });
});
