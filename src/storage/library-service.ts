/** The library as one service: opens the database and the audio store once, then imports, lists, updates and deletes. */
import type { TrackRecord } from '../core/track';
import { openDb, type MontageDb } from './db';
import { openAudioStore, type AudioStore } from './audio-store';
import { importFile } from './import-tracks';
import { deleteTrack, getCover, getTrack, listTracks, updateTrack } from './track-repo';
import { persistenceState, requestPersistence, storageEstimate } from './quota';
import { MAX_BACKUP_CHARS, exportBackup, exportLibrary, parseBackup, restoreBackup } from './backup';
import { messageOf } from './db';

/** Creates the library service over the `montage` database (or `dbName`). */
export function createLibraryService(dbName?: string) {
  let opened: Promise<{ db: MontageDb; audio: AudioStore }> | null = null;
  const open = () =>
    (opened ??= openDb(dbName).then(async (db) => ({ db, audio: await openAudioStore(db) })));
  return {
    async list() {
      const { db } = await open();
      const { tracks, corrupt } = await listTracks(db);
      return { tracks, problems: corrupt.map((c) => c.problem) };
    },
    async importFile(file: File) {
      const { db, audio } = await open();
      return importFile(file, { db, audio });
    },
    async update(id: string, patch: Partial<Omit<TrackRecord, 'id'>>) {
      const { db } = await open();
      return updateTrack(db, id, patch);
    },
    async remove(id: string) {
      const { db, audio } = await open();
      await deleteTrack(db, audio, id);
    },
    async getAudio(id: string) {
      const { audio } = await open();
      return audio.getAudio(id);
    },
    async getCover(coverId: string) {
      const { db } = await open();
      return getCover(db, coverId);
    },
    async getTrack(id: string) {
      const { db } = await open();
      return getTrack(db, id);
    },
    estimate: storageEstimate,
    requestPersistence,
    persistence: persistenceState,
    async exportLibrary() {
      const { db } = await open();
      return exportLibrary(db);
    },
    async exportBackup() {
      const { db } = await open();
      return exportBackup(db);
    },
    /** Reads, checks and merges a backup file; rejects with a message that names the file. */
    async restoreBackup(file: File) {
      // A UTF-8 file has at least one byte per character: far bigger files cannot pass parseBackup's limit.
      if (file.size > MAX_BACKUP_CHARS * 4) throw new Error(`${file.name}: too large to be a Montage backup`);
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        throw new Error(`${file.name}: could not be read (${messageOf(e)})`, { cause: e });
      }
      const parsed = parseBackup(text, file.name);
      if (!parsed.ok) throw new Error(parsed.error);
      try {
        return await restoreBackup(parsed.backup, await open());
      } catch (e) {
        throw new Error(`${file.name}: ${messageOf(e)}`, { cause: e });
      }
    },
  };
}
