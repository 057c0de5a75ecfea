/** Library records and their cover images in IndexedDB, validated on every read and write. */
import type { TrackRecord } from '../core/track';
import type { MontageDb } from './db';
import { CorruptRecordError, abortQuietly, checkRecord, readRows, validateRows } from './db';
import { trackSchema } from './schemas';
import type { AudioStore } from './audio-store';
import { contentId } from './content-id';

/** Fields of a track that may change after import. */
export type TrackPatch = Partial<Omit<TrackRecord, 'id'>>;

/** Validates and stores `track`, replacing any record with its id; throws on an invalid record. */
export async function putTrack(db: MontageDb, track: TrackRecord): Promise<void> {
  await db.put('tracks', validTrack(track));
}

/** Returns the track, or null when absent; throws CorruptRecordError when the stored record is damaged. */
export async function getTrack(db: MontageDb, id: string): Promise<TrackRecord | null> {
  const value: unknown = await db.get('tracks', id);
  if (value === undefined) return null;
  const checked = checkRecord(trackSchema, 'tracks', id, value);
  if (!checked.ok) throw new CorruptRecordError(checked.corrupt);
  return checked.value;
}

/** True when a record (valid or not) exists for `id`. */
export async function hasTrack(db: MontageDb, id: string): Promise<boolean> {
  return (await db.getKey('tracks', id)) !== undefined;
}

/** Returns all valid tracks, oldest first, and a report of damaged records (which are left in place). */
export async function listTracks(db: MontageDb) {
  const { items, corrupt } = validateRows(trackSchema, 'tracks', await readRows(db, 'tracks'));
  items.sort((a, b) => a.addedAt - b.addedAt);
  return { tracks: items, corrupt };
}

/** Applies `patch` to a stored track in one transaction and returns the new record; throws when absent or invalid. */
export async function updateTrack(db: MontageDb, id: string, patch: TrackPatch): Promise<TrackRecord> {
  const tx = db.transaction('tracks', 'readwrite');
  try {
    const current: unknown = await tx.store.get(id);
    if (current === undefined) throw new Error(`track ${id.slice(0, 12)} is not in the library`);
    const checked = checkRecord(trackSchema, 'tracks', id, current);
    if (!checked.ok) throw new CorruptRecordError(checked.corrupt);
    const next = validTrack({ ...checked.value, ...patch, id });
    await tx.store.put(next);
    await tx.done;
    return next;
  } catch (e) {
    abortQuietly(tx);
    throw e;
  }
}

/**
 * Removes a track: first the record and its cover (unless another track shares it) in one transaction,
 * then the audio, so a failure never leaves a record pointing at missing audio.
 */
export async function deleteTrack(db: MontageDb, audio: AudioStore, id: string): Promise<void> {
  const tx = db.transaction(['tracks', 'covers'], 'readwrite');
  try {
    const tracks = tx.objectStore('tracks');
    const record = (await tracks.get(id)) as Partial<TrackRecord> | undefined;
    await tracks.delete(id);
    const coverId = record?.coverId;
    if (typeof coverId === 'string') {
      const shared = (await tracks.getAll()).some((t) => t.coverId === coverId);
      if (!shared) await tx.objectStore('covers').delete(coverId);
    }
    await tx.done;
  } catch (e) {
    abortQuietly(tx);
    throw e;
  }
  await audio.deleteAudio(id);
}

/** Stores a cover image under its content id (shared by an album's tracks) and returns that id. */
export async function putCover(db: MontageDb, cover: Blob): Promise<string> {
  const id = await contentId(cover);
  await db.put('covers', cover, id);
  return id;
}

/** Returns a stored cover image, or null. */
export async function getCover(db: MontageDb, coverId: string): Promise<Blob | null> {
  const blob: unknown = await db.get('covers', coverId);
  return blob instanceof Blob ? blob : null;
}

function validTrack(track: TrackRecord): TrackRecord {
  const checked = checkRecord(trackSchema, 'tracks', track.id, track);
  if (!checked.ok) throw new Error(checked.corrupt.problem.replace(/^Damaged/, 'Invalid'));
  return checked.value;
}
