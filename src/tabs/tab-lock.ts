/**
 * One tab plays at a time. Starting a workout takes the `montage-audio` Web Lock with `steal`, which
 * aborts the lock of any other tab: that tab stops its audio and says so. Where Web Locks are missing,
 * a BroadcastChannel message does the same job.
 */

/** The message shown in a tab whose workout was stopped because another tab started one. */
export const PLAYING_ELSEWHERE = 'Playing in another tab: this tab stopped its workout. Press Start to play here instead.';

const LOCK_NAME = 'montage-audio';

/** The part of the player service the lock wraps. */
interface LockablePlayer {
  play(...args: never[]): Promise<unknown>;
  stop(): void;
}

/**
 * Returns `player` with `play` taking the audio lock first and `stop` releasing it. When another tab
 * takes the lock, this tab's player is stopped and `onLost` runs.
 */
export function withTabLock<P extends LockablePlayer>(player: P, onLost: () => void): P {
  let generation = 0;
  let release: (() => void) | null = null;
  let holding = false;
  let lost = false;
  const tabId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(LOCK_NAME);
  const locks = globalThis.navigator?.locks;

  const loseAudio = (gen: number) => {
    if (gen !== generation || !holding) return;
    release = null;
    holding = false;
    lost = true;
    player.stop();
    onLost();
  };
  const releaseLock = () => {
    generation++;
    holding = false;
    release?.();
    release = null;
  };
  const acquire = async () => {
    releaseLock();
    const gen = generation;
    holding = true;
    lost = false;
    if (!locks) {
      channel?.postMessage({ type: 'playing', tabId });
      return;
    }
    await new Promise<void>((granted) => {
      locks
        .request(LOCK_NAME, { steal: true }, () => new Promise<void>((resolve) => {
          release = resolve;
          granted();
        }))
        // Stolen by another tab: the request rejects with an AbortError.
        .catch(() => loseAudio(gen));
    });
  };
  if (!locks && channel) {
    channel.onmessage = (e: MessageEvent<{ type: string; tabId: string }>) => {
      if (e.data?.type === 'playing' && e.data.tabId !== tabId) loseAudio(generation);
    };
  }

  const play = async (...args: never[]) => {
    await acquire();
    const started = await player.play(...args);
    // Another tab started while this one was still loading its music.
    if (lost) {
      player.stop();
      throw new Error('Playing in another tab');
    }
    return started;
  };
  const stop = () => {
    releaseLock();
    player.stop();
  };
  return { ...player, play, stop } as P;
}
