/** The library as one service: opens the database and the audio store once, then imports, lists, updates and deletes. */
import type { TrackRecord } from '../core/track';
import { openDb, type MontageDb } from './db';
import { openAudioStore, type AudioStore } from './audio-store';
import { importFile } from './import-tracks';
import { deleteTrack, getTrack, listTracks, updateTrack } from './track-repo';
import { requestPersistence, storageEstimate } from './quota';

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
    async getTrack(id: string) {
      const { db } = await open();
      return getTrack(db, id);
    },
    estimate: storageEstimate,
    requestPersistence,
  };
}
