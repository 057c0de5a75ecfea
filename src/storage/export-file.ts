/**
 * Where an exported workout file is written while it is made: a file in the Origin Private File System
 * (`exports/`), written piece by piece, so an hour of audio never sits in memory; where a browser has no writable
 * OPFS, Blob pieces (which the browser may keep on disk). Only the newest export is kept. A cancelled or failed
 * export removes its half-written file; a file is only offered once it is whole.
 */
import { writableOpfsRoot } from './opfs-root';

/** A file being written. */
export interface ExportFile {
  write(bytes: Uint8Array): Promise<void>;
  /** Finishes the file and returns it (to download). */
  close(): Promise<Blob>;
  /** Drops the half-written file. */
  abort(): Promise<void>;
}

const DIR = 'exports';

const isQuota = (e: unknown): boolean => e instanceof DOMException && e.name === 'QuotaExceededError';

/** Returns a new export file named `name` (earlier exports are removed first). */
export async function createExportFile(name: string): Promise<ExportFile> {
  const root = await writableOpfsRoot();
  if (!root) return blobFile();
  const dir = await root.getDirectoryHandle(DIR, { create: true });
  for await (const entry of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) await dir.removeEntry(entry).catch(() => undefined);
  const handle = await dir.getFileHandle(safeName(name), { create: true });
  const writable = await handle.createWritable();
  let closed = false;
  const drop = async () => {
    if (!closed) await writable.abort().catch(() => undefined);
    closed = true;
    await dir.removeEntry(handle.name).catch(() => undefined);
  };
  return {
    async write(bytes) {
      try {
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
      } catch (e) {
        await drop();
        throw new Error(isQuota(e) ? `There is not enough storage left on this device to write "${name}".` : `"${name}" could not be written: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
    },
    async close() {
      try {
        await writable.close();
      } catch (e) {
        await drop();
        throw new Error(isQuota(e) ? `There is not enough storage left on this device to write "${name}".` : `"${name}" could not be finished: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      closed = true;
      return handle.getFile();
    },
    abort: drop,
  };
}

// The file's name in OPFS (the download keeps the workout's own name).
const safeName = (name: string): string => name.replace(/[\\/:*?"<>|]/g, '_').slice(0, 200) || 'workout';

function blobFile(): ExportFile {
  let parts: Blob[] = [];
  return {
    write: async (bytes) => void parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>])),
    close: async () => new Blob(parts),
    abort: async () => {
      parts = [];
    },
  };
}
