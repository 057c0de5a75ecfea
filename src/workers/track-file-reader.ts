/**
 * Stored audio opened for the export, to be read a stretch at a time at its own sample rate: an MP3 decoded in
 * runs of whole frames, each after the first starting a few frames early and keeping only its own frames' samples
 * (the same runs the analysis decodes, decode-for-analysis.ts, so the export plays exactly what the beat grid was
 * found on), never whole; other files decoded whole. Main thread (the browser's decoder lives there).
 */
import { wholeReader, type TrackReader } from '../core/track-reader';
import { DEFAULT_RATE, FRAMES_PER_RUN, WARMUP_FRAMES, decodeAt } from './decode-for-analysis';
import { indexFrames } from './mp3-frames';
import { nativeSampleRate } from './native-rate';
import { runReader } from './run-reader';

const channelsOf = (buffer: AudioBuffer, skip = 0): Float32Array<ArrayBuffer>[] =>
  Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).subarray(skip));

/** Opens `audio` for reading; rejects (with what the browser said) when it cannot be decoded at all. */
export async function openTrackFile(audio: Blob): Promise<TrackReader> {
  const data = new Uint8Array(await audio.arrayBuffer());
  if (data.length === 0) throw new Error('empty file');
  const index = indexFrames(data);
  const decodeWholeBuffer = async () => {
    const buffer = await decodeAt(data, index?.sampleRate ?? nativeSampleRate(data) ?? DEFAULT_RATE);
    if (buffer.length === 0) throw new Error('no audio in file');
    return buffer;
  };
  const decodeWhole = async () => channelsOf(await decodeWholeBuffer());
  if (!index || index.count <= FRAMES_PER_RUN) {
    const buffer = await decodeWholeBuffer();
    return wholeReader(buffer.sampleRate, channelsOf(buffer));
  }
  const { starts, count, samplesPerFrame, sampleRate } = index;
  const framesOfRun = (k: number) => (Math.min(count, (k + 1) * FRAMES_PER_RUN) - k * FRAMES_PER_RUN) * samplesPerFrame;
  return runReader({
    sampleRate,
    runCount: Math.ceil(count / FRAMES_PER_RUN),
    framesOfRun,
    decodeWhole,
    async decodeRun(k) {
      const first = k * FRAMES_PER_RUN;
      const buffer = await decodeAt(data.subarray(starts[Math.max(0, first - WARMUP_FRAMES)], starts[Math.min(count, first + FRAMES_PER_RUN)]), sampleRate);
      if (buffer.sampleRate !== sampleRate || buffer.length === 0) throw new Error('run decoded at another rate, or empty');
      // The first run keeps whatever the decoder makes of the stream's start (encoder-delay trimming included).
      const wanted = k === 0 ? buffer.length : framesOfRun(k);
      if (buffer.length < wanted) throw new Error('run decoded short');
      return channelsOf(buffer, buffer.length - wanted);
    },
  });
}
