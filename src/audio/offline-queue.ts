/**
 * Tone.Offline swaps Tone's global context for the length of a render and puts back the one it found:
 * two renders that overlap would leave the second's offline context as the global one (the live clock
 * then stands still). Every Tone.Offline render in the app goes through this queue, one at a time (the demo
 * loops render on offline contexts of their own and never touch the global one).
 */
import * as Tone from 'tone';

let tail: Promise<unknown> = Promise.resolve();

/** Runs `Tone.Offline(...args)` after every render queued before it has finished. */
export function renderOffline(...args: Parameters<typeof Tone.Offline>): ReturnType<typeof Tone.Offline> {
  const run = tail.then(() => Tone.Offline(...args));
  tail = run.catch(() => undefined);
  return run;
}
