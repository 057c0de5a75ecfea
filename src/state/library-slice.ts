/** The user's library: tracks, imports, the background analysis queue (cancellable) and the beat-click preview. */
import type { StateCreator } from 'zustand';
import type { TempoReading, TrackRecord } from '../core/track';
import { addNotice, addNotices, dismissNotice, type Notice } from '../core/notices';
import type { BeatGrid } from '../core/beat-grid';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import { createTrackUpdates } from './track-updates';
import { createPendingDelete, type DeletedTrack } from './pending-delete';

/** Progress of the current import batch. */
export interface ImportBatch {
  total: number;
  imported: number;
  analysed: number;
  /** Files that were already in the library (found by their content): nothing new was stored for them. */
  alreadyThere: number;
  /** Files that could not be imported, with a message naming each ("storage is full: x.mp3 was not saved"). */
  failed: { fileName: string; error: string }[];
  /** True once the user cancelled the batch's analysis; its tracks wait as 'queued'. */
  cancelled: boolean;
}

/** The track being previewed with beat clicks; null when none. */
export interface LibraryPreview {
  trackId: string;
  /** Where in the track the preview started, seconds. */
  fromSec: number;
  status: 'loading' | 'playing';
}

/** Library state and actions. */
export interface LibrarySlice {
  tracks: TrackRecord[];
  libraryLoaded: boolean;
  batch: ImportBatch | null;
  storage: { usedBytes: number; quotaBytes: number } | null;
  libraryMessages: Notice[];
  dismissLibraryMessage(index: number): void;
  dismissAllLibraryMessages(): void;
  preview: LibraryPreview | null;
  loadLibrary(): Promise<void>;
  /** Reads the stored tracks again (another tab changed them, or a restore did); nothing until the library loaded once. */
  reloadTracks(): Promise<void>;
  /** Imports the files one by one (a failure never stops the rest), then analyses them in the background. */
  importFiles(files: File[]): Promise<void>;
  /** Saves a hand-corrected grid (and, when given, the other readings still on offer) and marks the track `corrected`. */
  correctTrack(id: string, grid: BeatGrid, alternatives?: TempoReading[]): Promise<void>;
  /** Takes the track off the library at once; it leaves storage when the undo time is up (`deletedTrack` meanwhile). */
  deleteTrack(id: string): Promise<void>;
  /** The track just deleted, while "Undo" is offered; null otherwise. */
  deletedTrack: DeletedTrack | null;
  /** Puts the track just deleted back where it was; nothing was removed. */
  undoDelete(): void;
  /** Removes the track just deleted from storage now (the page is closing, or the user dismissed the undo). */
  finishDelete(): Promise<void>;
  /** Stops the analysis of every queued and running track; they stay 'queued' until `resumeAnalysis`. */
  cancelAnalysis(): void;
  /** Analyses every 'queued' track. */
  resumeAnalysis(): void;
  /** Analyses one track again (dropping hand corrections). */
  reanalyseTrack(id: string): Promise<void>;
  /** Plays the track from `fromSec` with a click on every beat; stops any other preview. */
  startPreview(id: string, fromSec: number): Promise<void>;
  stopPreview(): void;
  /** Returns a track's cover image, or null. */
  loadCover(coverId: string): Promise<Blob | null>;
}

/** Lets the browser paint and handle input between two imported files. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Creates the library slice. It holds the one analysis queue (cancellable, resumable) and keeps the service
 * as busy as it says it can be (`analysis.parallel`: its workers, one per spare core, plus one file decoding).
 */
export const createLibrarySlice = (services: AppServices): StateCreator<AppState, [], [], LibrarySlice> => (set, get) => {
  let loading: Promise<void> | null = null;
  const queue: string[] = [];
  const queued = new Set<string>();
  const inBatch = new Set<string>();
  let running = 0;
  let controller = new AbortController();
  let stopPlaying: (() => void) | null = null;
  let previewToken = 0;

  // Import and analysis update many records a second: they reach the store once per frame.
  const updates = createTrackUpdates((update) => set((s) => ({ tracks: update(s.tracks) })));
  const pendingDelete = createPendingDelete(
    async (id) => {
      await services.library.remove(id);
      void refreshStorage();
    },
    () => set({ deletedTrack: pendingDelete.held() }),
  );
  // A deleted track waiting for undo stays off the screen: what an analysis writes meanwhile is kept for the undo.
  const replace = (track: TrackRecord, now?: boolean) => {
    if (!pendingDelete.refresh(track)) updates.put(track, now);
  };
  const current = (id: string) => updates.peek(id) ?? get().tracks.find((t) => t.id === id);
  const bumpBatch = (p: (b: ImportBatch) => Partial<ImportBatch>) => set((s) => (s.batch ? { batch: { ...s.batch, ...p(s.batch) } } : {}));
  const refreshStorage = async () => set({ storage: await services.library.estimate().catch(() => null) });
  const say = (message: string) => set((s) => ({ libraryMessages: addNotice(s.libraryMessages, 'error', message) }));

  const analyseOne = async (id: string, signal: AbortSignal) => {
    const track = current(id);
    if (!track || signal.aborted) return;
    replace(await services.library.update(id, { status: 'analyzing' }));
    let patch: Partial<TrackRecord>;
    try {
      const audio = await services.library.getAudio(id);
      if (!audio) throw new Error('audio file missing: import it again');
      const a = await services.analysis.analyze(audio, { signal, tagBpm: track.tagBpm });
      const common = { grid: a.grid, alternatives: a.alternatives, confidence: a.confidence, durationSec: a.durationSec || track.durationSec };
      patch = a.grid === null ? { ...common, status: 'failed', error: 'no beat found' } : { ...common, status: 'ready', error: undefined };
    } catch (e) {
      if (signal.aborted) {
        replace(await services.library.update(id, { status: 'queued' }));
        return;
      }
      patch = { status: 'failed', error: messageOf(e) };
    }
    replace(await services.library.update(id, patch));
    if (inBatch.delete(id)) bumpBatch((b) => ({ analysed: b.analysed + 1 }));
  };

  const pump = () => {
    while (running < Math.max(1, services.analysis.parallel) && queue.length > 0) {
      const id = queue.shift()!;
      queued.delete(id);
      running++;
      void analyseOne(id, controller.signal)
        .catch((e: unknown) => say(messageOf(e)))
        .finally(() => {
          running--;
          pump();
        });
    }
  };
  const enqueue = (ids: string[]) => {
    for (const id of ids) {
      if (queued.has(id)) continue;
      queued.add(id);
      queue.push(id);
    }
    pump();
  };

  return {
    tracks: [],
    libraryLoaded: false,
    batch: null,
    storage: null,
    libraryMessages: [],
    dismissLibraryMessage: (index) => set((s) => ({ libraryMessages: dismissNotice(s.libraryMessages, index) })),
    dismissAllLibraryMessages: () => set({ libraryMessages: [] }),
    preview: null,
    loadLibrary() {
      // One load, however many screens ask for it at start.
      loading ??= (async () => {
        const { tracks, problems } = await services.library.list();
        set({ tracks, libraryLoaded: true, libraryMessages: addNotices([], 'error', problems) });
        void refreshStorage();
        // Analysis interrupted by a reload carries on.
        enqueue(tracks.filter((t) => t.status === 'queued' || t.status === 'analyzing').map((t) => t.id));
      })().catch((e: unknown) => {
        loading = null;
        set({ libraryLoaded: true, libraryMessages: addNotices([], 'error', [`The library could not be read: ${e instanceof Error ? e.message : String(e)}`]) });
      });
      return loading;
    },
    async reloadTracks() {
      if (!get().libraryLoaded) return;
      updates.flush();
      const { tracks } = await services.library.list();
      const hidden = pendingDelete.held()?.track.id;
      set({ tracks: tracks.filter((t) => t.id !== hidden) });
    },
    async importFiles(files) {
      if (files.length === 0) return;
      // A file deleted a moment ago and imported again is a new import: the delete is done first.
      await get().finishDelete();
      void get().askPersistence();
      const batch = get().batch;
      const fresh = !batch || batch.cancelled || batch.analysed + batch.failed.length >= batch.total;
      if (fresh) inBatch.clear();
      set({ batch: fresh ? { total: files.length, imported: 0, analysed: 0, alreadyThere: 0, failed: [], cancelled: false } : { ...batch!, total: batch!.total + files.length } });
      for (const file of files) {
        const result = await services.library.importFile(file);
        if (result.status === 'failed') {
          // Storage full or a broken file: say so by name and carry on with the next file; stored tracks stay.
          bumpBatch((b) => ({ failed: [...b.failed, { fileName: result.fileName, error: result.error }] }));
        } else {
          bumpBatch((b) => (result.status === 'duplicate' ? { imported: b.imported + 1, analysed: b.analysed + 1, alreadyThere: b.alreadyThere + 1 } : { imported: b.imported + 1 }));
          replace(result.track);
          if (result.status === 'added') {
            inBatch.add(result.track.id);
            // After "Cancel analysis" the rest of the batch is still stored, and waits for "Resume analysis".
            if (!get().batch?.cancelled) enqueue([result.track.id]);
          }
        }
        await yieldToUi();
      }
      updates.flush();
      void refreshStorage();
    },
    async correctTrack(id, grid, alternatives) {
      replace(await services.library.update(id, { grid, corrected: true, ...(alternatives ? { alternatives } : {}) }), true);
    },
    deletedTrack: null,
    async deleteTrack(id) {
      if (get().preview?.trackId === id) get().stopPreview();
      updates.flush();
      const index = get().tracks.findIndex((t) => t.id === id);
      if (index < 0) return;
      const deleted = { track: get().tracks[index], index };
      set((s) => ({ tracks: s.tracks.filter((t) => t.id !== id), deletedTrack: deleted }));
      try {
        await pendingDelete.hold(deleted);
      } catch (e) {
        // The track deleted before could not be removed: it is still stored, so it comes back, named.
        say(`Could not delete a track: ${messageOf(e)}`);
        void get().reloadTracks();
      }
    },
    finishDelete: () => pendingDelete.flush().catch((e: unknown) => say(`Could not delete a track: ${messageOf(e)}`)),
    undoDelete() {
      const back = pendingDelete.undo();
      if (!back) return;
      set((s) => {
        const tracks = [...s.tracks];
        tracks.splice(Math.min(back.index, tracks.length), 0, back.track);
        return { tracks, deletedTrack: null };
      });
    },
    cancelAnalysis() {
      controller.abort();
      controller = new AbortController();
      queue.length = 0;
      queued.clear();
      bumpBatch(() => ({ cancelled: true }));
    },
    resumeAnalysis() {
      updates.flush();
      const ids = get().tracks.filter((t) => t.status === 'queued').map((t) => t.id);
      const b = get().batch;
      // A cancelled batch carries on counting its own tracks; otherwise the queued tracks make a new batch.
      if (b?.cancelled) set({ batch: { ...b, cancelled: false } });
      else {
        inBatch.clear();
        ids.forEach((id) => inBatch.add(id));
        set({ batch: { total: ids.length, imported: ids.length, analysed: 0, alreadyThere: 0, failed: [], cancelled: false } });
      }
      enqueue(ids);
    },
    async reanalyseTrack(id) {
      replace(await services.library.update(id, { status: 'queued', error: undefined, corrected: false }), true);
      enqueue([id]);
    },
    async startPreview(id, fromSec) {
      get().stopPreview();
      const token = ++previewToken;
      set({ preview: { trackId: id, fromSec, status: 'loading' } });
      const ended = () => {
        if (token === previewToken) set({ preview: null });
      };
      try {
        const stop = await services.preview.play(id, fromSec, ended);
        if (token !== previewToken) return stop();
        stopPlaying = stop;
        set({ preview: { trackId: id, fromSec, status: 'playing' } });
      } catch (e) {
        if (token !== previewToken) return;
        set({ preview: null });
        say(`Could not preview ${current(id)?.fileName ?? 'the track'}: ${messageOf(e)}`);
      }
    },
    stopPreview() {
      previewToken++;
      stopPlaying?.();
      stopPlaying = null;
      services.preview.stop();
      if (get().preview) set({ preview: null });
    },
    loadCover: (coverId) => services.library.getCover(coverId),
  };
};
