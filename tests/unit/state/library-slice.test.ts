import { describe, it, expect } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import type { AppServices, TrackAnalysis } from '../../../src/state/services';
import type { TrackRecord } from '../../../src/core/track';
import { makeTrack } from '../storage/make-track';
import { halveTempo, setBeatsPerBar, steadyGrid } from '../../../src/core/beat-grid';

const grid: TrackAnalysis = { grid: steadyGrid(128, 0.1, 0.1, 4), alternatives: [{ bpm: 96, score: 0.7 }], confidence: 0.9, durationSec: 20 };

/** Fake library, analysis and preview services over an in-memory map; analysis waits until `release()`. */
function fakeServices(options: { fullAt?: Set<string>; holdAnalysis?: boolean; parallel?: number } = {}) {
  const db = new Map<string, TrackRecord>();
  const calls: string[] = [];
  const waiting: { resolve: (a: TrackAnalysis) => void; reject: (e: unknown) => void }[] = [];
  const library: AppServices['library'] = {
    list: async () => ({ tracks: [...db.values()], problems: [] }),
    async importFile(file) {
      calls.push(`import ${file.name}`);
      if (options.fullAt?.has(file.name)) return { status: 'failed', fileName: file.name, error: `storage is full: ${file.name} was not saved` };
      const known = db.get(file.name.replace(/\W/g, '_'));
      if (known) return { status: 'duplicate', track: known };
      const track = makeTrack({ id: file.name.replace(/\W/g, '_'), fileName: file.name, title: file.name, status: 'queued', bpm: null });
      db.set(track.id, track);
      return { status: 'added', track };
    },
    async update(id, patch) {
      const next = { ...db.get(id)!, ...patch, id };
      db.set(id, next);
      return next;
    },
    remove: async (id) => void db.delete(id),
    getAudio: async () => new Blob([new Uint8Array(4)]),
    getCover: async () => null,
    estimate: async () => ({ usedBytes: 1, quotaBytes: 2 }),
    requestPersistence: async () => 'granted',
    persistence: async () => 'persisted',
  };
  const analysis: AppServices['analysis'] = {
    parallel: options.parallel ?? 2,
    analyze: (_audio, { signal }) =>
      options.holdAnalysis
        ? new Promise((resolve, reject) => {
            waiting.push({ resolve, reject });
            signal?.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
          })
        : Promise.resolve(grid),
  };
  const preview: AppServices['preview'] = {
    async play(id, fromSec, onEnd) {
      calls.push(`play ${id} ${fromSec}`);
      return () => {
        calls.push(`stop ${id}`);
        onEnd?.();
      };
    },
    stop: () => undefined,
  };
  const services = { library, analysis, preview, now: () => 0 } as Partial<AppServices> as AppServices;
  return { services, db, calls, release: () => waiting.splice(0).forEach((w) => w.resolve(grid)) };
}

const file = (name: string) => new File([new Uint8Array(8)], name);
const settle = async (until: () => boolean) => {
  for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('library slice', () => {
  it('goes on after a file that did not fit, keeps what was stored and names the file', async () => {
    const fake = fakeServices({ fullAt: new Set(['b.mp3']) });
    const store = createAppStore(fake.services);
    await store.getState().importFiles([file('a.mp3'), file('b.mp3'), file('c.mp3')]);
    expect(fake.calls.filter((c) => c.startsWith('import'))).toEqual(['import a.mp3', 'import b.mp3', 'import c.mp3']);
    expect(store.getState().batch?.failed).toEqual([{ fileName: 'b.mp3', error: 'storage is full: b.mp3 was not saved' }]);
    expect(store.getState().tracks.map((t) => t.fileName)).toEqual(['a.mp3', 'c.mp3']);
    await settle(() => store.getState().tracks.every((t) => t.status === 'ready'));
    expect(store.getState().tracks.map((t) => t.grid?.bpm)).toEqual([128, 128]);
    expect(store.getState().tracks[0].alternatives).toEqual([{ bpm: 96, score: 0.7 }]);
  });

  it('applies the records of a 500-file import in a few array updates, not one per file', async () => {
    const fake = fakeServices({ holdAnalysis: true });
    const store = createAppStore(fake.services);
    let arrays = 0;
    store.subscribe((s, prev) => void (s.tracks !== prev.tracks && arrays++));
    await store.getState().importFiles(Array.from({ length: 500 }, (_, i) => file(`t${i}.mp3`)));
    expect(store.getState().tracks).toHaveLength(500);
    expect(arrays).toBeLessThan(250);
    store.getState().cancelAnalysis();
  });

  it('keeps the analysis service exactly as busy as it can be: as many tracks at once as it says, no more', async () => {
    for (const parallel of [1, 3, 5]) {
      const fake = fakeServices({ holdAnalysis: true, parallel });
      const store = createAppStore(fake.services);
      await store.getState().importFiles(Array.from({ length: 8 }, (_, i) => file(`t${i}.mp3`)));
      const analysing = () => store.getState().tracks.filter((t) => t.status === 'analyzing').length;
      await settle(() => analysing() === parallel);
      await new Promise((r) => setTimeout(r, 20));
      expect(analysing()).toBe(parallel);
      store.getState().cancelAnalysis();
    }
  });

  it('counts the files that were already in the library, so a re-import says so instead of "2 of 2"', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    await store.getState().importFiles([file('a.mp3'), file('b.mp3')]);
    await settle(() => store.getState().tracks.every((t) => t.status === 'ready'));
    await store.getState().importFiles([file('a.mp3'), file('c.mp3')]);
    expect(store.getState().batch).toMatchObject({ total: 2, alreadyThere: 1 });
    await settle(() => store.getState().tracks.every((t) => t.status === 'ready'));
    expect(store.getState().tracks).toHaveLength(3);
  });

  it('cancels analysis: the tracks wait as queued until resumed', async () => {
    const fake = fakeServices({ holdAnalysis: true });
    const store = createAppStore(fake.services);
    await store.getState().importFiles([file('a.mp3'), file('b.mp3'), file('c.mp3')]);
    await settle(() => store.getState().tracks.some((t) => t.status === 'analyzing'));
    store.getState().cancelAnalysis();
    await settle(() => store.getState().tracks.every((t) => t.status === 'queued'));
    expect(store.getState().tracks.map((t) => t.status)).toEqual(['queued', 'queued', 'queued']);
    expect([...fake.db.values()].map((t) => t.status)).toEqual(['queued', 'queued', 'queued']);
    expect(store.getState().batch?.cancelled).toBe(true);

    store.getState().resumeAnalysis();
    await settle(() => {
      fake.release();
      return store.getState().tracks.every((t) => t.status === 'ready');
    });
    expect(store.getState().tracks.map((t) => t.status)).toEqual(['ready', 'ready', 'ready']);
    expect(store.getState().batch).toMatchObject({ analysed: 3, total: 3, cancelled: false });
  });

  it('saves corrections at once and re-analysis drops them', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    await store.getState().importFiles([file('a.mp3')]);
    await settle(() => store.getState().tracks[0]?.status === 'ready');
    await store.getState().correctTrack('a_mp3', setBeatsPerBar(halveTempo(store.getState().tracks[0].grid!), 3));
    expect(store.getState().tracks[0]).toMatchObject({ grid: { bpm: 64, beatsPerBar: 3 }, corrected: true });
    await store.getState().reanalyseTrack('a_mp3');
    await settle(() => store.getState().tracks[0].status === 'ready');
    expect(store.getState().tracks[0]).toMatchObject({ grid: { bpm: 128, beatsPerBar: 4 }, corrected: false });
  });

  it('plays one preview at a time and forgets it when it ends', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    await store.getState().startPreview('x', 1.5);
    expect(store.getState().preview).toEqual({ trackId: 'x', fromSec: 1.5, status: 'playing' });
    await store.getState().startPreview('y', 0);
    expect(fake.calls).toEqual(['play x 1.5', 'stop x', 'play y 0']);
    expect(store.getState().preview?.trackId).toBe('y');
    store.getState().stopPreview();
    expect(store.getState().preview).toBeNull();
    expect(fake.calls.at(-1)).toBe('stop y');
  });
});

describe('deleting a track offers undo', () => {
  it('takes the track off at once, keeps it stored until the undo time is up, and undo puts it back where it was', async () => {
    const fake = fakeServices({ holdAnalysis: true });
    const store = createAppStore(fake.services);
    await store.getState().importFiles([file('a.mp3'), file('b.mp3'), file('c.mp3')]);
    await settle(() => store.getState().tracks.length === 3);
    await store.getState().deleteTrack('b_mp3');
    expect(store.getState().tracks.map((t) => t.id)).toEqual(['a_mp3', 'c_mp3']);
    expect(store.getState().deletedTrack?.track.id).toBe('b_mp3');
    expect(fake.db.has('b_mp3')).toBe(true);
    // An analysis finishing meanwhile does not bring the row back; the undo gets its result.
    fake.release();
    await settle(() => store.getState().deletedTrack?.track.status === 'ready');
    await new Promise((r) => setTimeout(r, 40));
    expect(store.getState().tracks.map((t) => t.id)).toEqual(['a_mp3', 'c_mp3']);
    // Another tab's change re-reads the list: the deleted track stays off.
    await store.getState().reloadTracks();
    expect(store.getState().tracks.map((t) => t.id)).toEqual(['a_mp3', 'c_mp3']);
    store.getState().undoDelete();
    expect(store.getState().tracks.map((t) => t.id)).toEqual(['a_mp3', 'b_mp3', 'c_mp3']);
    expect(store.getState().tracks[1].status).toBe('ready');
    expect(store.getState().deletedTrack).toBeNull();
    expect(fake.db.has('b_mp3')).toBe(true);
  });

  it('removes it from storage when dismissed, or when another track is deleted', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    await store.getState().importFiles([file('a.mp3'), file('b.mp3'), file('c.mp3')]);
    await settle(() => store.getState().tracks.every((t) => t.status === 'ready'));
    await store.getState().deleteTrack('a_mp3');
    await store.getState().deleteTrack('b_mp3');
    expect(fake.db.has('a_mp3')).toBe(false);
    expect(fake.db.has('b_mp3')).toBe(true);
    expect(store.getState().deletedTrack?.track.id).toBe('b_mp3');
    await store.getState().finishDelete();
    expect(fake.db.has('b_mp3')).toBe(false);
    expect(store.getState().deletedTrack).toBeNull();
    store.getState().undoDelete();
    expect(store.getState().tracks.map((t) => t.id)).toEqual(['c_mp3']);
  });
});
