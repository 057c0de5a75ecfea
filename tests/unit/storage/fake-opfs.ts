/** A minimal in-memory Origin Private File System for Node tests, able to fail a write half-way like a full disk. */

type Entry = FakeDirectory | Uint8Array;

/** A directory handle with just what audio-store uses. `failNextWrite` makes the next write store half its bytes, then throw. */
export class FakeDirectory {
  readonly entries = new Map<string, Entry>();
  failNextWrite: Error | null = null;

  async getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FakeDirectory> {
    let entry = this.entries.get(name);
    if (!entry && options?.create) this.entries.set(name, (entry = new FakeDirectory()));
    if (!(entry instanceof FakeDirectory)) throw new DOMException(`${name} not found`, 'NotFoundError');
    return entry;
  }

  async getFileHandle(name: string, options?: { create?: boolean }) {
    if (!this.entries.has(name)) {
      if (!options?.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      this.entries.set(name, new Uint8Array(0));
    }
    const entry = this.entries.get(name);
    if (!(entry instanceof Uint8Array)) throw new DOMException(`${name} is a directory`, 'TypeMismatchError');
    return {
      getFile: async () => new File([this.entries.get(name) as BlobPart], name),
      createWritable: async () => {
        let pending = new Uint8Array(0);
        return {
          write: async (blob: Blob) => {
            const bytes = new Uint8Array(await blob.arrayBuffer());
            const failure = this.failNextWrite;
            if (failure) {
              this.failNextWrite = null;
              // A disk that fills up mid-write leaves half a file behind.
              this.entries.set(name, bytes.subarray(0, bytes.length >> 1));
              throw failure;
            }
            pending = bytes;
          },
          close: async () => void this.entries.set(name, pending),
          abort: async () => undefined,
        };
      },
    };
  }

  async removeEntry(name: string): Promise<void> {
    if (!this.entries.delete(name)) throw new DOMException(`${name} not found`, 'NotFoundError');
  }
}
