/** The Origin Private File System where this browser can write files into it. */

/** Returns the OPFS root directory, or null where there is none, it cannot write files, or it is refused (private windows). */
export async function writableOpfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  const storage = globalThis.navigator?.storage;
  const canWrite = typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype;
  if (!storage?.getDirectory || !canWrite) return null;
  try {
    return await storage.getDirectory();
  } catch {
    return null;
  }
}
