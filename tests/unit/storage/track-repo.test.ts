import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/storage/content-id';
import { idbAudioStore } from '../../../src/storage/audio-store';
import { deleteTrack, getCover, getTrack, hasTrack, listTracks, putCover, putTrack, updateTrack } from '../../../src/storage/track-repo';
import { freshDb, makeTrack } from './make-track';

describe('contentId', () => {
  it('is the SHA-256 hex of the bytes, the same for a Blob and an ArrayBuffer', async () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(await contentId(new Blob([]))).toBe(empty);
    const abc = new TextEncoder().encode('abc');
    expect(await contentId(abc.buffer)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await contentId(new Blob([abc]))).toBe(await contentId(abc));
  });
});

describe('track repository', () => {
  it('puts, gets, lists (oldest first) and checks tracks', async () => {
    const db = await freshDb();
    const a = makeTrack({ id: 'a'.repeat(64), addedAt: 2 });
    const b = makeTrack({ id: 'b'.repeat(64), addedAt: 1, bpm: null, status: 'queued' });
    await putTrack(db, a);
    await putTrack(db, b);
    expect(await getTrack(db, a.id)).toEqual(a);
    expect(await getTrack(db, 'missing')).toBeNull();
    expect(await hasTrack(db, b.id)).toBe(true);
    expect(await hasTrack(db, 'missing')).toBe(false);
    expect(await listTracks(db)).toEqual({ tracks: [b, a], corrupt: [] });
  });

  it('refuses to write an invalid record, naming the field', async () => {
    const db = await freshDb();
    await expect(putTrack(db, makeTrack({ confidence: 7 }))).rejects.toThrow(/song\.mp3.*confidence/);
    expect(await hasTrack(db, makeTrack().id)).toBe(false);
  });

  it('updates fields in place and keeps the rest', async () => {
    const db = await freshDb();
    await putTrack(db, makeTrack());
    const next = await updateTrack(db, makeTrack().id, { grid: makeTrack({ bpm: 90 }).grid, corrected: true });
    expect(next).toEqual(makeTrack({ bpm: 90, corrected: true }));
    expect(await getTrack(db, next.id)).toEqual(next);
  });

  it('an invalid update leaves the stored record as it was', async () => {
    const db = await freshDb();
    await putTrack(db, makeTrack());
    await expect(updateTrack(db, makeTrack().id, { grid: { ...makeTrack().grid!, beatsPerBar: 0 } })).rejects.toThrow(/beatsPerBar/);
    await expect(updateTrack(db, makeTrack().id, { grid: { ...makeTrack().grid!, beats: new Float64Array([1, 3, 2]) } })).rejects.toThrow(/beat times must rise/);
    await expect(updateTrack(db, 'nope', { corrected: true })).rejects.toThrow(/not in the library/);
    expect(await getTrack(db, makeTrack().id)).toEqual(makeTrack());
  });

  it('deletes record, audio and cover, but keeps a cover another track still shows', async () => {
    const db = await freshDb();
    const audio = idbAudioStore(db);
    const coverId = await putCover(db, new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }));
    const one = makeTrack({ id: '1'.repeat(64), coverId });
    const two = makeTrack({ id: '2'.repeat(64), coverId });
    for (const t of [one, two]) {
      await putTrack(db, t);
      await audio.putAudio(t.id, new Blob([t.id]));
    }
    await deleteTrack(db, audio, one.id);
    expect(await hasTrack(db, one.id)).toBe(false);
    expect(await audio.hasAudio(one.id)).toBe(false);
    expect(await getCover(db, coverId)).toBeInstanceOf(Blob);
    await deleteTrack(db, audio, two.id);
    expect(await getCover(db, coverId)).toBeNull();
    expect((await listTracks(db)).tracks).toEqual([]);
  });
});
