/**
 * Node-only decoding of an audio file to mono PCM at a reduced rate, for the analysis CLI and the
 * benchmarks. The native decoder (native-decode.ts) goes first because it is about twice as fast;
 * when it is missing, unsuitable or fails, the file is read and decoded in chunks by audio-decode's
 * streaming WASM decoders, which also decode what exists of a damaged file and give the error
 * messages. Either way each decoded stretch is downmixed and downsampled at once, so a long file
 * never exists as full-rate stereo in memory.
 */
import fs from 'node:fs';
import decode from 'audio-decode';
import { MIN_ANALYSIS_SECONDS } from '../src/analysis/analyze-track';
import { createStreamResampler } from '../src/analysis/resample';
import { decodeNative } from './native-decode';

/** Largest file accepted, bytes. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
/** Longest audio accepted, seconds. */
export const MAX_AUDIO_SECONDS = 45 * 60;
const CHUNK_BYTES = 1 << 17; // ≈ 8 s of 128 kbit/s MP3: keeps decoded chunks small
/** Largest file read whole for the native decoder (≈ 20 minutes of 320 kbit/s MP3). */
const MAX_NATIVE_FILE_BYTES = 48 * 2 ** 20;

/** Mono PCM decoded from a file. */
export interface DecodedAudio {
  pcm: Float32Array;
  sampleRate: number;
  /** Duration of the audio in seconds. */
  durationSec: number;
}

type AudioData = { channelData: Float32Array[]; sampleRate: number };
type StreamDecoder = (chunk?: Uint8Array) => Promise<AudioData>;

/** Returns the audio-decode format name for the file's first bytes, or null when unrecognised. */
export function sniffFormat(head: Uint8Array): string | null {
  const text = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (head.length < 4) return null;
  if (text(0, 4) === 'RIFF' && text(8, 12) === 'WAVE') return 'wav';
  if (text(0, 4) === 'fLaC') return 'flac';
  if (text(0, 4) === 'OggS') return text(0, Math.min(head.length, 128)).includes('OpusHead') ? 'opus' : 'oga';
  if (text(4, 8) === 'ftyp') return 'm4a';
  if (text(0, 4) === 'FORM' && text(8, 11) === 'AIF') return 'aiff';
  if (text(0, 4) === 'caff') return 'caf';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  if (text(0, 3) === 'ID3') return 'mp3';
  if (head[0] === 0xff && (head[1] & 0xe0) === 0xe0) return (head[1] & 0x06) === 0 ? 'aac' : 'mp3';
  return null;
}

/** Returns 10 (skip the ID3 header) when an ID3v2 tag claims to run past the end of the file, else 0. */
function bogusId3Skip(head: Uint8Array, fileSize: number): number {
  if (head.length < 10 || String.fromCharCode(head[0], head[1], head[2]) !== 'ID3') return 0;
  const size = ((head[6] & 0x7f) << 21) | ((head[7] & 0x7f) << 14) | ((head[8] & 0x7f) << 7) | (head[9] & 0x7f);
  return 10 + size > fileSize ? 10 : 0; // the decoder resynchronises on the first real frame
}

/** Collects decoded stretches as mono PCM at one rate, with the limits every decode path shares. */
function createPcmSink(targetRate: number) {
  let resampler: ReturnType<typeof createStreamResampler> | null = null;
  let sourceRate = 0;
  let sourceSamples = 0;
  return {
    /** Adds one decoded stretch; `expectedTotal` (samples per channel in the whole file, when known) presizes the output. */
    take(channels: Float32Array[], sampleRate: number, expectedTotal = 0): void {
      if (!channels.length || !channels[0].length) return;
      if (!resampler) {
        sourceRate = sampleRate;
        if (!(sourceRate >= 1000 && sourceRate <= 768000)) throw new Error(`implausible sample rate ${sourceRate}`);
        resampler = createStreamResampler(sourceRate, targetRate, Math.min(expectedTotal, MAX_AUDIO_SECONDS * sourceRate));
      }
      resampler.pushChannels(channels);
      sourceSamples += channels[0].length;
      if (sourceSamples / sourceRate > MAX_AUDIO_SECONDS) throw new Error(`audio longer than ${MAX_AUDIO_SECONDS / 60} minutes`);
    },
    /** Returns the decoded audio, or throws when there is none or too little of it. */
    finish(format: string): DecodedAudio {
      if (!resampler || sourceSamples === 0) throw new Error(`no audio decoded (truncated or corrupt ${format})`);
      const durationSec = sourceSamples / sourceRate;
      if (durationSec < MIN_ANALYSIS_SECONDS) throw new Error(`too short (${durationSec.toFixed(2)} s of audio, need ${MIN_ANALYSIS_SECONDS} s)`);
      return { pcm: resampler.finish(), sampleRate: targetRate, durationSec };
    },
  };
}
type PcmSink = ReturnType<typeof createPcmSink>;

/** Returns true when the native decoder decoded the whole file into `sink` (which is spoilt when it throws or returns false). */
async function tryNative(fd: number, size: number, format: string, sink: PcmSink): Promise<boolean> {
  if (size > MAX_NATIVE_FILE_BYTES) return false;
  const data = new Uint8Array(size);
  if (fs.readSync(fd, data, 0, size, 0) !== size) return false;
  try {
    return await decodeNative(data, format, (channels, rate, expected) => sink.take(channels, rate, expected));
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    if (reason.startsWith('audio longer') || reason.startsWith('implausible')) throw error;
    return false;
  }
}

/** Decodes the file in chunks with audio-decode's streaming WASM decoder for `format` into `sink`. */
async function decodeStreaming(fd: number, head: Uint8Array, size: number, format: string, sink: PcmSink): Promise<void> {
  const factory = (decode as unknown as Record<string, (() => Promise<StreamDecoder>) | undefined>)[format];
  if (!factory) throw new Error(`no decoder for ${format}`);
  const decoder = await factory();
  const take = (data: AudioData): void => sink.take(data.channelData, data.sampleRate);
  const buffer = new Uint8Array(CHUNK_BYTES);
  try {
    for (let offset = bogusId3Skip(head, size); offset < size; ) {
      const bytes = fs.readSync(fd, buffer, 0, CHUNK_BYTES, offset);
      if (bytes <= 0) break;
      offset += bytes;
      take(await decoder(buffer.slice(0, bytes)));
    }
    take(await decoder());
  } catch (error) {
    (decoder as unknown as { free?: () => void }).free?.();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(reason.startsWith('audio longer') || reason.startsWith('implausible') ? reason : `cannot decode ${format}: ${reason}`, { cause: error });
  }
}

/** Decodes `path` to mono at `targetRate` Hz; throws an Error whose message says why in plain words. */
export async function decodeFile(path: string, targetRate = 22050, options: { native?: boolean } = {}): Promise<DecodedAudio> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    throw new Error('file not found or not readable');
  }
  if (!stat.isFile()) throw new Error('not a regular file');
  if (stat.size === 0) throw new Error('empty file');
  if (stat.size > MAX_FILE_BYTES) throw new Error(`file too large (${Math.round(stat.size / 2 ** 20)} MB, limit ${MAX_FILE_BYTES / 2 ** 20} MB)`);
  const fd = fs.openSync(path, 'r');
  try {
    const head = new Uint8Array(4096);
    const headBytes = fs.readSync(fd, head, 0, head.length, 0);
    const format = sniffFormat(head.subarray(0, headBytes));
    if (!format) throw new Error('not an audio file (unrecognised format)');
    const native = createPcmSink(targetRate);
    if (options.native !== false && (await tryNative(fd, stat.size, format, native))) return native.finish(format);
    const streamed = createPcmSink(targetRate);
    await decodeStreaming(fd, head, stat.size, format, streamed);
    return streamed.finish(format);
  } finally {
    fs.closeSync(fd);
  }
}
