/** A fake audio engine for store tests: a hand-moved audio clock, the program it was given, and every call made. */
import type { AppServices, PlayerEvents } from '../../../src/state/services';
import type { Program } from '../../../src/core/program';
import { contextTime } from '../../../src/core/units';

/** Returns the fake player and the handles a test moves it with. */
export function fakePlayer() {
  const calls: string[] = [];
  let ctx = 100;
  let program: Program | null = null;
  let events: PlayerEvents | null = null;
  let running = false;
  const player: AppServices['player'] = {
    async play(p, _load, fromSec, e) {
      program = p;
      events = e;
      running = true;
      calls.push(`play ${fromSec.toFixed(3)}`);
      return contextTime(ctx + 0.15);
    },
    pause: () => {
      calls.push('pause');
      running = false;
      return null;
    },
    resume: () => {
      calls.push('resume');
      running = true;
      return contextTime(ctx + 0.05);
    },
    seek: async (sec) => {
      calls.push(`seek ${sec.toFixed(3)}`);
      return running ? contextTime(ctx + 0.05) : null;
    },
    replace: async (p, sec) => {
      program = p;
      calls.push(`replace ${sec.toFixed(3)}`);
      return running ? contextTime(ctx + 0.05) : null;
    },
    stop: () => {
      running = false;
      calls.push('stop');
    },
    now: () => contextTime(ctx),
  };
  return {
    player,
    calls,
    /** The program the engine was last given. */
    program: () => program!,
    /** Moves the audio clock on by `sec` and lets the engine tick once. */
    advance(sec: number) {
      ctx += sec;
      events?.onTick?.();
    },
    /** Reports a track that failed to load. */
    fail: (message: string) => events?.onError?.(message),
  };
}
