/**
 * Encoder sessions for exporting a rendered workout: WAV (16-bit PCM) or MP3 (LAME, compiled to WebAssembly,
 * from wasm-media-encoders). A session takes planar Float32 chunks and returns the file's bytes as chunks, in
 * order, so the caller can stream them to a file; nothing is kept but the encoder's own state.
 * Runs in the export worker and in Node tests (which pass the .wasm bytes instead of its URL).
 *
 * MP3 timing: LAME writes no Xing/LAME header here (the library streams frames only), so decoders cannot
 * trim its delay: the decoded file starts with `encoderDelayFrames` = 1105 samples of silence (576 of
 * encoder delay + 529 of decoder delay, at any sample rate) before the input's first sample, and ends with
 * up to one frame (1152) of padding. The chapters written into the ID3 tag are moved by that delay, so they
 * match the decoded audio; a chapter starting at 0 stays at 0 so the chapters still cover the file.
 */
import { id3Problem, id3Tag, type Id3Chapter, type Id3Input } from '../core/id3-tag';
import { floatToPcm16, maxWavFrames, wavHeader } from '../core/wav-file';
import { createEncoder as createLame } from 'wasm-media-encoders';
import { opusSession } from './opus-encode';

/** File formats a workout can be exported to. */
export type ExportFormat = 'wav' | 'mp3' | 'opus';

/** Constant MP3 bitrates (kbit/s) for MPEG-1 sample rates. */
export const MP3_KBPS = [32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320] as const;
/** One of `MP3_KBPS`. */
export type Mp3Kbps = (typeof MP3_KBPS)[number];
/** Sample rates (Hz) MP3 export accepts: MPEG-1 Layer III, so LAME never resamples (which would change its delay). */
export const MP3_SAMPLE_RATES = [32000, 44100, 48000] as const;
/** Samples of silence before the first input sample in a decoded LAME MP3 (576 encoder + 529 decoder delay). */
export const LAME_DELAY_FRAMES = 1105;

/** What to encode. */
export interface EncodeOptions {
  format: ExportFormat;
  sampleRate: number;
  /** 1 or 2 for MP3; 1 to 8 for WAV. */
  channels: number;
  /** Frames (samples per channel) that will be pushed. WAV writes this length in its header: fewer are padded with silence, more are cut. */
  frames: number;
  /** MP3 only: title, artist and chapters (times from the workout's t=0) for the ID3 tag. */
  tag?: Id3Input;
  /** MP3 only: constant bitrate, default 192. */
  kbps?: Mp3Kbps;
}

/** The LAME WebAssembly: the URL of mp3.wasm (browser), its bytes (Node), or the compiled module. */
export type Mp3Wasm = string | Uint8Array | WebAssembly.Module;

/** An open encoding; call `push` for each rendered chunk, then `end` once. */
export interface EncoderSession {
  readonly mimeType: 'audio/wav' | 'audio/mpeg' | 'audio/ogg';
  /** Frames of silence the decoded file has before the input's first frame (0 for WAV). */
  readonly encoderDelayFrames: number;
  /** Encodes one chunk (one Float32Array per channel, same lengths); returns the bytes to append to the file (the first call's start with the header or tag). */
  push(channels: Float32Array[]): Uint8Array[] | Promise<Uint8Array[]>;
  /** Flushes the encoder; returns the last bytes of the file. The session cannot be used afterwards. */
  end(): Uint8Array[] | Promise<Uint8Array[]>;
}

/** A session, or why none could be opened. */
export type CreateEncoderResult = { ok: true; session: EncoderSession } | { ok: false; error: string };

/** Opens an encoder session; MP3 needs `mp3Wasm`. Bad options come back as `{ ok: false, error }` naming the problem. */
export async function createEncoder(options: EncodeOptions, mp3Wasm?: Mp3Wasm): Promise<CreateEncoderResult> {
  const problem = optionsProblem(options);
  if (problem) return { ok: false, error: problem };
  if (options.format === 'wav') return { ok: true, session: wavSession(options) };
  if (options.format === 'opus') {
    try {
      return { ok: true, session: await opusSession(options) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  if (!mp3Wasm) return { ok: false, error: 'MP3 export: the LAME WebAssembly was not given' };
  try {
    return { ok: true, session: await mp3Session(options, mp3Wasm) };
  } catch (error) {
    return { ok: false, error: `MP3 export: the LAME encoder did not load (${error instanceof Error ? error.message : String(error)})` };
  }
}

function optionsProblem({ format, sampleRate, channels, frames, tag, kbps }: EncodeOptions): string | null {
  const name = format.toUpperCase();
  if (!Number.isInteger(frames) || frames < 0) return `${name} export: ${frames} frames`;
  if (format === 'wav') {
    if (!Number.isInteger(sampleRate) || sampleRate < 1) return `WAV export: sample rate ${sampleRate} Hz`;
    if (!Number.isInteger(channels) || channels < 1 || channels > 8) return `WAV export: ${channels} channels (1 to 8 are written)`;
    if (frames > maxWavFrames(channels)) return `WAV export: ${(frames / sampleRate / 3600).toFixed(1)} h is longer than a WAV file can hold`;
    return null;
  }
  if (format === 'opus') return channels === 1 || channels === 2 ? null : `Opus export: ${channels} channels (mono or stereo only)`;
  if (!(MP3_SAMPLE_RATES as readonly number[]).includes(sampleRate)) return `MP3 export: sample rate ${sampleRate} Hz (${MP3_SAMPLE_RATES.join(', ')} are written)`;
  if (channels !== 1 && channels !== 2) return `MP3 export: ${channels} channels (mono or stereo only)`;
  if (kbps !== undefined && !(MP3_KBPS as readonly number[]).includes(kbps)) return `MP3 export: ${kbps} kbit/s is not an MP3 bitrate`;
  return tag ? id3Problem(tag) : null;
}

function checkChunk(channels: Float32Array[], count: number): number {
  if (channels.length !== count) throw new Error(`Export encoder: a chunk of ${channels.length} channels, expected ${count}`);
  const frames = channels[0].length;
  if (channels.some((c) => c.length !== frames)) throw new Error('Export encoder: channels of different lengths in one chunk');
  return frames;
}

function wavSession({ sampleRate, channels, frames }: EncodeOptions): EncoderSession {
  let written = 0;
  let header: Uint8Array | null = wavHeader({ sampleRate, channels, frames });
  const takeHeader = (): Uint8Array[] => {
    const out = header ? [header] : [];
    header = null;
    return out;
  };
  return {
    mimeType: 'audio/wav',
    encoderDelayFrames: 0,
    push(chunk) {
      const length = Math.min(checkChunk(chunk, channels), frames - written);
      const out = takeHeader();
      if (length > 0) out.push(floatToPcm16(chunk.map((c) => c.subarray(0, length))));
      written += Math.max(0, length);
      return out;
    },
    end() {
      const out = takeHeader();
      if (written < frames) out.push(new Uint8Array((frames - written) * channels * 2));
      written = frames;
      return out;
    },
  };
}

/** Returns the chapters moved later by `delayMs`, except a start at 0, which stays so the first chapter starts the file. */
export function delayChapters(chapters: Id3Chapter[], delayMs: number): Id3Chapter[] {
  return chapters.map((c) => ({ title: c.title, startMs: c.startMs > 0 ? c.startMs + delayMs : 0, endMs: c.endMs + delayMs }));
}

async function mp3Session({ sampleRate, channels, tag, kbps = 192 }: EncodeOptions, wasm: Mp3Wasm): Promise<EncoderSession> {
  const lame = await createLame('audio/mpeg', wasm);
  lame.configure({ sampleRate, channels: channels as 1 | 2, bitrate: kbps, outputSampleRate: sampleRate as (typeof MP3_SAMPLE_RATES)[number] });
  const delayMs = (LAME_DELAY_FRAMES / sampleRate) * 1000;
  let head: Uint8Array | null = tag
    ? id3Tag({ ...tag, durationMs: tag.durationMs + delayMs, chapters: delayChapters(tag.chapters, delayMs) })
    : new Uint8Array(0);
  let ended = false;
  // LAME's output buffer is reused by its next call: copy out.
  const take = (bytes: Uint8Array): Uint8Array[] => {
    const out = head && head.length > 0 ? [head] : [];
    head = null;
    if (bytes.length > 0) out.push(bytes.slice());
    return out;
  };
  return {
    mimeType: 'audio/mpeg',
    encoderDelayFrames: LAME_DELAY_FRAMES,
    push(chunk) {
      if (ended) throw new Error('Export encoder: push after end');
      return checkChunk(chunk, channels) > 0 ? take(lame.encode(chunk)) : take(new Uint8Array(0));
    },
    end() {
      if (ended) return [];
      ended = true;
      return take(lame.finalize());
    },
  };
}
