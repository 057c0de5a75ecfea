/**
 * The hidden `<audio>` element that plays the workout's sound while it runs, so the browser treats the page as
 * playing media: iOS keeps its Web Audio running with the screen locked, Android shows the media notification.
 * Also tells iOS (Safari 17+, `navigator.audioSession`) that this is playback, not a game sound the mute switch silences.
 */

interface AudioSessionLike {
  type: string;
}

// A tenth of a second of silence as a WAV file (8 kHz, 8-bit mono), to play in the tap itself.
function silentWav(): Blob {
  const samples = 800;
  const view = new DataView(new ArrayBuffer(44 + samples));
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) view.setUint8(44 + i, 128);
  return new Blob([view.buffer], { type: 'audio/wav' });
}

/** Creates the media element sink; `prime` it in the user's tap, then `play` may follow a moment later. */
export function createStreamSink() {
  let element: HTMLAudioElement | null = null;
  let primed = false;
  const session = (): AudioSessionLike | null => (navigator as Navigator & { audioSession?: AudioSessionLike }).audioSession ?? null;
  return {
    /**
     * Plays silence in the element now, inside the user's tap: iOS lets a media element play later only once it
     * has played in a gesture, and the stream only exists after the audio code has loaded.
     */
    prime(): void {
      if (primed) return;
      primed = true;
      element ??= document.createElement('audio');
      element.src = URL.createObjectURL(silentWav());
      void element.play().catch(() => undefined);
    },
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
