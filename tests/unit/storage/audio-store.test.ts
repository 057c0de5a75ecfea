import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbAudioStore, openAudioStore, opfsAudioStore } from '../../../src/storage/audio-store';
import { StorageFullError } from '../../../src/storage/quota';
import { FakeDirectory } from './fake-opfs';
import { freshDb } from './make-track';

const blob = (text: string) => new Blob([text], { type: 'audio/mpeg' });
const full = () => new DOMException('full', 'QuotaExceededError');

describe('idbAudioStore', () => {
  it('stores, finds, returns and deletes audio by id', async () => {
    const store = idbAudioStore(await freshDb());
    expect(await store.getAudio('abc')).toBeNull();
    await store.putAudio('abc', blob('hello'));
    expect(await store.hasAudio('abc')).toBe(true);
    expect(await (await store.getAudio('abc'))!.text()).toBe('hello');
    await store.deleteAudio('abc');
    expect(await store.hasAudio('abc')).toBe(false);
    await store.deleteAudio('abc');
  });

  it('turns a quota error into StorageFullError naming the file, keeping what was stored', async () => {
    const db = await freshDb();
    const store = idbAudioStore(db);
    await store.putAudio('old', blob('old'));
    const put = db.put.bind(db);
    db.put = (() => Promise.reject(full())) as typeof db.put;
    const error = await store.putAudio('new', blob('new'), 'new song.mp3').catch((e: unknown) => e);
    db.put = put;
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe('storage is full: new song.mp3 was not saved');
    expect(await (await store.getAudio('old'))!.text()).toBe('old');
    expect(await store.hasAudio('new')).toBe(false);
  });

  it('refuses ids that are not safe file names', async () => {
    const store = idbAudioStore(await freshDb());
    await expect(store.putAudio('../etc/passwd', blob('x'))).rejects.toThrow(/invalid audio id/);
  });
});

describe('opfsAudioStore', () => {
  it('writes files under tracks/ and reads them back', async () => {
    const root = new FakeDirectory();
    const store = opfsAudioStore(root as unknown as FileSystemDirectoryHandle, idbAudioStore(await freshDb()));
    await store.putAudio('abc', blob('hello'));
    const dir = root.entries.get('tracks') as FakeDirectory;
    expect(dir.entries.has('abc')).toBe(true);
    expect(await (await store.getAudio('abc'))!.text()).toBe('hello');
    await store.deleteAudio('abc');
    expect(await store.hasAudio('abc')).toBe(false);
  });

  it('still finds audio saved in IndexedDB before OPFS was available, and deletes it from both', async () => {
    const older = idbAudioStore(await freshDb());
    await older.putAudio('legacy', blob('from idb'));
    const store = opfsAudioStore(new FakeDirectory() as unknown as FileSystemDirectoryHandle, older);
    expect(await store.hasAudio('legacy')).toBe(true);
    expect(await (await store.getAudio('legacy'))!.text()).toBe('from idb');
    await store.putAudio('legacy', blob('from idb'));
    await store.deleteAudio('legacy');
    expect(await older.hasAudio('legacy')).toBe(false);
  });

  it('removes the partial file when the disk fills mid-write and names the file', async () => {
    const root = new FakeDirectory();
    const store = opfsAudioStore(root as unknown as FileSystemDirectoryHandle, idbAudioStore(await freshDb()));
    await store.putAudio('kept', blob('kept bytes'));
    const dir = root.entries.get('tracks') as FakeDirectory;
    dir.failNextWrite = full();
    await expect(store.putAudio('big', new File(['0123456789'], 'Big Song.flac'))).rejects.toThrow('storage is full: Big Song.flac was not saved');
    expect(dir.entries.has('big')).toBe(false);
    expect(await store.hasAudio('big')).toBe(false);
    expect(await (await store.getAudio('kept'))!.text()).toBe('kept bytes');
  });

  it('does not rewrite (or risk) audio that is already stored under the same content id', async () => {
    const root = new FakeDirectory();
    const store = opfsAudioStore(root as unknown as FileSystemDirectoryHandle, idbAudioStore(await freshDb()));
    await store.putAudio('same', blob('bytes'));
    (root.entries.get('tracks') as FakeDirectory).failNextWrite = full();
    await store.putAudio('same', blob('bytes'));
    expect(await (await store.getAudio('same'))!.text()).toBe('bytes');
  });

  it('reports other write failures with the file name', async () => {
    const root = new FakeDirectory();
    const store = opfsAudioStore(root as unknown as FileSystemDirectoryHandle, idbAudioStore(await freshDb()));
    await store.putAudio('warm', blob('x'));
    (root.entries.get('tracks') as FakeDirectory).failNextWrite = new DOMException('gone', 'InvalidStateError');
    await expect(store.putAudio('y', blob('y'), 'y.mp3')).rejects.toThrow('y.mp3 could not be saved: gone');
  });
});

describe('openAudioStore', () => {
  it('falls back to IndexedDB where OPFS is missing (as in Node)', async () => {
    expect((await openAudioStore(await freshDb())).kind).toBe('idb');
  });
});
