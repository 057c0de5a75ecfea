/** Stored playlists (manual and smart), validated on every read and write. */
import type { Playlist } from '../core/playlist';
import type { MontageDb } from './db';
import { CorruptRecordError, checkRecord, readRows, validateRows } from './db';
import { playlistSchema } from './schemas';

/** Validates and stores `playlist`, replacing any with its id; throws with the bad field named. */
export async function putPlaylist(db: MontageDb, playlist: Playlist): Promise<void> {
  const checked = checkRecord(playlistSchema, 'playlists', playlist.id, playlist);
  if (!checked.ok) throw new Error(checked.corrupt.problem.replace(/^Damaged/, 'Invalid'));
  await db.put('playlists', checked.value);
}

/** Returns the playlist, or null when absent; throws CorruptRecordError when the stored record is damaged. */
export async function getPlaylist(db: MontageDb, id: string): Promise<Playlist | null> {
  const value: unknown = await db.get('playlists', id);
  if (value === undefined) return null;
  const checked = checkRecord(playlistSchema, 'playlists', id, value);
  if (!checked.ok) throw new CorruptRecordError(checked.corrupt);
  return checked.value;
}

/** Returns all valid playlists sorted by name, and a report of damaged records. */
export async function listPlaylists(db: MontageDb) {
  const { items, corrupt } = validateRows(playlistSchema, 'playlists', await readRows(db, 'playlists'));
  items.sort((a, b) => a.name.localeCompare(b.name));
  return { playlists: items, corrupt };
}

/** Removes a playlist; does nothing when it is absent. */
export async function deletePlaylist(db: MontageDb, id: string): Promise<void> {
  await db.delete('playlists', id);
}
