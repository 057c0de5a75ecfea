/**
 * MPEG audio Layer III frame walking, so that a long MP3 can be decoded in runs of whole frames
 * (scripts/native-decode.ts in Node, decode-for-analysis.ts in the browser). Only frame headers are read: sync word, version, bitrate, sample rate and
 * padding give each frame's length. While searching for sync, a header counts only when the next
 * frame's header follows it (or the file ends), which rejects most false syncs inside tags or
 * garbage; once in sync, each frame's header is enough (so a trailing ID3v1 or APE tag does not
 * cost the last frame). On a bad header the walker steps one byte and resynchronises, as decoders do. Free-format and Layer I/II streams are
 * not walked (null): the caller decodes those another way.
 */

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
/** Sample rates by version bits (0 = MPEG 2.5, 2 = MPEG 2, 3 = MPEG 1; 1 is reserved). */
const SAMPLE_RATES: Record<number, number[]> = { 0: [11025, 12000, 8000], 2: [22050, 24000, 16000], 3: [44100, 48000, 32000] };

/** One Layer III frame header. */
export interface FrameHeader {
  /** Frame length in bytes, header included. */
  bytes: number;
  /** PCM samples per channel the frame decodes to. */
  samples: number;
  sampleRate: number;
}

/** Returns the Layer III header at `at`, or null when the bytes there are not one. */
export function readFrameHeader(data: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > data.length || data[at] !== 0xff || (data[at + 1] & 0xe0) !== 0xe0) return null;
  const version = (data[at + 1] >> 3) & 3;
  const layer = (data[at + 1] >> 1) & 3;
  const bitrateIndex = data[at + 2] >> 4;
  const rateIndex = (data[at + 2] >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const sampleRate = SAMPLE_RATES[version][rateIndex];
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex];
  const samples = version === 3 ? 1152 : 576;
  const padding = (data[at + 2] >> 1) & 1;
  return { bytes: Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + padding, samples, sampleRate };
}

/** Returns the length of a leading ID3v2 tag (0 when there is none, 10 when its size runs past the end). */
export function id3v2Length(data: Uint8Array): number {
  if (data.length < 10 || data[0] !== 0x49 || data[1] !== 0x44 || data[2] !== 0x33) return 0;
  const size = ((data[6] & 0x7f) << 21) | ((data[7] & 0x7f) << 14) | ((data[8] & 0x7f) << 7) | (data[9] & 0x7f);
  const footer = data[5] & 0x10 ? 10 : 0;
  const length = 10 + size + footer;
  return length > data.length ? 10 : length;
}

/** The frames of a Layer III stream: byte offsets of each frame start, plus the end of the last one. */
export interface FrameIndex {
  /** `starts[i]` is where frame i begins; `starts[count]` is where the last frame ends. */
  starts: Uint32Array;
  count: number;
  /** Samples per frame and sample rate of the first frame (the stream is assumed not to change them). */
  samplesPerFrame: number;
  sampleRate: number;
}

/** Returns the frame index of `data`, or null when it holds no run of Layer III frames or changes format mid-stream. */
export function indexFrames(data: Uint8Array): FrameIndex | null {
  const starts: number[] = [];
  let first: FrameHeader | null = null;
  let at = id3v2Length(data);
  let end = at;
  let inSync = false;
  while (at + 4 <= data.length) {
    const header = readFrameHeader(data, at);
    const next = header ? at + header.bytes : 0;
    inSync = header !== null && (inSync || next + 4 > data.length || readFrameHeader(data, next) !== null);
    if (header && inSync) {
      if (!first) first = header;
      else if (header.samples !== first.samples || header.sampleRate !== first.sampleRate) return null;
      starts.push(at);
      end = Math.min(next, data.length);
      at = next;
    } else {
      at++;
    }
  }
  if (!first || starts.length === 0) return null;
  starts.push(end);
  return { starts: Uint32Array.from(starts), count: starts.length - 1, samplesPerFrame: first.samples, sampleRate: first.sampleRate };
}
