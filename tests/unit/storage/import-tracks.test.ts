import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { MontageDb } from '../../../src/storage/db';
import { idbAudioStore } from '../../../src/storage/audio-store';
import type { AudioStore } from '../../../src/storage/audio-store';
import { contentId } from '../../../src/storage/content-id';
import { importFile } from '../../../src/storage/import-tracks';
import type { ImportDeps } from '../../../src/storage/import-tracks';
import { fileNameTags } from '../../../src/storage/read-tags';
import { getCover, getTrack, listTracks, putTrack } from '../../../src/storage/track-repo';
import { wavFile } from '../../helpers/wav';
import { badFile, freshDb, makeTrack, override } from './make-track';

const NOW = 1_750_000_000_000;
const full = () => new DOMException('full', 'QuotaExceededError');

async function setup(): Promise<ImportDeps & { db: MontageDb; audio: AudioStore }> {
  const db = await freshDb();
  return { db, audio: idbAudioStore(db), now: () => NOW };
}

/** Everything stored, to compare before and after a failed import. */
async function snapshot({ db }: { db: MontageDb }) {
  return { tracks: await listTracks(db), audio: await db.getAllKeys('audio'), covers: await db.getAllKeys('covers') };
}

describe('importFile', () => {
  it('stores the audio and a queued record for a new file', async () => {
    const deps = await setup();
    const file = wavFile('Morning Run.wav');
    const result = await importFile(file, deps);
    const id = await contentId(file);
    expect(result).toEqual({
      status: 'added',
      track: expect.objectContaining({
        id, fileName: 'Morning Run.wav', title: 'Morning Run', mimeType: 'audio/wav', sizeBytes: file.size,
        status: 'queued', grid: null, alternatives: [], confidence: 0, corrected: false, source: 'user', addedAt: NOW, coverId: null,
      }),
    });
    expect(result.status === 'added' && result.track.durationSec).toBeCloseTo(0.25, 2);
    expect(await getTrack(deps.db, id)).toEqual(result.status === 'added' && result.track);
    expect(new Uint8Array(await (await deps.audio.getAudio(id))!.arrayBuffer())).toEqual(new Uint8Array(await file.arrayBuffer()));
  });

  it('recognises the same bytes again, even under another name', async () => {
    const deps = await setup();
    const first = await importFile(wavFile('a.wav'), deps);
    const again = await importFile(wavFile('copy of a.wav'), deps);
    expect(again).toEqual({ status: 'duplicate', track: first.status === 'added' && first.track });
    expect((await listTracks(deps.db)).tracks).toHaveLength(1);
  });

  it.each([
    ['a-empty.mp3', 'a-empty.mp3: empty file'],
    ['a-random-bytes.mp3', 'a-random-bytes.mp3: not an audio file'],
    ['a-text-renamed.m4a', 'a-text-renamed.m4a: not an audio file'],
  ])('%s fails with a message naming it, and nothing is stored', async (name, error) => {
    const deps = await setup();
    await importFile(wavFile('keep.wav'), deps);
    const before = await snapshot(deps);
    expect(await importFile(badFile(name), deps)).toEqual({ status: 'failed', fileName: name, error });
    expect(await snapshot(deps)).toEqual(before);
  });

  it.each(['a-html-tags.mp3', 'a-svg-cover.mp3', 'a-tbpm--5.mp3', 'a-tbpm-abc.mp3', 'a-tbpm-99999.mp3', 'a-unicode-tags.mp3',
    'a-id3-huge-size.mp3', 'a-cut-mid.mp3', 'a-lying-size.wav'])('%s imports with a nonsense BPM tag or SVG cover ignored', async (name) => {
    const result = await importFile(badFile(name), await setup());
    expect(result.status).toBe('added');
    expect(result.status === 'added' && result.track).toMatchObject({ fileName: name, tagBpm: null, coverId: null, status: 'queued' });
  });

  it('stores a raster cover with the record', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const deps = { ...(await setup()), readTags: async (f: File) => ({ ...fileNameTags(f.name), cover: { mimeType: 'image/jpeg', bytes: jpeg } }) };
    const result = await importFile(wavFile('c.wav'), deps);
    const coverId = result.status === 'added' ? result.track.coverId : null;
    expect(coverId).toMatch(/^[0-9a-f]{64}$/);
    expect((await getCover(deps.db, coverId!))?.type).toBe('image/jpeg');
  });

  it('a full disk while saving the audio fails with "storage is full" and loses nothing', async () => {
    const deps = await setup();
    await importFile(wavFile('old.wav', 300), deps);
    const before = await snapshot(deps);
    const audio: AudioStore = { ...deps.audio, putAudio: () => Promise.reject(full()) };
    const result = await importFile(wavFile('new.wav', 500), { ...deps, audio });
    expect(result).toEqual({ status: 'failed', fileName: 'new.wav', error: 'storage is full: new.wav was not saved' });
    expect(await snapshot(deps)).toEqual(before);
  });

  it('a full disk while saving the record removes the audio it wrote and loses nothing', async () => {
    const deps = await setup();
    await importFile(wavFile('old.wav', 300), deps);
    const before = await snapshot(deps);
    const result = await importFile(wavFile('new.wav', 500), { ...deps, db: withFullTracksStore(deps.db) });
    expect(result).toEqual({ status: 'failed', fileName: 'new.wav', error: 'storage is full: new.wav was not saved' });
    expect(await snapshot(deps)).toEqual(before);
  });

  it('gives a backup-restored record its audio back and keeps its analysis', async () => {
    const deps = await setup();
    const file = wavFile('restored.wav', 700);
    const id = await contentId(file);
    await putTrack(deps.db, makeTrack({ id, fileName: 'restored.wav', bpm: 128, corrected: true, status: 'failed', error: 'audio file missing: import restored.wav again' }));
    const result = await importFile(file, deps);
    expect(result.status).toBe('added');
    const track = await getTrack(deps.db, id);
    expect(track).toMatchObject({ status: 'ready', grid: { bpm: 128 }, corrected: true, sizeBytes: file.size, mimeType: 'audio/wav' });
    expect(track?.error).toBeUndefined();
    expect(await deps.audio.hasAudio(id)).toBe(true);
  });

  it('replaces a damaged record when the file is imported again', async () => {
    const deps = await setup();
    const file = wavFile('fix.wav', 900);
    const id = await contentId(file);
    await deps.db.put('tracks', { id, bpm: 'garbage' } as never);
    const result = await importFile(file, deps);
    expect(result.status).toBe('added');
    expect(await getTrack(deps.db, id)).toMatchObject({ fileName: 'fix.wav', status: 'queued' });
  });
});

/** Returns `db` whose writes to the tracks store fail as on a full disk (the transaction aborts with QuotaExceededError). */
function withFullTracksStore(db: MontageDb): MontageDb {
  return override(db, {
    transaction: (...args: Parameters<MontageDb['transaction']>) => {
      const tx = db.transaction(...args);
      if (args[1] !== 'readwrite') return tx;
      return override(tx, {
        objectStore: (name: 'tracks' | 'covers') => {
          const store = tx.objectStore(name);
          if (name !== 'tracks') return store;
          return override(store, {
            put: () => {
              tx.abort();
              return Promise.reject(full());
            },
          });
        },
      });
    },
  });
}
