/** The IndexedDB database "montage": its stores, schema version, migrations and validated reads. */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { z } from 'zod';
import type { TrackRecord } from '../core/track';
import type { Workout } from '../core/workout';
import type { Playlist } from '../core/playlist';
import type { WorkoutLogEntry } from '../core/workout-log';
import type { MusicChoice } from '../core/music-choice';
import { migrateToV3 } from './migrate-v3';
import { migrateToV4 } from './migrate-v4';

/** The stores of the current schema version, with their keys, values and indexes. */
export interface MontageSchema extends DBSchema {
  tracks: { key: string; value: TrackRecord; indexes: { addedAt: number } };
  /** Audio bytes by content id, used only where OPFS is missing. */
  audio: { key: string; value: Blob };
  covers: { key: string; value: Blob };
  workouts: { key: string; value: Workout };
  playlists: { key: string; value: Playlist };
  /** Since version 3: keyed by the entry's own id; since version 4 entries hold their steps and effort. */
  log: { key: string; value: WorkoutLogEntry; indexes: { startedAt: number } };
  meta: { key: string; value: unknown };
  /** Since version 2: the music chosen per workout, by workout id. */
  musicChoices: { key: string; value: MusicChoice };
}

/** An open Montage database. */
export type MontageDb = IDBPDatabase<MontageSchema>;

/** One schema upgrade. Migrations see the untyped database: the typed schema describes only the newest version. */
export type Migration = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void | Promise<void>;

/** The default database name. */
export const DB_NAME = 'montage';

/** Upgrades in order: `MIGRATIONS[n]` takes a version-n database to version n+1. Append, never edit. */
export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    const tracks = db.createObjectStore('tracks', { keyPath: 'id' });
    tracks.createIndex('bpm', 'bpm');
    tracks.createIndex('addedAt', 'addedAt');
    db.createObjectStore('audio');
    db.createObjectStore('covers');
    db.createObjectStore('workouts', { keyPath: 'id' });
    db.createObjectStore('playlists', { keyPath: 'id' });
    db.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
    db.createObjectStore('meta');
  },
  // v2: the music chosen per workout (playlist, pinned tracks, tempo change). Adds a store; v1 data is untouched.
  (db) => {
    db.createObjectStore('musicChoices', { keyPath: 'workoutId' });
  },
  // v3: one `grid` per track (beat lists for moving tempi, other readings), and the truthful workout log.
  migrateToV3,
  // v4: log entries keep the steps as played and the effort felt (null until rated).
  migrateToV4,
];

/** The schema version this code writes: one per migration. */
export const DB_VERSION = MIGRATIONS.length;

/** Opens (creating or upgrading) the database; throws an Error with a message for the user when it cannot. */
export async function openDb(name: string = DB_NAME, migrations: readonly Migration[] = MIGRATIONS): Promise<MontageDb> {
  let migrationError: unknown = null;
  try {
    const db = await openDB<unknown>(name, migrations.length, {
      upgrade(raw, oldVersion, _newVersion, tx) {
        const step = (version: number): void | Promise<void> => {
          if (version >= migrations.length) return;
          const pending = migrations[version](raw, tx);
          return pending instanceof Promise ? pending.then(() => step(version + 1)) : step(version + 1);
        };
        const fail = (e: unknown) => {
          migrationError = e;
          // openDB rejects on its own; the transaction's own promise need not be reported twice.
          tx.done.catch(() => undefined);
          tx.abort();
        };
        try {
          step(oldVersion)?.catch(fail);
        } catch (e) {
          fail(e);
        }
      },
      // Another tab wants a newer version: let it upgrade rather than block it forever.
      blocking() {
        db.close();
      },
    });
    return db as unknown as MontageDb;
  } catch (e) {
    if (migrationError) throw new Error(`The music library could not be upgraded: ${messageOf(migrationError)}. Your data was left as it was.`, { cause: e });
    if (e instanceof DOMException && e.name === 'VersionError') {
      throw new Error('The music library was saved by a newer version of Montage. Reload the page to update the app.', { cause: e });
    }
    throw new Error(`The music library could not be opened: ${messageOf(e)}`, { cause: e });
  }
}

/** A stored record that failed validation: which store, which key, and what is wrong, in words. */
export interface CorruptRecord {
  store: string;
  key: string;
  problem: string;
}

/** Thrown by single-record reads when the stored record is damaged. */
export class CorruptRecordError extends Error {
  constructor(readonly record: CorruptRecord) {
    super(record.problem);
    this.name = 'CorruptRecordError';
  }
}

/** Returns the valid records of `rows` and a report of the invalid ones (never throws). */
export function validateRows<T>(schema: z.ZodType<T>, store: string, rows: { key: IDBValidKey; value: unknown }[]) {
  const items: T[] = [];
  const corrupt: CorruptRecord[] = [];
  for (const row of rows) {
    const checked = checkRecord(schema, store, row.key, row.value);
    if (checked.ok) items.push(checked.value);
    else corrupt.push(checked.corrupt);
  }
  return { items, corrupt };
}

/** Validates one stored value; on failure describes the record by its file or name and the first bad field. */
export function checkRecord<T>(schema: z.ZodType<T>, store: string, key: IDBValidKey, value: unknown):
  { ok: true; value: T } | { ok: false; corrupt: CorruptRecord } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'record';
  const label = recordLabel(value) ?? String(key);
  return { ok: false, corrupt: { store, key: String(key), problem: `Damaged ${store} entry "${label}": ${field}: ${issue?.message ?? 'invalid'}` } };
}

/** Reads every record of a store with its key, in key order. */
export async function readRows(db: MontageDb, store: 'tracks' | 'workouts' | 'playlists' | 'log' | 'musicChoices') {
  const tx = db.transaction(store);
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  return keys.map((key, i) => ({ key, value: values[i] as unknown }));
}

function recordLabel(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const label = typeof v.fileName === 'string' ? v.fileName : typeof v.name === 'string' ? v.name : v.workoutName;
  return typeof label === 'string' ? label.slice(0, 200) : null;
}

/** Aborts `tx` if it is still running, without an unhandled rejection of its `done` promise. */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing was written.
  }
}

/** Returns the message of any thrown value. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
