/**
 * The native context under Tone's: Tone builds its contexts with standardized-audio-context, whose
 * `audioWorklet.addModule` loads every module through a blob: script, which the strict CSP forbids. The
 * stretcher's module is therefore added to the native context (from this origin), found in the library's own
 * store; its nodes are then made through Tone's context as usual and join the graph like any other node.
 */
import type * as Tone from 'tone';
import { CONTEXT_STORE } from 'standardized-audio-context/build/es2019/globals';

/** Returns the native context under a Tone context; throws if there is none (never, in a browser). */
export function nativeContextOf(context: Tone.BaseContext): BaseAudioContext {
  const native = CONTEXT_STORE.get(context.rawContext as never) as BaseAudioContext | undefined;
  if (!native) throw new Error('No native audio context under the Tone context.');
  return native;
}
