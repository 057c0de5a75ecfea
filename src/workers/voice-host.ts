/**
 * The offline voice's worker side, apart from the worker: loads the voice when the first request comes (again
 * after a failure), says each request's texts and posts the clips (their buffers to transfer) or the error.
 */
import type { OfflineVoice } from './voice-synth';
import type { VoiceRequest, VoiceResponse } from './voice-messages';

export function serveVoice(load: () => Promise<OfflineVoice>, post: (response: VoiceResponse, transfer: ArrayBuffer[]) => void): (request: VoiceRequest) => Promise<void> {
  let voice: Promise<OfflineVoice> | null = null;
  return async ({ id, texts, sampleRate, rate }) => {
    try {
      const ready = await (voice ??= load());
      const clips = texts.map((text) => ready.say(text, { sampleRate, rate }));
      post({ id, clips }, clips.map((c) => c.buffer as ArrayBuffer));
    } catch (e) {
      voice = null;
      post({ id, error: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}
