/**
 * Main-thread decoding for analysis. The browser's decoder (`decodeAudioData`) only exists here, so this
 * file decodes and nothing more: at the file's own sample rate (no resampling), into channel arrays that
 * are transferred to the analysis worker, which downmixes and downsamples them once, exactly as the CLI
 * does (scripts/decode-file.ts). An MP3 is decoded in runs of whole frames, each run after the first
 * starting WARMUP_FRAMES early and keeping only its own frames' samples (as scripts/native-decode.ts):
 * a decode hands the page an AudioBuffer that it allocates and fills on the main thread, and a whole
 * 4-minute track at 44.1 kHz (85 MB) would make that one task of about 100 ms; a run makes one of a few.
 * Other containers are decoded whole.
 */
import { indexFrames, type FrameIndex } from './mp3-frames';
import { nativeSampleRate } from './native-rate';

/** Decoded audio at its own rate, as the worker wants it (see `AnalysisInput` in analysis-messages.ts). */
export interface DecodedAudio {
  /** Stretches in order, each the channels of that stretch (views of equal length, transferable). */
  chunks: Float32Array[][];
  sampleRate: number;
  /** Samples per channel over all chunks. */
  frames: number;
  /** Duration of the decoded audio, seconds. */
  durationSec: number;
}

/** Frames per MP3 run (400 MPEG-1 frames ≈ 10 s, an AudioBuffer of ≈ 3.7 MB in stereo). */
export const FRAMES_PER_RUN = 400;
/** Frames decoded before each run and thrown away: enough for a 511-byte bit reservoir at 8 kbit/s. */
export const WARMUP_FRAMES = 12;
/** Context rate for containers whose header does not say (the most common rate). */
export const DEFAULT_RATE = 44100;

// One decoding context per rate, kept: each one holds resources until it is collected.
const contexts = new Map<number, OfflineAudioContext>();
export const decodeAt = (bytes: Uint8Array, rate: number): Promise<AudioBuffer> => {
  let context = contexts.get(rate);
  if (!context) contexts.set(rate, (context = new OfflineAudioContext(1, 1, rate)));
  // decodeAudioData detaches what it is given: hand it a copy of just these bytes.
  return context.decodeAudioData(bytes.slice().buffer);
};

const channelsOf = (buffer: AudioBuffer, skip: number): Float32Array[] =>
  Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).subarray(skip));

/** Decodes `bytes` (a whole file) at its own sample rate; rejects when the browser cannot decode it. */
export async function decodeForAnalysis(bytes: ArrayBuffer): Promise<DecodedAudio> {
  if (bytes.byteLength === 0) throw new Error('empty file');
  const data = new Uint8Array(bytes);
  const index = indexFrames(data);
  if (index && index.count > FRAMES_PER_RUN) {
    const runs = await decodeMp3Runs(data, index).catch(() => null);
    if (runs) return runs;
    // A damaged stream decodes short somewhere: the whole-file decode says what the browser makes of it.
  }
  const buffer = await decodeAt(data, index?.sampleRate ?? nativeSampleRate(data) ?? DEFAULT_RATE);
  if (buffer.length === 0) throw new Error('no audio in file');
  return { chunks: [channelsOf(buffer, 0)], sampleRate: buffer.sampleRate, frames: buffer.length, durationSec: buffer.duration };
}

/** Decodes an MP3 run by run (the next run decoding while this one is taken); null when a run decodes short. */
async function decodeMp3Runs(data: Uint8Array, index: FrameIndex): Promise<DecodedAudio | null> {
  const { starts, count, samplesPerFrame, sampleRate } = index;
  const decodeRun = (first: number): Promise<AudioBuffer> => {
    const run = decodeAt(data.subarray(starts[Math.max(0, first - WARMUP_FRAMES)], starts[Math.min(count, first + FRAMES_PER_RUN)]), sampleRate);
    run.catch(() => undefined); // awaited below; this only keeps an early exit from leaving it unhandled
    return run;
  };
  const chunks: Float32Array[][] = [];
  let frames = 0;
  let next = decodeRun(0);
  for (let first = 0; first < count; first += FRAMES_PER_RUN) {
    const buffer = await next;
    if (first + FRAMES_PER_RUN < count) next = decodeRun(first + FRAMES_PER_RUN);
    if (buffer.sampleRate !== sampleRate) return null;
    // The first run keeps whatever the decoder makes of the stream's start (encoder-delay trimming included).
    const wanted = first === 0 ? buffer.length : (Math.min(count, first + FRAMES_PER_RUN) - first) * samplesPerFrame;
    if (buffer.length === 0 || buffer.length < wanted) return null;
    chunks.push(channelsOf(buffer, buffer.length - wanted));
    frames += wanted;
  }
  return { chunks, sampleRate, frames, durationSec: frames / sampleRate };
}
