/**
 * The hidden `<audio>` element that plays the workout's sound while it runs, so the browser treats the page as
 * playing media: iOS keeps its Web Audio running with the screen locked, Android shows the media notification.
 * Also tells iOS (Safari 17+, `navigator.audioSession`) that this is playback, not a game sound the mute switch silences.
 */

interface AudioSessionLike {
  type: string;
}

/** Creates the media element sink; `play` must be called from the user's gesture the first time. */
export function createStreamSink() {
  let element: HTMLAudioElement | null = null;
  const session = (): AudioSessionLike | null => (navigator as Navigator & { audioSession?: AudioSessionLike }).audioSession ?? null;
  return {
    async play(stream: MediaStream): Promise<boolean> {
      const s = session();
      if (s) s.type = 'playback';
      element ??= document.createElement('audio');
      element.srcObject = stream;
      try {
        await element.play();
        return true;
      } catch {
        // Refused (no gesture, no MediaStream playback): the sound stays on the plain output.
        element.srcObject = null;
        return false;
      }
    },
    pause(): void {
      element?.pause();
    },
    resume(): void {
      void element?.play().catch(() => undefined);
    },
    stop(): void {
      if (element) {
        element.pause();
        element.srcObject = null;
      }
      const s = session();
      if (s) s.type = 'auto';
    },
    /** Whether the element plays now (tests read it). */
    isPlaying: (): boolean => !!element && !element.paused && element.srcObject !== null,
  };
}
