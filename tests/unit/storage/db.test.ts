import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { DB_VERSION, MIGRATIONS, CorruptRecordError, openDb } from '../../../src/storage/db';
import type { Migration } from '../../../src/storage/db';
import { getTrack, listTracks } from '../../../src/storage/track-repo';
import { listLog } from '../../../src/storage/log-repo';
import { makeTrack } from './make-track';

/** Creates a version-1 database with plain IndexedDB calls, as a user's browser holds it, and fills it. */
function createV1(name: string, fill: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      const tracks = db.createObjectStore('tracks', { keyPath: 'id' });
      tracks.createIndex('bpm', 'bpm');
      tracks.createIndex('addedAt', 'addedAt');
      for (const store of ['audio', 'covers', 'meta']) db.createObjectStore(store);
      db.createObjectStore('workouts', { keyPath: 'id' });
      db.createObjectStore('playlists', { keyPath: 'id' });
      db.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
      fill(request.transaction!);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

// The track as today's code reads it, and as versions 1 and 2 stored it (flat grid fields, no other readings).
const v1Track = makeTrack({ id: 'b'.repeat(64), fileName: 'old.mp3', bpm: 174, firstBeatSec: 0.5, corrected: true });
const { grid: _grid, alternatives: _alternatives, ...v1Rest } = v1Track;
const v1Stored = { ...v1Rest, bpm: 174, firstBeatSec: 0.5, firstDownbeatSec: 0.5, beatsPerBar: 4 };
const v1Summary = { workoutName: '30/30 HIIT', startedAt: 1, durationSec: 600, stepsDone: 5, stepsTotal: 6, tracksPlayed: [v1Track.id, 'Song'], avgMusicBpm: 174 };

function fillV1(tx: IDBTransaction) {
  tx.objectStore('tracks').put(v1Stored);
  tx.objectStore('audio').put(new Blob([new Uint8Array([1, 2, 3])]), v1Track.id);
  tx.objectStore('log').add(v1Summary);
}

describe('openDb', () => {
  it('creates every store of the current version with its keys and indexes', async () => {
    const db = await openDb(`db-${crypto.randomUUID()}`);
    expect(DB_VERSION).toBe(4);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['audio', 'covers', 'log', 'meta', 'musicChoices', 'playlists', 'tracks', 'workouts']);
    const tx = db.transaction(['tracks', 'log']);
    expect([...tx.objectStore('tracks').indexNames].sort()).toEqual(['addedAt']);
    expect(tx.objectStore('log').keyPath).toBe('id');
    expect(tx.objectStore('log').autoIncrement).toBe(false);
    db.close();
  });

  it('opens a version-1 database made by raw IndexedDB with its records intact', async () => {
    const name = `db-${crypto.randomUUID()}`;
    await createV1(name, fillV1);
    const db = await openDb(name);
    expect(await getTrack(db, v1Track.id)).toEqual(v1Track);
    // The old log entry, in today's shape: its workout found by name, its track by id and by title.
    expect((await listLog(db)).entries).toEqual([{
      id: 'legacy-1', workoutId: 'template-demo-3030', workoutName: '30/30 HIIT', startedAt: 1, activeSec: 600, completed: false,
      stepsTotal: 6, stepsCompleted: 5, stepsSkipped: 0, avgMusicBpm: 174,
      tracks: [{ trackId: v1Track.id, title: 'Song', seconds: null }, { trackId: v1Track.id, title: 'Song', seconds: null }],
      steps: [], effort: null, heartRate: null,
    }]);
    expect(await db.get('audio', v1Track.id)).toBeInstanceOf(Blob);
    db.close();
  });

  it('runs an appended migration on v1 data and keeps every record', async () => {
    const name = `db-${crypto.randomUUID()}`;
    await createV1(name, fillV1);
    const v2: Migration = async (_db, tx) => {
      tx.objectStore('tracks').createIndex('status', 'status');
      await tx.objectStore('meta').put('v2', 'migratedBy');
    };
    const db = await openDb(name, [...MIGRATIONS, v2]);
    expect(db.version).toBe(MIGRATIONS.length + 1);
    expect(await getTrack(db, v1Track.id)).toEqual(v1Track);
    expect(await db.get('meta', 'migratedBy')).toBe('v2');
    const loose = db as unknown as IDBPDatabase;
    expect(await loose.transaction('tracks').store.index('status').getAll('ready')).toHaveLength(1);
    db.close();
  });

  it('leaves the old version and its data alone when a migration fails', async () => {
    const name = `db-${crypto.randomUUID()}`;
    await createV1(name, fillV1);
    const broken: Migration = () => {
      throw new Error('disk said no');
    };
    await expect(openDb(name, [...MIGRATIONS, broken])).rejects.toThrow(/could not be upgraded: disk said no.*left as it was/);
    const db = await openDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await getTrack(db, v1Track.id)).toEqual(v1Track);
    db.close();
  });

  it('says so when the database was made by a newer version of the app', async () => {
    const name = `db-${crypto.randomUUID()}`;
    const later: Migration = () => undefined;
    (await openDb(name, [...MIGRATIONS, later])).close();
    await expect(openDb(name)).rejects.toThrow(/newer version of Montage/);
  });
});

describe('validated reads', () => {
  it('reports a damaged record by file name and field, and still lists the good ones', async () => {
    const name = `db-${crypto.randomUUID()}`;
    await createV1(name, (tx) => {
      tx.objectStore('tracks').put(v1Stored);
      tx.objectStore('tracks').put({ ...v1Stored, id: 'c'.repeat(64), fileName: 'broken.mp3', bpm: 'fast' });
      tx.objectStore('tracks').put({ id: 'd'.repeat(64) });
    });
    const db = await openDb(name);
    const { tracks, corrupt } = await listTracks(db);
    expect(tracks).toEqual([v1Track]);
    expect(corrupt).toHaveLength(2);
    expect(corrupt[0].problem).toMatch(/broken\.mp3.*grid/);
    await expect(getTrack(db, 'c'.repeat(64))).rejects.toBeInstanceOf(CorruptRecordError);
    await expect(getTrack(db, 'c'.repeat(64))).rejects.toThrow(/broken\.mp3/);
    db.close();
  });
});
