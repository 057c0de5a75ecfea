/** Audio bytes by content id: the Origin Private File System where it exists, IndexedDB blobs where it does not. */
import type { MontageDb } from './db';
import { messageOf } from './db';
import { StorageFullError, isQuotaError } from './quota';
import { writableOpfsRoot } from './opfs-root';

/** Where a track's audio bytes live. Writes of an id already stored are skipped: ids are content hashes. */
export interface AudioStore {
  readonly kind: 'opfs' | 'idb';
  /** Stores the bytes; throws StorageFullError (naming `fileName`) when full, leaving no partial file. */
  putAudio(id: string, blob: Blob, fileName?: string): Promise<void>;
  /** Returns the bytes, or null when this id has no (non-empty) audio. */
  getAudio(id: string): Promise<Blob | null>;
  /** Removes the bytes; does nothing when they are absent. */
  deleteAudio(id: string): Promise<void>;
  hasAudio(id: string): Promise<boolean>;
}

/** Opens the best store this browser offers: OPFS with writable streams, else IndexedDB. */
export async function openAudioStore(db: MontageDb): Promise<AudioStore> {
  const fallback = idbAudioStore(db);
  // Private windows may refuse OPFS; IndexedDB still works there.
  const root = await writableOpfsRoot();
  return root ? opfsAudioStore(root, fallback) : fallback;
}

/** An audio store of blobs in the database's `audio` store. */
export function idbAudioStore(db: MontageDb): AudioStore {
  const getAudio = async (id: string) => {
    const blob = await db.get('audio', id);
    return blob instanceof Blob && blob.size > 0 ? blob : null;
  };
  const hasAudio = async (id: string) => (await getAudio(id)) !== null;
  return {
    kind: 'idb',
    getAudio,
    hasAudio,
    async putAudio(id, blob, fileName) {
      if (await hasAudio(id)) return;
      try {
        await db.put('audio', blob, checkId(id));
      } catch (e) {
        throw saveError(e, nameOf(blob, id, fileName));
      }
    },
    async deleteAudio(id) {
      await db.delete('audio', id);
    },
  };
}

/**
 * An audio store of files in `tracks/` under the OPFS root `root`. Reads and deletes also reach `older`,
 * the IndexedDB store, so audio saved before OPFS was available is not lost.
 */
export function opfsAudioStore(root: FileSystemDirectoryHandle, older: AudioStore): AudioStore {
  let dirPromise: Promise<FileSystemDirectoryHandle> | null = null;
  const tracksDir = () => (dirPromise ??= root.getDirectoryHandle('tracks', { create: true }));
  const opfsFile = async (id: string): Promise<File | null> => {
    try {
      const file = await (await (await tracksDir()).getFileHandle(checkId(id))).getFile();
      return file.size > 0 ? file : null;
    } catch (e) {
      if (e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError')) return null;
      throw e;
    }
  };
  const hasAudio = async (id: string) => (await opfsFile(id)) !== null || older.hasAudio(id);
  return {
    kind: 'opfs',
    hasAudio,
    async putAudio(id, blob, fileName) {
      if (await hasAudio(id)) return;
      const name = nameOf(blob, id, fileName);
      const dir = await tracksDir();
      let created = false;
      try {
        const handle = await dir.getFileHandle(checkId(id), { create: true });
        created = true;
        const writable = await handle.createWritable();
        try {
          await writable.write(blob);
          await writable.close();
        } catch (e) {
          await writable.abort().catch(() => undefined);
          throw e;
        }
        const written = (await handle.getFile()).size;
        if (written !== blob.size) throw new Error(`only ${written} of ${blob.size} bytes were written`);
      } catch (e) {
        // The file did not exist before this call, so removing it loses nothing.
        if (created) await dir.removeEntry(id).catch(() => undefined);
        throw saveError(e, name);
      }
    },
    async getAudio(id) {
      return (await opfsFile(id)) ?? older.getAudio(id);
    },
    async deleteAudio(id) {
      await (await tracksDir()).removeEntry(checkId(id)).catch((e: unknown) => {
        if (!(e instanceof DOMException && e.name === 'NotFoundError')) throw e;
      });
      await older.deleteAudio(id);
    },
  };
}

function checkId(id: string): string {
  // Ids become file names: allow only what is safe in every file system.
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) throw new Error(`invalid audio id "${id.slice(0, 80)}"`);
  return id;
}

function nameOf(blob: Blob, id: string, fileName?: string): string {
  return fileName ?? (typeof File !== 'undefined' && blob instanceof File ? blob.name : id);
}

function saveError(e: unknown, fileName: string): Error {
  return isQuotaError(e)
    ? new StorageFullError(fileName, { cause: e })
    : new Error(`${fileName} could not be saved: ${messageOf(e)}`, { cause: e });
}
