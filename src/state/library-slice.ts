/** The user's library: tracks, imports and the background analysis queue. */
import type { StateCreator } from 'zustand';
import type { TrackRecord } from '../core/track';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';

/** Progress of the current import batch. */
export interface ImportBatch {
  total: number;
  imported: number;
  analysed: number;
  failed: { fileName: string; error: string }[];
}

/** Library state and actions. */
export interface LibrarySlice {
  tracks: TrackRecord[];
  libraryLoaded: boolean;
  batch: ImportBatch | null;
  storage: { usedBytes: number; quotaBytes: number } | null;
  libraryMessages: string[];
  loadLibrary(): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  correctTrack(id: string, patch: Partial<Pick<TrackRecord, 'bpm' | 'firstBeatSec' | 'firstDownbeatSec' | 'beatsPerBar'>>): Promise<void>;
  deleteTrack(id: string): Promise<void>;
}

/** Creates the library slice. Analysis runs one track at a time per call to the queue; the service spreads work over cores. */
export const createLibrarySlice = (services: AppServices): StateCreator<AppState, [], [], LibrarySlice> => (set, get) => {
  const queue: string[] = [];
  let running = 0;
  const MAX_PARALLEL = 2;
  const replace = (track: TrackRecord) => set((s) => ({ tracks: s.tracks.some((t) => t.id === track.id) ? s.tracks.map((t) => (t.id === track.id ? track : t)) : [...s.tracks, track] }));
  const bumpBatch = (p: (b: ImportBatch) => Partial<ImportBatch>) => set((s) => (s.batch ? { batch: { ...s.batch, ...p(s.batch) } } : {}));
  const refreshStorage = async () => set({ storage: await services.library.estimate().catch(() => null) });

  const analyseOne = async (id: string) => {
    const track = get().tracks.find((t) => t.id === id);
    if (!track) return;
    replace(await services.library.update(id, { status: 'analyzing' }));
    let patch: Partial<TrackRecord>;
    try {
      const audio = await services.library.getAudio(id);
      if (!audio) throw new Error('audio file missing: import it again');
      const a = await services.analysis.analyze(audio, { tagBpm: track.tagBpm });
      patch = a.bpm === null
        ? { status: 'failed', error: 'no beat found', bpm: null, confidence: a.confidence, durationSec: a.durationSec || track.durationSec }
        : { status: 'ready', error: undefined, bpm: a.bpm, confidence: a.confidence, firstBeatSec: a.firstBeatSec, firstDownbeatSec: a.firstDownbeatSec, beatsPerBar: a.beatsPerBar, durationSec: a.durationSec || track.durationSec };
    } catch (e) {
      patch = { status: 'failed', error: e instanceof Error ? e.message : String(e) };
    }
    replace(await services.library.update(id, patch));
    bumpBatch((b) => ({ analysed: b.analysed + 1 }));
  };

  const pump = () => {
    while (running < MAX_PARALLEL && queue.length > 0) {
      const id = queue.shift()!;
      running++;
      void analyseOne(id)
        .catch((e: unknown) => set((s) => ({ libraryMessages: [...s.libraryMessages, String(e)] })))
        .finally(() => {
          running--;
          pump();
        });
    }
  };
  const enqueue = (ids: string[]) => {
    queue.push(...ids.filter((id) => !queue.includes(id)));
    pump();
  };

  return {
    tracks: [],
    libraryLoaded: false,
    batch: null,
    storage: null,
    libraryMessages: [],
    async loadLibrary() {
      const { tracks, problems } = await services.library.list();
      set({ tracks, libraryLoaded: true, libraryMessages: problems });
      void refreshStorage();
      // Analysis interrupted by a reload carries on.
      enqueue(tracks.filter((t) => t.status === 'queued' || t.status === 'analyzing').map((t) => t.id));
    },
    async importFiles(files) {
      if (files.length === 0) return;
      void services.library.requestPersistence();
      const batch = get().batch;
      const fresh = !batch || batch.analysed + batch.failed.length >= batch.total;
      set({ batch: fresh ? { total: files.length, imported: 0, analysed: 0, failed: [] } : { ...batch!, total: batch!.total + files.length } });
      for (const file of files) {
        const result = await services.library.importFile(file);
        if (result.status === 'failed') {
          bumpBatch((b) => ({ failed: [...b.failed, { fileName: result.fileName, error: result.error }] }));
          continue;
        }
        bumpBatch((b) => ({ imported: b.imported + 1, analysed: result.status === 'duplicate' ? b.analysed + 1 : b.analysed }));
        replace(result.track);
        if (result.status === 'added') enqueue([result.track.id]);
      }
      void refreshStorage();
    },
    async correctTrack(id, patch) {
      replace(await services.library.update(id, { ...patch, corrected: true }));
    },
    async deleteTrack(id) {
      await services.library.remove(id);
      set((s) => ({ tracks: s.tracks.filter((t) => t.id !== id) }));
      void refreshStorage();
    },
  };
};
