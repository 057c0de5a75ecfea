/**
 * Garbage collection on request, for the analysis CLI. `gc` is exposed at run time the way Jest
 * does for its leak detection, so no Node flag is needed; where that is refused both calls do nothing.
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

/**
 * A young-generation collection. The native decoder's buffers are invisible to V8, which therefore
 * never hurries to collect their small JS wrappers: a 10-minute track would hold ≈ 200 MB of dead
 * audio at its peak. A scavenge after each decoded run frees them for a fraction of a millisecond.
 */
export function collectYoung(): void {
  gc?.({ type: 'minor' });
}

/**
 * A full collection, once after start-up: the module loader's garbage (tsx transpiles every source
 * file) is otherwise collected during the first file's analysis and billed to it.
 */
export function collectStartupGarbage(): void {
  gc?.({ type: 'major' });
}
