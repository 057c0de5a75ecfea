/** Playlists and per-workout music choices as one service: opens the database once, then lists, saves and deletes. */
import type { Playlist } from '../core/playlist';
import type { MusicChoice } from '../core/music-choice';
import { openDb, type MontageDb } from './db';
import { deletePlaylist, listPlaylists, putPlaylist } from './playlist-repo';
import { deleteMusicChoice, listMusicChoices, putMusicChoice } from './music-choice-repo';

/** Creates the playlists service over the `montage` database (or `dbName`). */
export function createPlaylistsService(dbName?: string) {
  let opened: Promise<MontageDb> | null = null;
  const open = () => (opened ??= openDb(dbName));
  return {
    /** Returns the stored playlists and choices, and a message per damaged record. */
    async list() {
      const db = await open();
      const [{ playlists, corrupt }, choices] = await Promise.all([listPlaylists(db), listMusicChoices(db)]);
      return { playlists, choices: choices.choices, problems: [...corrupt, ...choices.corrupt].map((c) => c.problem) };
    },
    async save(playlist: Playlist) {
      await putPlaylist(await open(), playlist);
    },
    async remove(id: string) {
      await deletePlaylist(await open(), id);
    },
    async saveChoice(choice: MusicChoice) {
      await putMusicChoice(await open(), choice);
    },
    async removeChoice(workoutId: string) {
      await deleteMusicChoice(await open(), workoutId);
    },
  };
}
