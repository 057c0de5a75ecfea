import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { WorkoutLogEntry } from '../../../src/core/workout-log';
import type { Workout } from '../../../src/core/workout';
import type { Playlist } from '../../../src/core/playlist';
import { deleteWorkout, getWorkout, listWorkouts, putWorkout } from '../../../src/storage/workout-repo';
import { deletePlaylist, getPlaylist, listPlaylists, putPlaylist } from '../../../src/storage/playlist-repo';
import { addLogEntry, deleteLogEntry, listLog } from '../../../src/storage/log-repo';
import { CorruptRecordError } from '../../../src/storage/db';
import { freshDb } from './make-track';

const workout = (id: string, updatedAt: number): Workout => ({
  id, name: `W ${id}`, updatedAt,
  nodes: [{ type: 'step', id: 's1', kind: 'warmup', name: 'Warm up', duration: { unit: 'bars', value: 16 }, intensity: 1, tempo: null, build: null, hr: null, voice: 'Easy now' }],
});

describe('workout repository', () => {
  it('stores, lists newest first, reads and deletes', async () => {
    const db = await freshDb();
    await putWorkout(db, workout('a', 1));
    await putWorkout(db, workout('b', 2));
    expect((await listWorkouts(db)).workouts.map((w) => w.id)).toEqual(['b', 'a']);
    expect(await getWorkout(db, 'a')).toEqual(workout('a', 1));
    await deleteWorkout(db, 'a');
    expect(await getWorkout(db, 'a')).toBeNull();
  });

  it('refuses invalid workouts and reports damaged stored ones', async () => {
    const db = await freshDb();
    const bad = workout('x', 1);
    bad.nodes = [{ type: 'repeat', id: 'r', times: 0, children: [] }];
    await expect(putWorkout(db, bad)).rejects.toThrow(/W x.*nodes\.0\.times/);
    await db.put('workouts', { id: 'y', name: 'Broken', nodes: 'nope', updatedAt: 1 } as never);
    const { workouts, corrupt } = await listWorkouts(db);
    expect(workouts).toEqual([]);
    expect(corrupt[0].problem).toMatch(/Broken.*nodes/);
    await expect(getWorkout(db, 'y')).rejects.toBeInstanceOf(CorruptRecordError);
  });
});

describe('playlist repository', () => {
  it('stores manual and smart playlists, sorted by name', async () => {
    const db = await freshDb();
    const smart: Playlist = { id: 's', name: 'Zoom', kind: 'smart', rules: { bpmMin: 150, bpmMax: 180, allowHalfDouble: true, text: 'run' }, updatedAt: 1 };
    const manual: Playlist = { id: 'm', name: 'Alpha', kind: 'manual', trackIds: ['t1', 't2'], updatedAt: 1 };
    await putPlaylist(db, smart);
    await putPlaylist(db, manual);
    expect((await listPlaylists(db)).playlists).toEqual([manual, smart]);
    expect(await getPlaylist(db, 's')).toEqual(smart);
    await deletePlaylist(db, 's');
    expect(await getPlaylist(db, 's')).toBeNull();
    await expect(putPlaylist(db, { ...manual, kind: 'other' } as never)).rejects.toThrow(/Alpha/);
  });
});

describe('log repository', () => {
  it('stores entries under their own ids, lists newest first and deletes', async () => {
    const db = await freshDb();
    const entry: WorkoutLogEntry = {
      id: 'a', workoutId: 'w', workoutName: 'Run', startedAt: 10, activeSec: 60, completed: false, stepsTotal: 2, stepsCompleted: 1, stepsSkipped: 0, tracks: [], avgMusicBpm: null,
      steps: [], effort: null, heartRate: null,
    };
    await addLogEntry(db, entry);
    await addLogEntry(db, { ...entry, id: 'b', startedAt: 20 });
    await addLogEntry(db, { ...entry, id: 'b', startedAt: 20 }); // the same entry again replaces it
    expect((await listLog(db)).entries.map((e) => e.id)).toEqual(['b', 'a']);
    await deleteLogEntry(db, 'a');
    expect((await listLog(db)).entries).toEqual([{ ...entry, id: 'b', startedAt: 20 }]);
    await expect(addLogEntry(db, { ...entry, stepsCompleted: -1 })).rejects.toThrow(/stepsCompleted/);
  });
});
