import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Workout } from '../../../src/core/workout';
import { createWorkoutsService } from '../../../src/storage/workouts-service';

const workout = (id: string, updatedAt: number, times = 3): Workout => ({
  id, name: `W ${id}`, updatedAt,
  nodes: [{ type: 'repeat', id: `${id}-r`, times, children: [
    { type: 'step', id: `${id}-s`, kind: 'work', name: 'Go', duration: { unit: 'seconds', value: 30 }, intensity: 4, tempo: null, build: null, hr: null, voice: null },
  ] }],
});

describe('workouts service', () => {
  it('saves, lists newest first, replaces by id and removes, over one database', async () => {
    const service = createWorkoutsService(`test-${crypto.randomUUID()}`);
    await service.save(workout('a', 1));
    await service.save(workout('b', 2));
    await service.save({ ...workout('a', 3), name: 'Renamed' });
    const { workouts, problems } = await service.list();
    expect(workouts.map((w) => [w.id, w.name])).toEqual([['a', 'Renamed'], ['b', 'W b']]);
    expect(problems).toEqual([]);
    await service.remove('a');
    await service.remove('missing');
    expect((await service.list()).workouts.map((w) => w.id)).toEqual(['b']);
  });

  it('refuses a workout the stored schema does not allow, naming the field', async () => {
    const service = createWorkoutsService(`test-${crypto.randomUUID()}`);
    await expect(service.save(workout('x', 1, 0))).rejects.toThrow(/Invalid workouts entry "W x": nodes\.0/);
    expect((await service.list()).workouts).toEqual([]);
  });
});
