/**
 * Garbage collection on request, for the analysis CLI. `gc` is exposed at run time the way Jest
 * does for its leak detection, so no Node flag is needed; where that is refused these do nothing.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

type Gc = (options?: { type: 'major' | 'minor' }) => void;

const gc: Gc | null = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as Gc;
  } catch {
    return null;
  }
})();

/** Native decoded bytes after which a full collection runs (see `noteNativeBytes`). */
const NATIVE_BYTES_PER_COLLECTION = 16 * 2 ** 20;
let nativeBytes = 0;

/**
 * Counts bytes the native decoder allocated, and runs a full collection once 16 MB have built up.
 * V8 cannot see those buffers and frees them only when a full collection finalizes their small JS
 * wrappers, which a process with a tiny JS heap almost never runs: without this a batch of files
 * grew by ≈ 2 MB per 30-second clip, for ever.
 * A collection costs a few milliseconds, once per ≈ 1.5 minutes of 44.1 kHz stereo.
 */
export function noteNativeBytes(bytes: number): void {
  nativeBytes += bytes;
  if (nativeBytes < NATIVE_BYTES_PER_COLLECTION) return;
  nativeBytes = 0;
  gc?.();
}

/**
 * A full collection, once after start-up: the module loader's garbage is otherwise collected during
 * the first file's analysis and billed to it.
 */
export function collectStartupGarbage(): void {
  gc?.({ type: 'major' });
}
