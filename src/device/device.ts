/**
 * The device around a running workout: the lock-screen media controls (Media Session: metadata, playback and
 * position state, play/pause/next/stop) and keeping the screen on (Screen Wake Lock). Both are optional in
 * browsers; missing APIs are ignored.
 */

/** What the lock screen shows, and where the workout is in its length (seconds). */
export interface NowPlayingInfo {
  title: string;
  artist: string;
  album: string;
  positionSec: number;
  durationSec: number;
}

/** Handlers for the lock-screen buttons. */
export interface MediaHandlers {
  play(): void;
  pause(): void;
  next(): void;
  stop(): void;
}

/** Creates the device service. */
export function createDevice() {
  let lock: WakeLockSentinel | null = null;
  let wantLock = false;
  const acquire = async () => {
    if (!wantLock || lock || !('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    try {
      lock = await navigator.wakeLock.request('screen');
      lock.addEventListener('release', () => (lock = null));
    } catch {
      // Refused (battery saver, no permission): the workout goes on with the screen's own timeout.
    }
  };
  // The browser drops the lock when the page is hidden; take it again when the user comes back.
  document.addEventListener('visibilitychange', () => void acquire());
  return {
    /** Shows `info` and its buttons on the lock screen (null clears it), playing or paused. */
    setNowPlaying(info: NowPlayingInfo | null, handlers: MediaHandlers | null, playing: boolean): void {
      if (!('mediaSession' in navigator)) return;
      const ms = navigator.mediaSession;
      ms.metadata = info ? new MediaMetadata({ title: info.title, artist: info.artist, album: info.album, artwork: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }] }) : null;
      ms.playbackState = info ? (playing ? 'playing' : 'paused') : 'none';
      try {
        // The browser moves the position on by itself while playing; a paused state holds it.
        if (info && info.durationSec > 0) ms.setPositionState?.({ duration: info.durationSec, position: Math.min(info.durationSec, Math.max(0, info.positionSec)), playbackRate: 1 });
        else ms.setPositionState?.();
      } catch {
        // Older browsers without position state, or a position the browser refuses: the rest still shows.
      }
      const set = (action: MediaSessionAction, fn: (() => void) | null) => {
        try {
          ms.setActionHandler(action, fn);
        } catch {
          // Not every browser knows every action.
        }
      };
      set('play', handlers?.play ?? null);
      set('pause', handlers?.pause ?? null);
      set('nexttrack', handlers?.next ?? null);
      set('stop', handlers?.stop ?? null);
    },
    /** Keeps the screen on while `on` (taken again when the page comes back into view). */
    keepAwake(on: boolean): void {
      wantLock = on;
      if (on) void acquire();
      else {
        void lock?.release();
        lock = null;
      }
    },
  };
}
