/**
 * Rendered demo music kept between visits: one OPFS file per key in `demo/`, its bytes after their SHA-256.
 * A file whose checksum does not match (cut short, corrupt) reads as absent and is removed, so it is rendered
 * again. Every failure reads as "not cached": the demo then renders, the start never fails for the cache.
 */
import { writableOpfsRoot } from './opfs-root';

/** Bytes by key; `read` returns null when absent or damaged, `write` throws when the bytes could not be kept. */
export interface DemoCacheStore {
  read(key: string): Promise<ArrayBuffer | null>;
  write(key: string, bytes: ArrayBuffer): Promise<void>;
  /** Removes every file whose key is not in `keys` (loops of an older renderer). */
  keepOnly(keys: string[]): Promise<void>;
}

const DIR = 'demo';
const HASH_BYTES = 32;

/** Opens the demo cache in the Origin Private File System; null where this browser has none (or refuses it). */
export async function openDemoCache(): Promise<DemoCacheStore | null> {
  const root = await writableOpfsRoot();
  if (!root) return null;
  try {
    return opfsDemoCache(await root.getDirectoryHandle(DIR, { create: true }));
  } catch {
    return null;
  }
}

/** A demo cache of files in the directory `dir`. */
export function opfsDemoCache(dir: FileSystemDirectoryHandle): DemoCacheStore {
  const fileOf = async (key: string): Promise<FileSystemFileHandle | null> => {
    try {
      return await dir.getFileHandle(fileName(key));
    } catch {
      return null;
    }
  };
  const remove = (name: string) => dir.removeEntry(name).catch(() => undefined);
  return {
    async read(key) {
      const handle = await fileOf(key);
      if (!handle) return null;
      try {
        const data = await (await handle.getFile()).arrayBuffer();
        const payload = data.slice(HASH_BYTES);
        if (data.byteLength > HASH_BYTES && equalBytes(await sha256(payload), new Uint8Array(data, 0, HASH_BYTES))) return payload;
      } catch {
        // Unreadable: treated like a damaged file.
      }
      await remove(fileName(key));
      return null;
    },
    async write(key, bytes) {
      const name = fileName(key);
      const handle = await dir.getFileHandle(name, { create: true });
      try {
        const writable = await handle.createWritable();
        try {
          await writable.write(await sha256(bytes));
          await writable.write(bytes);
          await writable.close();
        } catch (e) {
          await writable.abort().catch(() => undefined);
          throw e;
        }
      } catch (e) {
        await remove(name);
        throw e;
      }
    },
    async keepOnly(keys) {
      const kept = new Set(keys.map(fileName));
      const stale: string[] = [];
      // Only loops: a browser's own files (Chromium's .crswap of a write under way) are left alone.
      for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.endsWith('.pcm') && !kept.has(name)) stale.push(name);
      await Promise.all(stale.map(remove));
    },
  };
}

function fileName(key: string): string {
  // Keys become file names: allow only what is safe in every file system.
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(key)) throw new Error(`invalid demo cache key "${key.slice(0, 80)}"`);
  return `${key}.pcm`;
}

async function sha256(bytes: ArrayBuffer): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
