/** What the page and the offline voice's worker (voice.worker.ts) say to each other. */

/** Say each of `texts` at `rate` as mono clips at `sampleRate`. */
export interface VoiceRequest {
  id: number;
  texts: string[];
  sampleRate: number;
  rate: number;
}

/** The clips, one per text (their buffers transferred), or why there are none. */
export type VoiceResponse = { id: number; clips: Float32Array[] } | { id: number; error: string };
