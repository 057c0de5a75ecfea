/**
 * The device around a running workout: the lock-screen media controls (Media Session) and keeping the
 * screen on (Screen Wake Lock). Both are optional in browsers; missing APIs are ignored.
 */

/** What the lock screen shows and the buttons it offers. */
export interface NowPlayingInfo {
  title: string;
  artist: string;
  album: string;
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
    setNowPlaying(info: NowPlayingInfo | null, handlers: MediaHandlers | null, playing: boolean): void {
      if (!('mediaSession' in navigator)) return;
      const ms = navigator.mediaSession;
      ms.metadata = info ? new MediaMetadata({ title: info.title, artist: info.artist, album: info.album, artwork: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }] }) : null;
      ms.playbackState = info ? (playing ? 'playing' : 'paused') : 'none';
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
