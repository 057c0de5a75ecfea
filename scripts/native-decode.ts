/**
 * Fast decoding for the analysis CLI with node-web-audio-api's `decodeAudioData` (Rust, symphonia:
 * MP3, AAC/M4A, Vorbis, FLAC, WAV; no ffmpeg). It decodes MP3 about twice as fast as the WASM
 * decoders, but only whole buffers, so a long file would exist as full-rate stereo in memory
 * (a 10-minute track ≈ 210 MB). MP3 is therefore decoded in runs of whole frames: each run after
 * the first starts WARMUP_FRAMES early (bit reservoir and filter-bank state) and only its last
 * frames' samples are kept, which reproduces a one-pass decode sample for sample (checked in
 * tests/unit/cli/native-decode.test.ts). Other formats are decoded whole when small enough.
 * `decodeNative` returns false when it cannot help (module missing, format or file unsuitable) and
 * throws when a decode fails (a run that decodes short, say); the caller then uses the streaming
 * WASM decoders.
 */
import { noteNativeBytes } from './gc';
import { indexFrames } from './mp3-frames';

/** Frames per decoded run (400 MPEG-1 frames ≈ 10 s, ≈ 3.7 MB of stereo float). */
const FRAMES_PER_RUN = 400;
/** Frames decoded before each run and thrown away: enough for a 511-byte bit reservoir at 8 kbit/s. */
const WARMUP_FRAMES = 12;
/** Largest decoded size (bytes of 32-bit float, all channels) a non-MP3 file may have to be decoded whole. */
const MAX_WHOLE_DECODE_BYTES = 96 * 2 ** 20;
/** Decoded float bytes per file byte, upper estimates by format (lossless ≈ 2–4, lossy up to ≈ 24 at 128 kbit/s). */
const EXPANSION: Record<string, number> = { wav: 2.2, aiff: 2.2, caf: 2.2, flac: 4, m4a: 24, aac: 24, oga: 24, opus: 24, webm: 24 };

/**
 * Receives decoded audio, all channels of one stretch at a time, and the expected total samples per
 * channel when known. The arrays are only valid during the call: copy what must be kept.
 */
export type ChannelSink = (channels: Float32Array[], sampleRate: number, expectedTotal?: number) => void;

interface DecodedBuffer {
  readonly length: number;
  readonly numberOfChannels: number;
  readonly sampleRate: number;
  getChannelData(channel: number): Float32Array;
}
type Decode = (bytes: Uint8Array, contextRate: number) => Promise<DecodedBuffer>;

let loading: Promise<Decode | null> | null = null;

/** Returns the native decode function, or null when node-web-audio-api cannot be loaded here. */
function nativeDecoder(): Promise<Decode | null> {
  loading ??= import('node-web-audio-api').then(
    ({ OfflineAudioContext }) => {
      // One context per sample rate, reused: each one holds native resources until it is collected.
      const contexts = new Map<number, InstanceType<typeof OfflineAudioContext>>();
      return (bytes: Uint8Array, contextRate: number) => {
        let context = contexts.get(contextRate);
        if (!context) contexts.set(contextRate, (context = new OfflineAudioContext(1, 1, contextRate)));
        return context.decodeAudioData(bytes.slice().buffer) as Promise<DecodedBuffer>;
      };
    },
    () => null,
  );
  return loading;
}

/**
 * Hands the channels of `buffer` (samples from `skip` on) to `sink` as views of the decoder's own
 * memory, without copying. The views die with the AudioBuffer, so `buffer` is touched after the
 * sink returns to keep it alive until then.
 */
function emit(buffer: DecodedBuffer, skip: number, sink: ChannelSink, expectedTotal?: number): void {
  const channels: Float32Array[] = [];
  for (let c = 0; c < buffer.numberOfChannels; c++) channels.push(buffer.getChannelData(c).subarray(skip));
  if (channels.length && channels[0].length) sink(channels, buffer.sampleRate, expectedTotal);
  if (buffer.length < 0) throw new Error('unreachable'); // keeps `buffer` alive past the sink
}

/** Decodes an MP3 held in `data` run by run into `sink`; false when it is not a walkable Layer III stream. */
async function decodeMp3Runs(decode: Decode, data: Uint8Array, sink: ChannelSink, framesPerRun: number): Promise<boolean> {
  const index = indexFrames(data);
  if (!index) return false;
  const { starts, count, samplesPerFrame, sampleRate } = index;
  const decodeRun = (first: number): Promise<DecodedBuffer> => {
    const run = decode(data.subarray(starts[Math.max(0, first - WARMUP_FRAMES)], starts[Math.min(count, first + framesPerRun)]), sampleRate);
    run.catch(() => {}); // awaited below; this only keeps an early exit from leaving it unhandled
    return run;
  };
  let next = decodeRun(0);
  for (let first = 0; first < count; first += framesPerRun) {
    const buffer = await next;
    // The decoder works on its own thread: start the next run before this one is downmixed.
    noteNativeBytes(buffer.length * buffer.numberOfChannels * 4); // may collect the runs before this one
    if (first + framesPerRun < count) next = decodeRun(first + framesPerRun);
    if (first === 0) {
      // The first run keeps whatever the decoder makes of the stream's start (encoder-delay trimming included).
      if (buffer.length === 0) return false;
      emit(buffer, 0, sink, count * samplesPerFrame);
      continue;
    }
    const wanted = (Math.min(count, first + framesPerRun) - first) * samplesPerFrame;
    if (buffer.length < wanted) throw new Error(`frames from ${first} decoded short`);
    emit(buffer, buffer.length - wanted, sink);
  }
  return true;
}

/** Returns true when the native decoder can be loaded here. */
export async function nativeDecoderAvailable(): Promise<boolean> {
  return (await nativeDecoder()) !== null;
}

/**
 * Decodes `data` (the whole file, format sniffed as `format`) natively into `sink` (MP3 in runs of
 * `framesPerRun` frames). Returns false,
 * having emitted nothing, when native decoding is unavailable or unsuitable. Throws when decoding
 * fails, possibly after emitting: the caller must then discard what it received.
 */
export async function decodeNative(data: Uint8Array, format: string, sink: ChannelSink, framesPerRun = FRAMES_PER_RUN): Promise<boolean> {
  const decode = await nativeDecoder();
  if (!decode) return false;
  if (format === 'mp3') return decodeMp3Runs(decode, data, sink, framesPerRun);
  const expansion = EXPANSION[format];
  if (!expansion || data.length * expansion > MAX_WHOLE_DECODE_BYTES) return false;
  const buffer = await decode(data, 44100);
  noteNativeBytes(buffer.length * buffer.numberOfChannels * 4);
  emit(buffer, 0, sink);
  return buffer.length > 0;
}
