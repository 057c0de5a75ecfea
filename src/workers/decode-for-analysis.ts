/**
 * Main-thread decoding for analysis: the browser's decoder (`decodeAudioData`) turns any file it
 * supports into PCM, and an OfflineAudioContext at 22 050 Hz downmixes and resamples it to the
 * mono signal the analysis worker wants.
 */

/** Sample rate of the PCM returned by `decodeForAnalysis`, Hz. */
export const ANALYSIS_INPUT_RATE = 22050;

/** Mono PCM ready to transfer to the analysis worker. */
export interface AnalysisInput {
  pcm: Float32Array;
  sampleRate: number;
  /** Duration of the decoded audio, seconds. */
  durationSec: number;
}

/** Decodes `bytes` (the buffer is consumed) and returns mono 22 050 Hz PCM; rejects when the browser cannot decode it. */
export async function decodeForAnalysis(bytes: ArrayBuffer): Promise<AnalysisInput> {
  if (bytes.byteLength === 0) throw new Error('empty file');
  // Decoding needs a context of any rate; the offline one below only resamples and downmixes.
  const decoder = new OfflineAudioContext(1, 1, ANALYSIS_INPUT_RATE);
  const decoded = await decoder.decodeAudioData(bytes);
  if (decoded.length === 0) throw new Error('no audio in file');
  const frames = Math.max(1, Math.ceil(decoded.duration * ANALYSIS_INPUT_RATE));
  const context = new OfflineAudioContext(1, frames, ANALYSIS_INPUT_RATE);
  const source = context.createBufferSource();
  source.buffer = decoded;
  source.connect(context.destination); // a mono destination downmixes with the speaker rules
  source.start();
  const rendered = await context.startRendering();
  return { pcm: rendered.getChannelData(0), sampleRate: ANALYSIS_INPUT_RATE, durationSec: decoded.duration };
}
